/*: # Clocks and deadlines

The time of day, for `clock_gettime(CLOCK_REALTIME)` and for the times the file system stamps on
files, and the one conversion every call with a timeout makes: from a `struct timespec` the
program gave, relative or absolute on one of Linux's clocks, to a deadline on the kernel's
monotonic clock (`hal_timer_now`), which is what waits take (linux/time.c says how the clocks
relate). */
#ifndef ZINC_LINUX_CLOCK_H
#define ZINC_LINUX_CLOCK_H

#include <linux/time_types.h>
#include <stdbool.h>
#include <stdint.h>

#include "syscall/user_copy.h"

/* The clocks' numbers, from Linux's <linux/time.h> (which cannot be included beside the host C
   library's <time.h> in the LibOS build, nor its names be used there). */
enum {
    LINUX_CLOCK_REALTIME = 0,
    LINUX_CLOCK_MONOTONIC = 1,
    LINUX_CLOCK_REALTIME_COARSE = 5,
    LINUX_CLOCK_BOOTTIME = 7,
    LINUX_CLOCK_TAI = 11, /* the highest */
    LINUX_TIMER_ABSTIME = 1,
};

/* Nanoseconds since 1970-01-01 00:00:00 UTC. */
uint64_t linux_clock_realtime(void);

/* ts in nanoseconds: 0, or -EINVAL for a negative or malformed time. */
int linux_timespec_ns(const struct __kernel_timespec *ts, uint64_t *ns);

/* The monotonic deadline of ns: a time on clock if absolute, else a span from now. A deadline past
   what the clock can count is HAL_NO_DEADLINE. */
uint64_t linux_clock_deadline(uint64_t clock, uint64_t ns, bool absolute);

/* The same for the struct timespec at addr: 0, or -EFAULT, -EINVAL. */
int linux_timespec_deadline(uaddr_t addr, uint64_t clock, bool absolute, uint64_t *deadline);

#endif
