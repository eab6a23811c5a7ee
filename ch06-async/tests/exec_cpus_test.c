/*: # Test: the kernel's executor runs on every CPU

One task per CPU goes to the kernel's executor. Each, when polled, says that it has started, and
spins without giving its CPU back until all have started (or five seconds have passed). The test's
own thread parks meanwhile, so that it holds no CPU. Kernel code is never preempted on bare metal,
so the tasks can all have started only if each was polled on a CPU of its own, by an executor
thread of its own: one thread per CPU (hal/cpu_count.h), and every CPU taking part, the other
harts and APs as well as the boot CPU. On LibOS the threads are the host's, which its scheduler
runs side by side. */
#include "exec/kernel_executor.h"
#include "hal/cpu_count.h"
#include "kernel/ktest.h"

#define SECOND 1000000000ull
#define MAX_SPINNERS 8

static struct {
    unsigned cpus;
    uint32_t started, met, done;
    struct hal_thread *test;
} meeting;

static struct task tasks[MAX_SPINNERS];

static enum poll spin_until_all_started(struct future *f, struct waker w)
{
    (void)f;
    (void)w;
    uint32_t cpus = meeting.cpus;
    __atomic_fetch_add(&meeting.started, 1, __ATOMIC_SEQ_CST);
    uint64_t give_up = hal_timer_now() + 5 * SECOND;
    while (__atomic_load_n(&meeting.started, __ATOMIC_SEQ_CST) < cpus && hal_timer_now() < give_up)
        ;
    if (__atomic_load_n(&meeting.started, __ATOMIC_SEQ_CST) >= cpus)
        __atomic_fetch_add(&meeting.met, 1, __ATOMIC_SEQ_CST);
    if (__atomic_add_fetch(&meeting.done, 1, __ATOMIC_SEQ_CST) == cpus)
        hal_thread_wake(meeting.test);
    return POLL_READY;
}

static struct future spinner = {.poll = spin_until_all_started};

KTEST(exec_kernel_executor_polls_one_task_per_cpu_at_once)
{
    meeting = (typeof(meeting)){.cpus = hal_cpu_count(), .test = hal_thread_current()};
    KASSERT_TRUE(meeting.cpus >= 1 && meeting.cpus <= MAX_SPINNERS);
    for (unsigned i = 0; i < meeting.cpus; i++)
        task_spawn(&kernel_executor, &tasks[i], &spinner);
    uint64_t give_up = hal_timer_now() + 20 * SECOND;
    while (__atomic_load_n(&meeting.done, __ATOMIC_SEQ_CST) < meeting.cpus &&
           hal_timer_now() < give_up)
        hal_thread_park(give_up);
    KASSERT_EQ(meeting.done, meeting.cpus);
    KEXPECT_EQ(meeting.met, meeting.cpus);
}
