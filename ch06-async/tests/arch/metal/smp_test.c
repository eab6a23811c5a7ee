/*: # Tests of several CPUs

Kernel threads run on every CPU the machine has (arch/metal/thread.c, and each architecture's
smp.c). The first test proves that two threads really run at the same moment: each raises its flag
and then spins, without yielding, until it sees the other's, which on one CPU could never happen. It
is skipped when the machine has one CPU, and says so. The second sends a wake back and forth between
two threads many times: with two CPUs the wake and the park race each other on every round, and a
single lost wake-up would leave both parked until the test's deadline. */
#include "cpus.h"
#include "hal/hal.h"
#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"
#include "thread_wait.h"

#define SECOND 1000000000ull
#define ROUNDS 2000

static struct {
    int flag[2], met[2], done;
} pair;

static void meet(void *arg)
{
    int me = (int)(uintptr_t)arg;
    __atomic_store_n(&pair.flag[me], 1, __ATOMIC_SEQ_CST);
    uint64_t give_up = hal_timer_now() + 5 * SECOND;
    while (!__atomic_load_n(&pair.flag[1 - me], __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        ;
    pair.met[me] = __atomic_load_n(&pair.flag[1 - me], __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&pair.done, 1, __ATOMIC_SEQ_CST);
}

KTEST(two_threads_run_at_the_same_time_on_two_cpus)
{
    if (metal_cpu_count < 2) {
        kprintf("# skipped: this machine has one CPU\n");
        return;
    }
    size_t frames = frame_free_count();
    pair = (typeof(pair)){0};
    KASSERT_EQ(hal_thread_spawn(meet, (void *)0), 0);
    KASSERT_EQ(hal_thread_spawn(meet, (void *)1), 0);
    thread_wait_for(&pair.done, 2, 10 * SECOND);
    KASSERT_EQ(pair.done, 2);
    KEXPECT_EQ(pair.met[0], 1);
    KEXPECT_EQ(pair.met[1], 1);
    thread_wait_for_frames(frames);
}

static struct {
    struct hal_thread *thread[2];
    int ready, rounds[2], timeouts, done;
} rally;

static void play(void *arg)
{
    int me = (int)(uintptr_t)arg;
    __atomic_store_n(&rally.thread[me], hal_thread_current(), __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&rally.ready, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&rally.ready, __ATOMIC_SEQ_CST) < 2)
        hal_thread_yield();
    /* Player 0 serves; then each waits for the ball and sends it back. */
    for (int i = 0; i < ROUNDS; i++) {
        if (me == 1 || i > 0) {
            while (!hal_thread_park(hal_timer_now() + 2 * SECOND))
                __atomic_fetch_add(&rally.timeouts, 1, __ATOMIC_SEQ_CST);
        }
        rally.rounds[me]++;
        hal_thread_wake(rally.thread[1 - me]);
    }
    __atomic_fetch_add(&rally.done, 1, __ATOMIC_SEQ_CST);
}

KTEST(wakes_sent_back_and_forth_are_never_lost)
{
    size_t frames = frame_free_count();
    rally = (typeof(rally)){0};
    KASSERT_EQ(hal_thread_spawn(play, (void *)0), 0);
    KASSERT_EQ(hal_thread_spawn(play, (void *)1), 0);
    thread_wait_for(&rally.done, 2, 60 * SECOND);
    KASSERT_EQ(rally.done, 2);
    KEXPECT_EQ(rally.rounds[0], ROUNDS);
    KEXPECT_EQ(rally.rounds[1], ROUNDS);
    KEXPECT_EQ(rally.timeouts, 0);
    thread_wait_for_frames(frames);
}
