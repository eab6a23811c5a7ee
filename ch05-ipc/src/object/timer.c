/*: # Timer, implemented

The object's lock guards whether it is armed, its deadline and its slack. Setting and cancelling
take it, and so does the kernel timer's callback; the callback can run just after a new setting
replaced the one it was started for (it was already on its way out of the interrupt's list), so it
fires only if the timer is armed and its kernel timer is not pending again. Destroying a timer
waits for a running callback to return (`timer_cancel_sync`) before the memory goes.

Slack becomes a window around the deadline, on the side the options choose; chapter 1's
`timer_start_slack` fires the timer with another one due inside the window, if there is one. */
#include "object/timer.h"

#include "kernel/kmalloc.h"
#include "kernel/timer.h"

struct timer {
    struct kobject base;
    struct hal_lock lock; /* guards armed, deadline, slack and the starting of kt */
    struct ktimer kt;
    uint32_t options;
    bool armed;
    zx_time_t deadline;
    zx_duration_t slack;
};

static struct timer *to_timer(struct kobject *obj)
{
    return container_of(obj, struct timer, base);
}

static void timer_destroy(struct kobject *obj)
{
    struct timer *t = to_timer(obj);
    timer_cancel_sync(&t->kt);
    kfree(t);
}

const struct kobject_type timer_type = {
    .name = "timer",
    .type = ZX_OBJ_TYPE_TIMER,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHT_WRITE | ZX_RIGHT_SIGNAL,
    .destroy = timer_destroy,
};

zx_status_t timer_obj_create(uint32_t options, struct kobject **out)
{
    struct timer *t = kzalloc(sizeof *t);
    if (!t)
        return ZX_ERR_NO_MEMORY;
    kobject_init(&t->base, &timer_type);
    hal_lock_init(&t->lock);
    t->options = options;
    *out = &t->base;
    return ZX_OK;
}

/* The timer is due: signal it. It is armed no more: ZX_INFO_TIMER says deadline and slack 0. */
static void fire_locked(struct timer *t)
{
    t->armed = false;
    t->deadline = 0;
    t->slack = 0;
    kobject_signal(&t->base, 0, ZX_TIMER_SIGNALED);
}

static void fire(struct ktimer *kt, void *arg)
{
    struct timer *t = arg;
    hal_lock_acquire(&t->lock);
    if (t->armed && !kt->pending)
        fire_locked(t);
    hal_lock_release(&t->lock);
}

/* a + b for a, b >= 0 on the unsigned clock, without wrapping past HAL_NO_DEADLINE. */
static uint64_t add_clamped(uint64_t a, uint64_t b)
{
    return a > HAL_NO_DEADLINE - b ? HAL_NO_DEADLINE : a + b;
}

void timer_obj_set(struct kobject *obj, zx_time_t deadline, zx_duration_t slack)
{
    struct timer *t = to_timer(obj);
    uint64_t at = deadline < 0 ? 0 : (uint64_t)deadline, room = (uint64_t)slack;
    uint64_t earliest = t->options == ZX_TIMER_SLACK_LATE ? at : (at > room ? at - room : 0);
    uint64_t latest = t->options == ZX_TIMER_SLACK_EARLY ? at : add_clamped(at, room);
    hal_lock_acquire(&t->lock);
    t->armed = true;
    t->deadline = deadline;
    t->slack = slack;
    kobject_signal(&t->base, ZX_TIMER_SIGNALED, 0);
    if (at <= hal_timer_now()) { /* due already: signalled before the call returns, as Zircon's */
        timer_cancel(&t->kt);
        fire_locked(t);
    } else {
        timer_start_slack(&t->kt, earliest, at, latest, fire, t);
    }
    hal_lock_release(&t->lock);
}

void timer_obj_cancel(struct kobject *obj)
{
    struct timer *t = to_timer(obj);
    hal_lock_acquire(&t->lock);
    t->armed = false;
    t->deadline = 0;
    t->slack = 0;
    timer_cancel(&t->kt);
    kobject_signal(&t->base, ZX_TIMER_SIGNALED, 0);
    hal_lock_release(&t->lock);
}

void timer_obj_info(struct kobject *obj, zx_info_timer_t *info)
{
    struct timer *t = to_timer(obj);
    hal_lock_acquire(&t->lock);
    *info = (zx_info_timer_t){
        .options = t->options,
        .clock_id = ZX_CLOCK_MONOTONIC,
        .deadline = t->deadline,
        .slack = t->slack,
    };
    hal_lock_release(&t->lock);
}
