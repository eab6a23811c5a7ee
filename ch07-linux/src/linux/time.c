/*: # Time

Linux's clocks over the kernel's one monotonic clock (hal/timer.h): `LINUX_CLOCK_MONOTONIC` and
`CLOCK_BOOTTIME` are it; `LINUX_CLOCK_REALTIME`, the wall clock, is it plus the time of the boot.
Zinc reads no real-time clock chip yet, so the boot is taken to be at `BOOT_EPOCH`, a fixed date:
the wall clock runs at the right speed from there. The process and thread CPU clocks are answered
with the monotonic clock too, which is an upper bound of what they measure.

`nanosleep` and `clock_nanosleep` wait for a deadline (linux/block.c); a relative sleep's deadline
is computed once, at the first run of the call. */
#include <linux/time_types.h>

#include "linux/block.h"
#include "linux/clock.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

#define BOOT_EPOCH 1798761600ull /* 2027-01-01 00:00:00 UTC, in seconds since 1970 */
#define NS 1000000000ull

/* How far clock is ahead of the monotonic clock: a constant, since they run at one speed. */
static uint64_t clock_offset(uint64_t clock)
{
    return clock == LINUX_CLOCK_REALTIME || clock == LINUX_CLOCK_REALTIME_COARSE ? BOOT_EPOCH * NS
                                                                                 : 0;
}

static uint64_t clock_now(uint64_t clock)
{
    return hal_timer_now() + clock_offset(clock);
}

uint64_t linux_clock_realtime(void)
{
    return clock_now(LINUX_CLOCK_REALTIME);
}

int linux_timespec_ns(const struct __kernel_timespec *ts, uint64_t *ns)
{
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= (int64_t)NS)
        return -EINVAL;
    *ns = (uint64_t)ts->tv_sec >= UINT64_MAX / NS
              ? UINT64_MAX
              : (uint64_t)ts->tv_sec * NS + (uint64_t)ts->tv_nsec;
    return 0;
}

uint64_t linux_clock_deadline(uint64_t clock, uint64_t ns, bool absolute)
{
    /* LAB ch07-deadline BEGIN: the monotonic deadline (hal_timer_now's clock) of ns: an absolute
       time on clock (which is clock_offset ahead of the monotonic clock) or a span from now, the
       clock read once. A time already past is a deadline already reached: now; a deadline the
       monotonic clock cannot count is HAL_NO_DEADLINE.
       stub:
    uint64_t monotonic = hal_timer_now();
    return monotonic + (absolute ? ns - (monotonic + clock_offset(clock)) : ns);
    */
    uint64_t monotonic = hal_timer_now(), now = monotonic + clock_offset(clock);
    uint64_t span = absolute ? (ns > now ? ns - now : 0) : ns;
    return span >= HAL_NO_DEADLINE - monotonic ? HAL_NO_DEADLINE : monotonic + span;
    /* LAB END */
}

int linux_timespec_deadline(uaddr_t addr, uint64_t clock, bool absolute, uint64_t *deadline)
{
    struct __kernel_timespec ts;
    uint64_t ns;
    if (copy_from_user(&ts, addr, sizeof ts))
        return -EFAULT;
    int err = linux_timespec_ns(&ts, &ns);
    if (!err)
        *deadline = linux_clock_deadline(clock, ns, absolute);
    return err;
}

static int64_t linux_clock_gettime(const uint64_t *arg)
{
    if (arg[0] > LINUX_CLOCK_TAI)
        return -EINVAL;
    uint64_t now = clock_now(arg[0]);
    struct __kernel_timespec ts = {(int64_t)(now / NS), (int64_t)(now % NS)};
    return copy_to_user(arg[1], &ts, sizeof ts);
}
LINUX_SYSCALL(clock_gettime, linux_clock_gettime);

static int64_t linux_clock_getres(const uint64_t *arg)
{
    struct __kernel_timespec ts = {0, 1};
    if (arg[0] > LINUX_CLOCK_TAI)
        return -EINVAL;
    return arg[1] ? copy_to_user(arg[1], &ts, sizeof ts) : 0;
}
LINUX_SYSCALL(clock_getres, linux_clock_getres);

static int64_t linux_gettimeofday(const uint64_t *arg)
{
    uint64_t now = clock_now(LINUX_CLOCK_REALTIME);
    struct __kernel_old_timeval tv = {(int64_t)(now / NS), (int64_t)(now % NS / 1000)};
    return arg[0] ? copy_to_user(arg[0], &tv, sizeof tv) : 0;
}
LINUX_SYSCALL(gettimeofday, linux_gettimeofday);

/* Sleep until ts: absolute on clock if absolute, else from now. A relative sleep that a signal
   cuts short stores the time it had left at left (if not 0), as nanosleep(2) says. */
static int64_t sleep_for(uint64_t clock, uaddr_t ts_addr, bool absolute, uaddr_t left)
{
    uint64_t deadline;
    int err = linux_timespec_deadline(ts_addr, clock, absolute, &deadline);
    return err ? err : linux_sleep_until_or_left(deadline, absolute ? 0 : left);
}

static int64_t linux_nanosleep(const uint64_t *arg)
{
    return sleep_for(LINUX_CLOCK_MONOTONIC, arg[0], false, arg[1]);
}
LINUX_SYSCALL(nanosleep, linux_nanosleep);

static int64_t linux_clock_nanosleep(const uint64_t *arg)
{
    if (arg[0] > LINUX_CLOCK_TAI)
        return -EINVAL;
    return sleep_for(arg[0], arg[2], arg[1] & LINUX_TIMER_ABSTIME, arg[3]);
}
LINUX_SYSCALL(clock_nanosleep, linux_clock_nanosleep);

#ifdef __NR_time
/* time: the wall clock's seconds, also stored at the pointer if one is given. */
static int64_t linux_time(const uint64_t *arg)
{
    int64_t seconds = (int64_t)(linux_clock_realtime() / NS);
    if (arg[0] && copy_to_user(arg[0], &seconds, sizeof seconds))
        return -EFAULT;
    return seconds;
}
LINUX_SYSCALL(time, linux_time);
#endif
