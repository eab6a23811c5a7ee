/*: # Blocking a kernel thread

The thread parks (hal/thread.h) until its waiter is woken, its deadline passes or it is cancelled.
A park can also end for a wake that was not for this wait (a stray token left by an earlier one, or
the wake a kill sends): the loop just looks again. The reason the thread is blocked is set just
before it parks and cleared when it stops: a wait that ends at once (woken already, deadline past)
never shows as blocked. */
#include "object/waiter.h"

bool waiter_woken(const struct waiter *w)
{
    return __atomic_load_n(&w->woken, __ATOMIC_ACQUIRE);
}

void wait_op_init(struct wait_op *op, uint64_t deadline, uint32_t reason,
                  zx_status_t (*finish)(struct wait_op *op, zx_status_t ended))
{
    *op = (struct wait_op){.deadline = deadline, .reason = reason, .finish = finish};
    waiter_init(&op->waiter);
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
