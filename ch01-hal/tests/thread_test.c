/*: # Tests of kernel threads */
#include "hal/hal.h"
#include "kernel/ktest.h"

static struct {
    int steps, finished;
    uint64_t seen[3];
} work;

static void worker(void *arg)
{
    int id = (int)(uintptr_t)arg;
    for (int i = 0; i < 100; i++) {
        __atomic_fetch_add(&work.steps, 1, __ATOMIC_SEQ_CST);
        work.seen[id]++;
        hal_thread_yield();
    }
    __atomic_fetch_add(&work.finished, 1, __ATOMIC_SEQ_CST);
}

static void wait_for(int *counter, int value)
{
    uint64_t give_up = hal_timer_now() + 5000000000ull;
    while (__atomic_load_n(counter, __ATOMIC_SEQ_CST) < value && hal_timer_now() < give_up)
        hal_thread_yield();
}

KTEST(kernel_threads_run_to_completion)
{
    work.steps = work.finished = 0;
    for (int i = 0; i < 3; i++) {
        work.seen[i] = 0;
        KASSERT_EQ(hal_thread_spawn(worker, (void *)(uintptr_t)i), 0);
    }
    wait_for(&work.finished, 3);
    KEXPECT_EQ(work.finished, 3);
    KEXPECT_EQ(work.steps, 300);
    for (int i = 0; i < 3; i++)
        KEXPECT_EQ(work.seen[i], 100);
}

KTEST(kernel_threads_can_be_spawned_again)
{
    /* Finished threads give their resources back: many rounds must not run out. */
    for (int round = 0; round < 20; round++) {
        work.finished = 0;
        KASSERT_EQ(hal_thread_spawn(worker, (void *)0), 0);
        wait_for(&work.finished, 1);
        KASSERT_EQ(work.finished, 1);
    }
}

KTEST(park_times_out_without_a_wake)
{
    uint64_t start = hal_timer_now();
    KEXPECT_TRUE(!hal_thread_park(start + 20000000));
    KEXPECT_GE(hal_timer_now() - start, 20000000);
}

KTEST(wake_before_park_is_not_lost)
{
    hal_thread_wake(hal_thread_current());
    KEXPECT_TRUE(hal_thread_park(hal_timer_now() + 1000000000));
    /* The token was consumed: the next park times out. */
    KEXPECT_TRUE(!hal_thread_park(hal_timer_now() + 1000000));
}

static struct {
    struct hal_thread *sleeper;
    int done;
    uint64_t token;
    void *their_local, *their_release_list;
} relay;

static void waker(void *arg)
{
    relay.token = (uint64_t)(uintptr_t)arg;
    relay.their_local = hal_thread_local();
    relay.their_release_list = hal_thread_release_list();
    __atomic_store_n(&relay.done, 1, __ATOMIC_SEQ_CST);
    hal_thread_wake(relay.sleeper);
}

KTEST(another_thread_wakes_a_parked_one)
{
    void *before = hal_thread_local();
    hal_thread_set_local(&relay);
    hal_thread_set_release_list(&relay.token);
    relay.sleeper = hal_thread_current();
    relay.done = 0;
    relay.their_local = relay.their_release_list = &relay;
    uint64_t token = ktest_random() & 0xffffff;
    KASSERT_EQ(hal_thread_spawn(waker, (void *)(uintptr_t)token), 0);
    uint64_t give_up = hal_timer_now() + 5000000000ull;
    while (!__atomic_load_n(&relay.done, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        hal_thread_park(give_up);
    KEXPECT_EQ(relay.done, 1);
    KEXPECT_EQ(relay.token, token);
    KEXPECT_TRUE(relay.their_local == NULL); /* the thread-local pointers are this thread's alone */
    KEXPECT_TRUE(relay.their_release_list == NULL);
    KEXPECT_TRUE(hal_thread_local() == &relay);
    KEXPECT_TRUE(hal_thread_release_list() == &relay.token);
    hal_thread_set_local(before);
    hal_thread_set_release_list(NULL);
}
