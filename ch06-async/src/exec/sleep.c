/*: # The timer future's poll and cancel */
#include "exec/sleep.h"

#include "object/kobject.h"

static void fire(struct ktimer *timer, void *arg)
{
    struct sleep_future *s = arg;
    __atomic_store_n(&s->fired, 1, __ATOMIC_RELEASE);
    waker_wake(s->waker);
}

static void disarm(struct sleep_future *s)
{
    if (s->armed) {
        timer_cancel_sync(&s->timer);
        s->armed = false;
    }
}

static enum poll sleep_poll(struct future *f, struct waker w)
{
    struct sleep_future *s = container_of(f, struct sleep_future, base);
    if (__atomic_load_n(&s->fired, __ATOMIC_ACQUIRE) || hal_timer_now() >= s->deadline) {
        disarm(s);
        return POLL_READY;
    }
    if (!s->armed) {
        s->waker = w;
        s->armed = true;
        timer_start(&s->timer, s->deadline, fire, s);
    }
    return POLL_PENDING;
}

static void sleep_cancel(struct future *f)
{
    disarm(container_of(f, struct sleep_future, base));
}

void sleep_future_init(struct sleep_future *s, uint64_t deadline)
{
    *s = (struct sleep_future){
        .base = {.poll = sleep_poll, .cancel = sleep_cancel},
        .deadline = deadline,
    };
}
