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
