/*: # Stress: no wake-up is lost with two CPUs

Four tasks each wait for `ROUNDS` tokens. A kernel thread hands them out in rounds: it adds a token
to every task's inbox and wakes the task, then waits until every task has taken its token before
the next round. Two threads run the executor meanwhile: the test's own and one more. So every wake
matters (a task holds no spare token that a later wake would make it find), and the next wake comes
just as the poll that took the last token is returning, on another CPU: the wake during a poll that
exec/task.h's RUNNING_WOKEN is for. On LibOS these are three host threads. A wake lost anywhere
leaves a task idle with a token in its inbox, and the run ends at its deadline instead of with
every task done. Each poll also checks that no other CPU is polling the same task at that moment.

On bare metal there is one CPU and threads take turns only when one parks or yields, so the wakes
come between polls: the test still runs, and checks wakes of idle tasks. */
#include "exec/executor.h"
#include "kernel/ktest.h"
#include "object/kobject.h"

#define MS 1000000ull
#define TASKS 4
#define ROUNDS 3000

struct counter {
    struct future base;
    struct task task;
    uint32_t inbox;   /* atomic: tokens handed out and not yet taken */
    uint32_t taken;   /* atomic: written by the poll, read by the token thread */
    uint32_t polling; /* atomic: 1 while a CPU polls this task */
};

static struct {
    struct executor ex;
    struct counter counters[TASKS];
    int overlaps; /* atomic: polls that found the task being polled already */
    int threads_done; /* atomic */
    struct hal_thread *test_thread;
    uint64_t deadline;
} stress;

static enum poll counter_poll(struct future *f, struct waker w)
{
    struct counter *c = container_of(f, struct counter, base);
    if (__atomic_exchange_n(&c->polling, 1, __ATOMIC_ACQ_REL))
        __atomic_fetch_add(&stress.overlaps, 1, __ATOMIC_SEQ_CST);
    uint32_t taken = c->taken + __atomic_exchange_n(&c->inbox, 0, __ATOMIC_ACQ_REL);
    __atomic_store_n(&c->taken, taken, __ATOMIC_RELEASE);
    bool done = taken == ROUNDS;
    /* Linger, as a poll with work to do would: the next wake has time to arrive during the poll. */
    for (volatile int i = 0; i < 10000; i++)
        ;
    __atomic_store_n(&c->polling, 0, __ATOMIC_RELEASE);
    return done ? POLL_READY : POLL_PENDING;
}

static void thread_done(void)
{
    __atomic_fetch_add(&stress.threads_done, 1, __ATOMIC_SEQ_CST);
    hal_thread_wake(stress.test_thread);
}

static bool all_taken(uint32_t round)
{
    for (int i = 0; i < TASKS; i++)
        if (__atomic_load_n(&stress.counters[i].taken, __ATOMIC_ACQUIRE) < round)
            return false;
    return true;
}

static void hand_out_tokens(void *arg)
{
    for (uint32_t round = 1; round <= ROUNDS; round++) {
        for (int i = 0; i < TASKS; i++) {
            __atomic_fetch_add(&stress.counters[i].inbox, 1, __ATOMIC_SEQ_CST);
            task_wake(&stress.counters[i].task);
        }
        while (!all_taken(round) && hal_timer_now() < stress.deadline)
            hal_thread_yield();
    }
    thread_done();
}

static void second_cpu(void *arg)
{
    executor_run(&stress.ex, stress.deadline);
    thread_done();
}

KTEST(exec_no_lost_wakeup_with_two_executor_threads)
{
    executor_init(&stress.ex);
    stress.overlaps = stress.threads_done = 0;
    stress.test_thread = hal_thread_current();
    stress.deadline = hal_timer_now() + 20000 * MS;
    for (int i = 0; i < TASKS; i++) {
        struct counter *c = &stress.counters[i];
        *c = (struct counter){.base = {.poll = counter_poll}};
        task_spawn(&stress.ex, &c->task, &c->base);
    }
    KASSERT_EQ(hal_thread_spawn(second_cpu, NULL), 0);
    KASSERT_EQ(hal_thread_spawn(hand_out_tokens, NULL), 0);
    KEXPECT_TRUE(executor_run(&stress.ex, stress.deadline));
    /* Both threads end by the deadline at the latest; they use stress, so wait for them. */
    while (__atomic_load_n(&stress.threads_done, __ATOMIC_SEQ_CST) < 2)
        hal_thread_park(HAL_NO_DEADLINE);
    for (int i = 0; i < TASKS; i++) {
        KEXPECT_TRUE(task_done(&stress.counters[i].task));
        KEXPECT_EQ(stress.counters[i].taken, ROUNDS);
    }
    KEXPECT_EQ(stress.overlaps, 0);
}
