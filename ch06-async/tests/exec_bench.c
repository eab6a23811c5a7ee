/*: # What a switch costs: tasks against kernel threads

The figure that argues for this chapter: two pieces of work that take turns, each waking the
other and waiting for its turn to come back. As two tasks, a turn is a wake (the other task goes to
the run queue) and a return from poll; the executor then polls the other task, on the same stack.
As two kernel threads, a turn is `hal_thread_wake` of the other and `hal_thread_park` of oneself, a
switch of stacks (on LibOS, of host threads, through the host's futex). Both are reported per
switch, beside their ratio. */
#include "exec/executor.h"
#include "kernel/kbench.h"
#include "object/kobject.h"

#define ROUNDS 20000

static int turn; /* atomic: whose turn it is, 0 or 1 */

struct player {
    struct future base;
    struct task task;
    int me;
    int left;
    struct player *other;
};

static enum poll play(struct future *f, struct waker w)
{
    struct player *p = container_of(f, struct player, base);
    if (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) != p->me)
        return POLL_PENDING;
    __atomic_store_n(&turn, 1 - p->me, __ATOMIC_RELEASE);
    task_wake(&p->other->task);
    return --p->left == 0 ? POLL_READY : POLL_PENDING;
}

static uint64_t task_switch_ns(void)
{
    static struct player players[2];
    struct executor ex;
    executor_init(&ex);
    turn = 0;
    for (int i = 0; i < 2; i++)
        players[i] = (struct player){.base = {.poll = play}, .me = i, .left = ROUNDS,
                                     .other = &players[1 - i]};
    uint64_t start = hal_timer_now();
    for (int i = 0; i < 2; i++)
        task_spawn(&ex, &players[i].task, &players[i].base);
    if (!executor_run(&ex, HAL_NO_DEADLINE))
        return 0;
    return (hal_timer_now() - start) / (2 * ROUNDS);
}

static struct hal_thread *threads[2];
static int threads_done; /* atomic */

/* Wait for my turn, give it to the other, ROUNDS times. */
static void take_turns(int me)
{
    for (int i = 0; i < ROUNDS; i++) {
        while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) != me)
            hal_thread_park(HAL_NO_DEADLINE);
        __atomic_store_n(&turn, 1 - me, __ATOMIC_RELEASE);
        hal_thread_wake(threads[1 - me]);
    }
}

static void partner(void *arg)
{
    __atomic_store_n(&threads[1], hal_thread_current(), __ATOMIC_RELEASE);
    hal_thread_wake(threads[0]); /* here: the game may start */
    take_turns(1);
    __atomic_store_n(&threads_done, 1, __ATOMIC_RELEASE);
    hal_thread_wake(threads[0]);
}

static uint64_t thread_switch_ns(void)
{
    threads[0] = hal_thread_current();
    threads[1] = NULL;
    threads_done = 0;
    turn = 0;
    if (hal_thread_spawn(partner, NULL) != 0)
        return 0;
    while (!__atomic_load_n(&threads[1], __ATOMIC_ACQUIRE))
        hal_thread_park(HAL_NO_DEADLINE);
    uint64_t start = hal_timer_now();
    take_turns(0);
    while (!__atomic_load_n(&threads_done, __ATOMIC_ACQUIRE))
        hal_thread_park(HAL_NO_DEADLINE);
    return (hal_timer_now() - start) / (2 * ROUNDS);
}

KBENCH(exec)
{
    uint64_t task = task_switch_ns(), thread = thread_switch_ns();
    kbench_report("switch between two tasks that wake each other", task, "ns");
    kbench_report("switch between two kernel threads (park/wake)", thread, "ns");
    kbench_report_ratio("kernel thread switch / task switch", thread, task);
}
