/*: # Tests of the clock and kernel timers */
#include "hal/hal.h"
#include "kernel/ktest.h"
#include "kernel/timer.h"

#define MS 1000000ull

static struct {
    int order[4];
    int fired;
} log;

static void record(struct ktimer *t, void *arg)
{
    log.order[log.fired++] = (int)(uintptr_t)arg;
}

static void wait_until(uint64_t deadline)
{
    while (hal_timer_now() < deadline)
        hal_cpu_idle();
}

KTEST(clock_is_monotonic)
{
    uint64_t a = hal_timer_now(), b = hal_timer_now();
    KEXPECT_LE(a, b);
    wait_until(b + 2 * MS);
    KEXPECT_GE(hal_timer_now() - b, 2 * MS);
}

KTEST(timers_fire_in_deadline_order)
{
    static struct ktimer t[4];
    uint64_t now = hal_timer_now();
    log.fired = 0;
    /* Started out of order; two share a deadline and must keep their start order. */
    timer_start(&t[0], now + 30 * MS, record, (void *)3);
    timer_start(&t[1], now + 10 * MS, record, (void *)1);
    timer_start(&t[2], now + 20 * MS, record, (void *)2);
    timer_start(&t[3], now + 30 * MS, record, (void *)4);
    wait_until(now + 200 * MS);
    while (log.fired < 4 && hal_timer_now() < now + 2000 * MS)
        hal_cpu_idle();
    KASSERT_EQ(log.fired, 4);
    for (int i = 0; i < 4; i++)
        KEXPECT_EQ(log.order[i], i + 1);
}

KTEST(timer_does_not_fire_early)
{
    static struct ktimer t;
    log.fired = 0;
    uint64_t deadline = hal_timer_now() + 20 * MS;
    timer_start(&t, deadline, record, (void *)1);
    while (log.fired == 0)
        hal_cpu_idle();
    KEXPECT_GE(hal_timer_now(), deadline);
}

KTEST(cancelled_timer_never_fires)
{
    static struct ktimer t, later;
    log.fired = 0;
    uint64_t now = hal_timer_now();
    /* Deadlines far enough out that the cancel surely comes first, even on a slow emulator; the
       second timer is due after the first would have been, so its firing proves the first stayed
       silent. */
    timer_start(&t, now + 200 * MS, record, (void *)1);
    timer_start(&later, now + 250 * MS, record, (void *)2);
    KEXPECT_TRUE(timer_cancel(&t));
    KEXPECT_TRUE(!timer_cancel(&t)); /* a second cancel finds nothing pending */
    while (log.fired == 0)
        hal_cpu_idle();
    KEXPECT_EQ(log.fired, 1);
    KEXPECT_EQ(log.order[0], 2);
}
