/*: # alarm and setitimer: SIGALRM on time

`setitimer(ITIMER_REAL, new, old)` arms the process's real-time timer: after `it_value` the
process is sent `SIGALRM`, and again every `it_interval` after that if the interval is not zero;
`getitimer` says how long is left, and `alarm(seconds)` is the same timer in whole seconds, with
no interval, answering the seconds the previous alarm had left (rounded, as alarm(2) says, and
at least 1 while one was armed). A fork's child starts without one; an `execve` keeps it.
riscv64's generic system calls have no `alarm`: its C library makes it of `setitimer`.

setitimer(2) also names `ITIMER_VIRTUAL` and `ITIMER_PROF`, which count the process's CPU time.
Zinc does not count CPU time per process (linux/time.c answers the CPU clocks with the monotonic
clock), so it does not pretend to serve them: they answer `EINVAL`, the error for a timer the
kernel does not know.

Each process keeps its timer as a deadline and an interval (`alarm_at`, `alarm_interval`, under
the tree lock). Something must send the signal at the deadline even while every thread of the
process computes, or sleeps in a call that knows nothing of the timer: that is the *alarm clock*,
one task of the kernel's executor (chapter 6) for all processes, started by the first alarm. It
sleeps until the earliest deadline, or until a call changes a timer (an event it waits on as
well), then sends `SIGALRM` (`SI_KERNEL`, as Linux's) to every process whose deadline has come,
moving a periodic one's by its interval. */
#include <linux/time_types.h>

#include "exec/event.h"
#include "exec/kernel_executor.h"
#include "exec/sleep.h"
#include "kernel/init.h"
#include "linux/signals.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

#define NS 1000000000ull
#define US 1000ull
#define LINUX_ITIMER_REAL 0 /* <linux/time.h>'s, which clashes with the C library's <time.h> */

/* The alarm clock: a future that sleeps until the next deadline or a change. */
static struct {
    struct future base;
    struct sleep_future nap;
    struct exec_event changed;
    struct event_wait change;
    struct task task;
    uint32_t started; /* atomic (a word: riscv64 has no byte-wide exchange) */
} alarm_clock;

/* Under the tree lock: send lp its SIGALRM if its time has come, and keep the earliest deadline
   in *next. */
static void ring_if_due(struct linux_process *lp, void *arg)
{
    uint64_t *next = arg, now = hal_timer_now();
    if (!lp->alarm_at || lp->exited)
        return;
    if (lp->alarm_at <= now) {
        linux_signal_process(lp, SIGALRM, (struct signal_origin){.code = SI_KERNEL});
        uint64_t late = lp->alarm_interval ? (now - lp->alarm_at) / lp->alarm_interval : 0;
        lp->alarm_at = lp->alarm_interval ? lp->alarm_at + (late + 1) * lp->alarm_interval : 0;
    }
    if (lp->alarm_at && lp->alarm_at < *next)
        *next = lp->alarm_at;
}

static enum poll tick(struct future *f, struct waker w)
{
    for (;;) {
        bool changed = future_poll(&alarm_clock.change.base, w) == POLL_READY;
        if (!changed && future_poll(&alarm_clock.nap.base, w) == POLL_PENDING)
            return POLL_PENDING;
        /* cleared before the look: a change made after it wakes the clock again */
        exec_event_clear(&alarm_clock.changed);
        uint64_t next = HAL_NO_DEADLINE;
        hal_lock_acquire(&linux_tree_lock);
        linux_process_each(ring_if_due, &next);
        hal_lock_release(&linux_tree_lock);
        future_cancel(&alarm_clock.nap.base);
        sleep_future_init(&alarm_clock.nap, next);
    }
}

static void alarm_clock_init(void)
{
    alarm_clock.base.poll = tick;
    exec_event_init(&alarm_clock.changed);
    event_wait_init(&alarm_clock.change, &alarm_clock.changed);
    sleep_future_init(&alarm_clock.nap, HAL_NO_DEADLINE);
}
INIT_STEP(alarm_clock_init, INIT_LATE);

/* Tell the alarm clock a timer changed, starting it the first time. */
static void clock_changed(void)
{
    exec_event_set(&alarm_clock.changed);
    if (!__atomic_exchange_n(&alarm_clock.started, 1, __ATOMIC_SEQ_CST))
        task_spawn(&kernel_executor, &alarm_clock.task, &alarm_clock.base);
}

/* What is left of lp's timer at now: 0 when disarmed, at least 1 (ns) while armed. Under the tree
   lock. */
static uint64_t time_left(const struct linux_process *lp, uint64_t now)
{
    return lp->alarm_at > now ? lp->alarm_at - now : lp->alarm_at ? 1 : 0;
}

/* Set the calling process's timer to fire after value ns (0: disarm), then every interval ns;
   what was set before goes to *old_value and *old_interval. */
static void set_alarm(uint64_t value, uint64_t interval, uint64_t *old_value,
                      uint64_t *old_interval)
{
    struct linux_process *lp = linux_current();
    uint64_t now = hal_timer_now();
    hal_lock_acquire(&linux_tree_lock);
    *old_value = time_left(lp, now);
    *old_interval = lp->alarm_interval;
    lp->alarm_at = value ? now + value : 0;
    lp->alarm_interval = value ? interval : 0;
    hal_lock_release(&linux_tree_lock);
    clock_changed();
}

static struct __kernel_old_timeval timeval_of(uint64_t ns)
{
    uint64_t us = (ns + US - 1) / US; /* a time left is never shown as none */
    return (struct __kernel_old_timeval){(int64_t)(us / 1000000), (int64_t)(us % 1000000)};
}

/* A struct timeval in ns: 0, or -EINVAL for a malformed one. */
static int timeval_ns(struct __kernel_old_timeval tv, uint64_t *ns)
{
    if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
        return -EINVAL;
    *ns = (uint64_t)tv.tv_sec >= UINT64_MAX / NS / 2 ? UINT64_MAX / 2
                                                     : (uint64_t)tv.tv_sec * NS + tv.tv_usec * US;
    return 0;
}

/* getitimer(which, value) */
static int64_t linux_getitimer(const uint64_t *arg)
{
    if (arg[0] != LINUX_ITIMER_REAL)
        return -EINVAL;
    struct linux_process *lp = linux_current();
    uint64_t now = hal_timer_now();
    hal_lock_acquire(&linux_tree_lock);
    struct __kernel_old_itimerval it = {timeval_of(lp->alarm_interval),
                                        timeval_of(time_left(lp, now))};
    hal_lock_release(&linux_tree_lock);
    return copy_to_user(arg[1], &it, sizeof it);
}
LINUX_SYSCALL(getitimer, linux_getitimer);

/* setitimer(which, new_value, old_value) */
static int64_t linux_setitimer(const uint64_t *arg)
{
    struct __kernel_old_itimerval want = {0}, old;
    uint64_t value, interval, old_value, old_interval;
    if (arg[0] != LINUX_ITIMER_REAL)
        return -EINVAL;
    if (arg[1] && copy_from_user(&want, arg[1], sizeof want))
        return -EFAULT; /* (no new value: disarm, as Linux does) */
    if (timeval_ns(want.it_value, &value) || timeval_ns(want.it_interval, &interval))
        return -EINVAL;
    set_alarm(value, interval, &old_value, &old_interval);
    old = (struct __kernel_old_itimerval){timeval_of(old_interval), timeval_of(old_value)};
    return arg[2] ? copy_to_user(arg[2], &old, sizeof old) : 0;
}
LINUX_SYSCALL(setitimer, linux_setitimer);

#ifdef __NR_alarm
/* alarm(seconds): the seconds the previous alarm had left. */
static int64_t linux_alarm(const uint64_t *arg)
{
    uint64_t old_value, old_interval, seconds = (uint32_t)arg[0];
    set_alarm(seconds * NS, 0, &old_value, &old_interval);
    return old_value ? (int64_t)((old_value + NS / 2) / NS) + (old_value < NS / 2) : 0;
}
LINUX_SYSCALL(alarm, linux_alarm);
#endif
