/*: # Blocking, implemented

The thread parks (hal/thread.h) until its waiter is woken, its deadline passes or it is cancelled.
A park can also end for a wake that was not for this wait (a stray token left by an earlier one, or
the wake a kill sends): the loop just looks again. The reason the thread is blocked is set just
before it parks and cleared when it stops: a wait that ends at once (woken already, deadline past)
never shows as blocked. This is the file chapter 6 replaces. */
#include "object/waiter.h"

void waiter_init(struct waiter *w)
{
    *w = (struct waiter){.thread = hal_thread_current()};
}

void waiter_wake(struct waiter *w)
{
    struct hal_thread *thread = w->thread; /* once woken is set, w may vanish with its owner's frame */
    __atomic_store_n(&w->woken, true, __ATOMIC_RELEASE);
    hal_thread_wake(thread);
}

bool waiter_woken(const struct waiter *w)
{
    return __atomic_load_n(&w->woken, __ATOMIC_ACQUIRE);
}

void wait_self_attach(struct wait_self *self)
{
    hal_thread_set_wait_self(self);
}

bool wait_cancelled(void)
{
    struct wait_self *self = hal_thread_wait_self();
    return self && self->cancelled && __atomic_load_n(self->cancelled, __ATOMIC_SEQ_CST);
}

void wait_blocked_as(uint32_t reason)
{
    struct wait_self *self = hal_thread_wait_self();
    if (self)
        __atomic_store_n(&self->blocked, reason, __ATOMIC_SEQ_CST);
}

uint32_t wait_blocked_reason(const struct wait_self *self)
{
    return __atomic_load_n(&self->blocked, __ATOMIC_SEQ_CST);
}

zx_status_t wait_block(struct waiter *w, uint64_t deadline, uint32_t reason)
{
    zx_status_t status = ZX_OK;
    wait_blocked_as(reason);
    while (!waiter_woken(w)) {
        if (wait_cancelled()) {
            status = ZX_ERR_CANCELED;
            break;
        }
        if (hal_timer_now() >= deadline) {
            status = ZX_ERR_TIMED_OUT;
            break;
        }
        hal_thread_park(deadline);
    }
    wait_blocked_as(0);
    return status;
}

zx_status_t wait_sleep(uint64_t deadline)
{
    struct waiter w;
    waiter_init(&w); /* published nowhere: only the deadline or a cancellation ends it */
    zx_status_t status = wait_block(&w, deadline, ZX_THREAD_STATE_BLOCKED_SLEEPING);
    return status == ZX_ERR_TIMED_OUT ? ZX_OK : status;
}
