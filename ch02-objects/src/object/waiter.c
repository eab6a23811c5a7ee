/*: # Blocking, implemented

A waiter wakes the kernel thread that made it, and `wait_then` blocks that thread until the wait
ends, then finishes it.

`wait_then` is the whole of "arm, then finish" in these chapters: block, then finish. This is the
file chapter 6 replaces, so it holds only what changes there: who a waiter wakes, and what
`wait_then` does. The block itself is in object/wait_block.c and the thread's own record
(cancellation, the reason it is blocked) in object/wait_self.c; both stay. */
#include "object/waiter.h"

void waiter_init(struct waiter *w)
{
    *w = (struct waiter){.sleeper = hal_thread_current()};
}

void waiter_wake(struct waiter *w)
{
    struct hal_thread *thread = w->sleeper; /* once woken is set, w may vanish with its wait */
    __atomic_store_n(&w->woken, true, __ATOMIC_RELEASE);
    hal_thread_wake(thread);
}

zx_status_t wait_then(struct wait_op *op)
{
    return op->finish(op, wait_block(&op->waiter, op->deadline, op->reason));
}
