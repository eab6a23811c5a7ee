/*: # Tests of deadlines

Every Linux call with a timeout turns the time the program gave into a deadline on the kernel's
monotonic clock (linux/clock.h). These tests give that conversion the times a program may give: a
span, a monotonic time, a time of day; in the near future, in the past, and beyond what the clock
can count. The clock runs while they do, so a deadline is checked against the clock read just
before and just after it was made. */
#include "hal/timer.h"
#include "kernel/ktest.h"
#include "linux/clock.h"

#define SECOND 1000000000ull

KTEST(clock_deadline_of_a_span_or_of_a_time_ahead)
{
    uint64_t before = hal_timer_now();
    uint64_t deadline = linux_clock_deadline(LINUX_CLOCK_MONOTONIC, SECOND, false);
    uint64_t after = hal_timer_now();
    KEXPECT_GE(deadline, before + SECOND);
    KEXPECT_LE(deadline, after + SECOND);
    uint64_t at = after + 5 * SECOND; /* a monotonic time ahead is its own deadline */
    KEXPECT_EQ(linux_clock_deadline(LINUX_CLOCK_MONOTONIC, at, true), at);
    before = hal_timer_now();
    deadline =
        linux_clock_deadline(LINUX_CLOCK_REALTIME, linux_clock_realtime() + 2 * SECOND, true);
    after = hal_timer_now();
    KEXPECT_GE(deadline, before + 2 * SECOND); /* two seconds ahead of the time of day */
    KEXPECT_LE(deadline, after + 2 * SECOND);
}

KTEST(clock_deadline_of_a_time_past_or_beyond_counting)
{
    /* A time of day long past: 1970-01-01 00:00:01 has come and gone. */
    uint64_t deadline = linux_clock_deadline(LINUX_CLOCK_REALTIME, SECOND, true);
    KEXPECT_LE(deadline, hal_timer_now());
    deadline = linux_clock_deadline(LINUX_CLOCK_BOOTTIME, 0, true);
    KEXPECT_LE(deadline, hal_timer_now());
    /* Spans no clock reaches: no deadline at all, not one that wrapped round. */
    KEXPECT_EQ(linux_clock_deadline(LINUX_CLOCK_MONOTONIC, UINT64_MAX, false), HAL_NO_DEADLINE);
    KEXPECT_EQ(linux_clock_deadline(LINUX_CLOCK_MONOTONIC, UINT64_MAX - hal_timer_now() / 2, false),
               HAL_NO_DEADLINE);
    KEXPECT_EQ(linux_clock_deadline(LINUX_CLOCK_MONOTONIC, UINT64_MAX, true), HAL_NO_DEADLINE);
}
