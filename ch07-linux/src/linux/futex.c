/*: # Linux's futex, on chapter 5's

Linux's `futex(uaddr, op, val, timeout, uaddr2, val3)` is one call with many operations; the
ones C libraries build their locks, condition variables and thread joins on are chapter 5's futex
operations under other names:

| Linux | chapter 5 (object/futex.h) |
|-------|---------------------------|
| `FUTEX_WAIT`: sleep if `*uaddr == val`, for a relative time | `futex_queue` and a wait |
| `FUTEX_WAIT_BITSET`: the same, until an absolute time | the same |
| `FUTEX_WAKE`: wake `val` waiters, answer how many | `futex_wake` |
| `FUTEX_CMP_REQUEUE`: wake `val`, move up to `val2` more to `uaddr2` | `futex_requeue` |
| `FUTEX_REQUEUE`: the same, whatever `*uaddr` holds | the same, with the value read |
| `FUTEX_WAKE_BITSET` | `futex_wake` |

The answers are Linux's: a value that changed is `-EAGAIN` (Zircon's `ZX_ERR_BAD_STATE`), a
timeout `-ETIMEDOUT`, a signal `-EINTR`, a word that cannot be read `-EFAULT`.

Three simplifications, each allowed by how futexes are used. Every futex is private to its process
(`FUTEX_PRIVATE_FLAG` changes nothing): chapter 5 keys futexes by process, so two processes that
share a page (`MAP_SHARED`) do not wake each other through it. The bitsets of the `_BITSET`
operations must not be zero, but are otherwise not compared: a wake may wake a waiter whose bitset
did not match, a spurious wake-up that every futex user must already expect. And `FUTEX_WAIT`'s
deadline is computed when it starts; a wait interrupted by a handler and restarted waits afresh. */
#include <linux/futex.h>

#include "kernel/kmalloc.h"
#include "linux/clock.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/futex.h"
#include "syscall/futex_caller.h"
#include "task/task.h"

/* The end of a wait: woken, or off the queue again (unless a wake took it off first). */
static zx_status_t wait_ended(struct wait_op *op, zx_status_t ended)
{
    struct futex_waiter *w = container_of(op, struct futex_waiter, op);
    if (ended != ZX_OK && futex_unqueue(w) == ZX_OK)
        ended = ZX_OK;
    kfree(w);
    if (ended == ZX_OK)
        return 0;
    return ended == ZX_ERR_TIMED_OUT ? -ETIMEDOUT : -EINTR;
}

/* Wait on uaddr while it holds val, until deadline (hal_timer_now's clock). */
static int64_t wait(uaddr_t uaddr, uint32_t val, uint64_t deadline)
{
    struct futex_space s = futex_caller_space();
    struct futex_waiter *w = kzalloc(sizeof *w);
    if (!w)
        return -ENOMEM;
    w->self = &thread_current()->base;
    wait_op_init(&w->op, deadline, ZX_THREAD_STATE_BLOCKED_FUTEX, wait_ended);
    zx_status_t status = futex_queue(&s, uaddr, (int32_t)val, (struct futex_owner){0}, w);
    if (status != ZX_OK) {
        kfree(w);
        return status == ZX_ERR_BAD_STATE   ? -EAGAIN
               : status == ZX_ERR_NO_MEMORY ? -ENOMEM
                                            : -EFAULT;
    }
    return wait_then(&w->op);
}

/* futex(uaddr, op, val, timeout or val2, uaddr2, val3) */
static int64_t linux_futex(const uint64_t *arg)
{
    uaddr_t uaddr = arg[0], uaddr2 = arg[4];
    int op = (int)arg[1];
    uint32_t val = (uint32_t)arg[2], val3 = (uint32_t)arg[5];
    int cmd = op & FUTEX_CMD_MASK;
    bool realtime = op & FUTEX_CLOCK_REALTIME;
    if (uaddr % sizeof(uint32_t))
        return -EINVAL;
    if (realtime && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET)
        return -ENOSYS; /* as Linux, for the other operations */
    struct futex_space s = futex_caller_space();
    uint64_t deadline;
    int err;
    uint32_t moved = 0;
    if ((cmd == FUTEX_WAIT_BITSET || cmd == FUTEX_WAKE_BITSET) && !val3)
        return -EINVAL; /* otherwise the bitset is not compared (see above) */
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET:
        /* FUTEX_WAIT's timeout is a span, FUTEX_WAIT_BITSET's a time on the clock asked */
        deadline = HAL_NO_DEADLINE;
        err = !arg[3]
                  ? 0
                  : linux_timespec_deadline(arg[3],
                                            realtime ? LINUX_CLOCK_REALTIME : LINUX_CLOCK_MONOTONIC,
                                            cmd == FUTEX_WAIT_BITSET, &deadline);
        return err ? err : wait(uaddr, val, deadline);
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
        return futex_wake(&s, uaddr, val, false);
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE: {
        if ((int32_t)val < 0 || (int64_t)arg[3] < 0)
            return -EINVAL;
        int32_t expected = (int32_t)val3;
        zx_status_t status;
        do { /* no comparison asked: compare with what is there, again if it changed meanwhile */
            if (cmd == FUTEX_REQUEUE && copy_from_user(&expected, uaddr, sizeof expected))
                return -EFAULT;
            status = futex_requeue(&s, uaddr, val, expected, uaddr2, (uint32_t)arg[3],
                                   (struct futex_owner){0}, false, &moved);
        } while (cmd == FUTEX_REQUEUE && status == ZX_ERR_BAD_STATE);
        if (status == ZX_ERR_BAD_STATE)
            return -EAGAIN;
        if (status != ZX_OK)
            return status == ZX_ERR_NO_MEMORY ? -ENOMEM : -EFAULT;
        return moved;
    }
    default:
        return -ENOSYS; /* priority inheritance, FUTEX_WAKE_OP: not served */
    }
}
LINUX_SYSCALL(futex, linux_futex);
