/*: # Tests of parking, on bare metal

Since this chapter a parked kernel thread is off the run queue until it is woken or its deadline
passes (arch/metal/thread.c). These tests check that from the outside: a parked thread runs only as
often as it is woken, a deadline alone ends a park, a wake that comes before the park is kept, and
the number of threads is bounded by memory, not by a table. A test that starts threads also waits
for their memory to come back: a thread's stack is freed just after it has switched away for the
last time, which on another CPU may be a moment after the test saw it finish. */
#include "hal/hal.h"
#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "thread_wait.h"

#define SECOND 1000000000ull
#define MS 1000000ull
#define MANY 200

static struct {
    struct hal_thread *thread, *tester;
    int ready, wakeups, done, stop;
    bool result;
    uint64_t slept;
} parker;

static void park_until_stopped(void *unused)
{
    __atomic_store_n(&parker.thread, hal_thread_current(), __ATOMIC_SEQ_CST);
    __atomic_store_n(&parker.ready, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_load_n(&parker.stop, __ATOMIC_SEQ_CST)) {
        if (hal_thread_park(HAL_NO_DEADLINE))
            __atomic_fetch_add(&parker.wakeups, 1, __ATOMIC_SEQ_CST);
    }
    __atomic_store_n(&parker.done, 1, __ATOMIC_SEQ_CST);
}

KTEST(parked_thread_runs_only_when_woken)
{
    size_t frames = frame_free_count();
    parker = (typeof(parker)){0};
    KASSERT_EQ(hal_thread_spawn(park_until_stopped, NULL), 0);
    thread_wait_for(&parker.ready, 1, 5 * SECOND);
    KASSERT_EQ(parker.ready, 1);
    for (int i = 1; i <= 3; i++) {
        hal_thread_park(hal_timer_now() + 20 * MS); /* time to run, were it runnable */
        KEXPECT_EQ(parker.wakeups, i - 1);
        hal_thread_wake(parker.thread);
        thread_wait_for(&parker.wakeups, i, 5 * SECOND);
        KEXPECT_EQ(parker.wakeups, i);
    }
    __atomic_store_n(&parker.stop, 1, __ATOMIC_SEQ_CST);
    hal_thread_wake(parker.thread);
    thread_wait_for(&parker.done, 1, 5 * SECOND);
    KEXPECT_EQ(parker.done, 1);
    KEXPECT_EQ(parker.wakeups, 4);
    thread_wait_for_frames(frames);
}

static void park_with_deadline(void *unused)
{
    uint64_t start = hal_timer_now();
    parker.result = hal_thread_park(start + 20 * MS);
    parker.slept = hal_timer_now() - start;
    __atomic_store_n(&parker.done, 1, __ATOMIC_SEQ_CST);
    hal_thread_wake(parker.tester);
}

KTEST(deadline_ends_a_park_with_nothing_else_ready)
{
    size_t frames = frame_free_count();
    parker = (typeof(parker)){.tester = hal_thread_current()};
    KASSERT_EQ(hal_thread_spawn(park_with_deadline, NULL), 0);
    /* This thread parks with no deadline: only the other one's alarm can make anything ready. */
    while (!__atomic_load_n(&parker.done, __ATOMIC_SEQ_CST))
        hal_thread_park(HAL_NO_DEADLINE);
    KEXPECT_TRUE(!parker.result);
    KEXPECT_GE(parker.slept, 20 * MS);
    KEXPECT_LT(parker.slept, 2 * SECOND);
    thread_wait_for_frames(frames);
    hal_thread_park(0); /* take the token, if this thread saw `done` before the wake came */
}

static void wake_then_park(void *unused)
{
    __atomic_store_n(&parker.thread, hal_thread_current(), __ATOMIC_SEQ_CST);
    __atomic_store_n(&parker.ready, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_load_n(&parker.stop, __ATOMIC_SEQ_CST)) /* until the wake has been sent */
        hal_thread_yield();
    uint64_t start = hal_timer_now();
    parker.result = hal_thread_park(start + 2 * SECOND);
    parker.slept = hal_timer_now() - start;
    __atomic_store_n(&parker.done, 1, __ATOMIC_SEQ_CST);
}

KTEST(wake_sent_before_another_thread_parks_is_kept)
{
    size_t frames = frame_free_count();
    parker = (typeof(parker)){0};
    KASSERT_EQ(hal_thread_spawn(wake_then_park, NULL), 0);
    thread_wait_for(&parker.ready, 1, 5 * SECOND);
    KASSERT_EQ(parker.ready, 1);
    hal_thread_wake(parker.thread);
    __atomic_store_n(&parker.stop, 1, __ATOMIC_SEQ_CST);
    thread_wait_for(&parker.done, 1, 5 * SECOND);
    KASSERT_EQ(parker.done, 1);
    KEXPECT_TRUE(parker.result);
    KEXPECT_LT(parker.slept, SECOND);
    thread_wait_for_frames(frames);
}

static struct {
    struct hal_thread *threads[MANY];
    int started, finished;
} crowd;

static void join_the_crowd(void *arg)
{
    crowd.threads[(uintptr_t)arg] = hal_thread_current();
    __atomic_fetch_add(&crowd.started, 1, __ATOMIC_SEQ_CST);
    while (!hal_thread_park(HAL_NO_DEADLINE))
        ;
    __atomic_fetch_add(&crowd.finished, 1, __ATOMIC_SEQ_CST);
}

KTEST(two_hundred_threads_live_at_once)
{
    size_t frames = frame_free_count();
    crowd = (typeof(crowd)){0};
    for (uintptr_t i = 0; i < MANY; i++)
        KASSERT_EQ(hal_thread_spawn(join_the_crowd, (void *)i), 0);
    thread_wait_for(&crowd.started, MANY, 5 * SECOND);
    KASSERT_EQ(crowd.started, MANY); /* all of them parked at once, far more than chapter 1's 16 */
    KEXPECT_EQ(crowd.finished, 0);
    for (int i = 0; i < MANY; i++)
        hal_thread_wake(crowd.threads[i]);
    thread_wait_for(&crowd.finished, MANY, 5 * SECOND);
    KEXPECT_EQ(crowd.finished, MANY);
    thread_wait_for_frames(frames);
}
