/*: # Tests of kernel timers armed on another CPU

The kernel's timers are served by the boot CPU, where the HPET's interrupts go (chapter 1's
timer.c); a timer started on another CPU sets the same comparator, and one whose deadline has
passed already is raised on the boot CPU too, never served where it was started. Two threads spin
until both run, so that one of them is on a CPU other than the first; that one starts a timer whose
deadline has passed, and then parks until a deadline 20 ms ahead. The first timer must fire, on
the boot CPU, and the park must end at its deadline. Skipped on one CPU. */
#include "arch/metal/thread_wait.h"
#include "cpus.h"
#include "hal/hal.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"
#include "kernel/timer.h"

#define MS 1000000ull
#define SECOND 1000000000ull
#define PARK_NS (20 * MS)

static struct {
    int started, done, workers;
    struct ktimer timer;
    int fired;
    unsigned armed_on, fired_on;
    bool woken;     /* the park ended by a wake, not its deadline */
    uint64_t slept; /* how long the park lasted */
} far;

static void on_timer(struct ktimer *t, void *arg)
{
    far.fired_on = metal_cpu_id();
    __atomic_store_n(&far.fired, 1, __ATOMIC_SEQ_CST);
}

static void spinner(void *arg)
{
    __atomic_fetch_add(&far.started, 1, __ATOMIC_SEQ_CST);
    uint64_t give_up = hal_timer_now() + 5 * SECOND;
    while (__atomic_load_n(&far.started, __ATOMIC_SEQ_CST) < 2 && hal_timer_now() < give_up)
        ;
    unsigned cpu = metal_cpu_id();
    if (cpu != 0 && !__atomic_exchange_n(&far.workers, 1, __ATOMIC_SEQ_CST)) {
        far.armed_on = cpu;
        timer_start(&far.timer, hal_timer_now(), on_timer, NULL);
        give_up = hal_timer_now() + SECOND;
        while (!__atomic_load_n(&far.fired, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
            ;
        uint64_t start = hal_timer_now();
        far.woken = hal_thread_park(start + PARK_NS);
        far.slept = hal_timer_now() - start;
    }
    __atomic_fetch_add(&far.done, 1, __ATOMIC_SEQ_CST);
}

KTEST(a_timer_started_on_another_cpu_fires_on_the_boot_cpu)
{
    if (metal_cpu_count < 2) {
        kprintf("# skipped: this machine has one CPU\n");
        return;
    }
    far = (typeof(far)){0};
    KASSERT_EQ(hal_thread_spawn(spinner, NULL), 0);
    KASSERT_EQ(hal_thread_spawn(spinner, NULL), 0);
    thread_wait_for(&far.done, 2, 10 * SECOND);
    KASSERT_EQ(far.done, 2);
    KASSERT_EQ(far.workers, 1);
    KEXPECT_NE(far.armed_on, 0);
    KEXPECT_EQ(far.fired, 1);
    KEXPECT_EQ(far.fired_on, 0);
    KEXPECT_EQ(far.woken, false);
    KEXPECT_TRUE(far.slept >= PARK_NS && far.slept < SECOND);
}
