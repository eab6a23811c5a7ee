/*: # rt_sigtimedwait: taking a signal without a handler

`sigwaitinfo(set, info)` and `sigtimedwait(set, info, timeout)` (both `rt_sigtimedwait` to the
kernel) take a pending signal of `set` and return its number, with its siginfo, instead of letting
a handler or the default action have it: a program that blocks the signals it expects and then
waits for them handles them in plain sequential code. Following sigtimedwait(2): with none
pending, the call waits until one of the set comes (`SIGKILL` and `SIGSTOP` in the set are
ignored), or the timeout passes (`EAGAIN`; a zero timeout only looks), or a signal outside the set
that the thread does not block runs its handler (`EINTR`, never restarted).

The signals of the set are normally blocked, and a blocked signal wakes nobody (linux/signals.c).
So while it waits the thread tells the signals code which signals it waits for
(`linux_signal_wait_for`): they then end its waits as an unblocked signal would, and the wait's
second half takes the one that came. The call waits once, with its deadline computed at the start,
and finishes in that second half rather than running again (a relative timeout would start afresh
at every wake). */
#include "kernel/kmalloc.h"
#include "linux/clock.h"
#include "linux/signals.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/waiter.h"

/* A wait for the signals of set, whose siginfo goes to info (0: nowhere). */
struct sigwait {
    struct wait_op op;
    uint64_t set;
    uaddr_t info;
};

/* Take a pending signal of set, its siginfo written at info: its number, 0 if none, or -EFAULT. */
static int64_t take_from(uint64_t set, uaddr_t info)
{
    siginfo_t got;
    int sig = linux_signal_dequeue(thread_current(), set, &got);
    if (sig && info && copy_to_user(info, &got, sizeof got))
        return -EFAULT;
    return sig;
}

static zx_status_t wait_ended(struct wait_op *op, zx_status_t ended)
{
    struct sigwait *w = container_of(op, struct sigwait, op);
    uint64_t set = w->set;
    uaddr_t info = w->info;
    kfree(w);
    linux_signal_wait_for(thread_current(), 0);
    int64_t sig = take_from(set, info);
    if (sig)
        return (zx_status_t)sig;
    return ended == ZX_ERR_TIMED_OUT ? -EAGAIN : -EINTR;
}

/* rt_sigtimedwait(set, info, timeout, sigsetsize) */
static int64_t linux_rt_sigtimedwait(const uint64_t *arg)
{
    uint64_t set, deadline = HAL_NO_DEADLINE;
    if (arg[3] != sizeof(sigset_t))
        return -EINVAL;
    if (copy_from_user(&set, arg[0], sizeof set))
        return -EFAULT;
    int err = arg[2] ? linux_timespec_deadline(arg[2], LINUX_CLOCK_MONOTONIC, false, &deadline) : 0;
    if (err)
        return err;
    int64_t sig = take_from(set, arg[1]);
    if (sig)
        return sig;
    if (deadline <= hal_timer_now())
        return -EAGAIN;
    struct sigwait *w = kzalloc(sizeof *w);
    if (!w)
        return -ENOMEM;
    w->set = set;
    w->info = arg[1];
    linux_signal_wait_for(thread_current(), set); /* one that came meanwhile ends the wait now */
    wait_op_init(&w->op, deadline, ZX_THREAD_STATE_BLOCKED_SLEEPING, wait_ended);
    return wait_then(&w->op);
}
LINUX_SYSCALL(rt_sigtimedwait, linux_rt_sigtimedwait);
