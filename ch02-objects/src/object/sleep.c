/*: # Sleeping

The simplest blocking operation: a waiter that is published nowhere, so that only its deadline (or a
cancellation) ends the wait. Its state is the bare `wait_op`, allocated as every operation's is. */
#include "kernel/kmalloc.h"
#include "object/waiter.h"

static zx_status_t finish_sleep(struct wait_op *op, zx_status_t ended)
{
    kfree(op);
    return ended == ZX_ERR_TIMED_OUT ? ZX_OK : ended;
}

zx_status_t wait_sleep(uint64_t deadline)
{
    struct wait_op *op = kzalloc(sizeof *op);
    if (!op)
        return ZX_ERR_NO_MEMORY;
    wait_op_init(op, deadline, ZX_THREAD_STATE_BLOCKED_SLEEPING, finish_sleep);
    return wait_then(op);
}
