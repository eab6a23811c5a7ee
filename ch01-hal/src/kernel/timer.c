/*: # Kernel timers, implemented

The pending timers form a list sorted by deadline, so the earliest is always at the head and the
interrupt handler only ever looks there. Insertion is O(n), which is fine for the few timers a
teaching kernel holds; a real kernel would use a heap or a timer wheel. The handler unlinks each due
timer *before* calling it, with the lock released, so a callback may restart its own timer. Because
it runs unlocked, a callback can still be running just after `timer_cancel` said the timer was not
pending; the handler therefore notes which timer it is running, and `timer_cancel_sync` waits for
that one to return. Interrupts are handled on one CPU (on LibOS, one host thread), so one note is
enough.

Slack is handled by choosing the deadline: a timer that may fire anywhere in a window takes the
deadline of a timer already due in it, so that one interrupt serves both (Zircon coalesces the same
way). */
#include "kernel/timer.h"

#include "hal/hal.h"
#include "kernel/init.h"

static struct {
    struct hal_lock lock;
    struct ktimer *head;
    struct ktimer *running; /* whose callback the handler is calling now, or NULL */
} timers = {.lock = HAL_LOCK_INIT};

static void program_hardware(void)
{
    hal_timer_set_deadline(timers.head ? timers.head->deadline : HAL_NO_DEADLINE);
}

static void unlink(struct ktimer *t)
{
    for (struct ktimer **p = &timers.head; *p; p = &(*p)->next) {
        if (*p == t) {
            *p = t->next;
            break;
        }
    }
    t->pending = false;
}

void timer_start(struct ktimer *t, uint64_t deadline, void (*fn)(struct ktimer *, void *),
                 void *arg)
{
    hal_lock_acquire(&timers.lock);
    if (t->pending)
        unlink(t);
    t->deadline = deadline;
    t->fn = fn;
    t->arg = arg;
    t->pending = true;
    /* LAB ch01-timer-order BEGIN: link t into the list so that it stays sorted by deadline, and a
       timer started later than another with the same deadline fires after it.
       stub:
    t->next = timers.head;
    timers.head = t;
    */
    struct ktimer **p = &timers.head;
    while (*p && (*p)->deadline <= deadline)
        p = &(*p)->next;
    t->next = *p;
    *p = t;
    /* LAB END */
    program_hardware();
    hal_lock_release(&timers.lock);
}

void timer_start_slack(struct ktimer *t, uint64_t earliest, uint64_t deadline, uint64_t latest,
                       void (*fn)(struct ktimer *, void *), void *arg)
{
    hal_lock_acquire(&timers.lock);
    for (struct ktimer *o = timers.head; o && o->deadline <= latest; o = o->next) {
        if (o != t && o->deadline >= earliest) {
            deadline = o->deadline;
            break;
        }
    }
    hal_lock_release(&timers.lock);
    timer_start(t, deadline, fn, arg); /* had o been cancelled meanwhile: still in the window */
}

bool timer_cancel(struct ktimer *t)
{
    hal_lock_acquire(&timers.lock);
    bool was_pending = t->pending;
    if (was_pending) {
        unlink(t);
        program_hardware();
    }
    hal_lock_release(&timers.lock);
    return was_pending;
}

void timer_cancel_sync(struct ktimer *t)
{
    for (;;) {
        timer_cancel(t);
        hal_lock_acquire(&timers.lock);
        bool running = timers.running == t;
        hal_lock_release(&timers.lock);
        if (!running)
            return;
    }
}

static void timer_interrupt(unsigned irq, void *arg)
{
    for (;;) {
        hal_lock_acquire(&timers.lock);
        timers.running = NULL;
        struct ktimer *t = timers.head;
        if (!t || t->deadline > hal_timer_now()) {
            program_hardware();
            hal_lock_release(&timers.lock);
            return;
        }
        timers.head = t->next;
        t->pending = false;
        timers.running = t;
        hal_lock_release(&timers.lock);
        t->fn(t, t->arg);
    }
}

static void timer_init(void)
{
    hal_irq_register(HAL_IRQ_TIMER, timer_interrupt, NULL);
}
INIT_STEP(timer_init, INIT_DEVICES);
