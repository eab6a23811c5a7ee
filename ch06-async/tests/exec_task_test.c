/*: # Tests of tasks and the executor: every wake counts exactly once

The future under test is a *probe*: it counts its polls, says ready at the poll numbered `ready_at`
(never, if 0), and runs a test's hook on every poll. The executor runs with a deadline, so a test
whose task is left waiting ends instead of hanging; `executor_run` then says false. */
#include "exec/executor.h"
#include "kernel/ktest.h"
#include "object/kobject.h"

#define MS 1000000ull

struct probe {
    struct future base;
    struct task task;
    int polls;
    int ready_at;
    void (*hook)(struct probe *p);
};

static enum poll probe_poll(struct future *f, struct waker w)
{
    struct probe *p = container_of(f, struct probe, base);
    p->polls++;
    if (p->hook)
        p->hook(p);
    return p->polls == p->ready_at ? POLL_READY : POLL_PENDING;
}

static void probe_spawn(struct executor *ex, struct probe *p, int ready_at,
                        void (*hook)(struct probe *))
{
    *p = (struct probe){.base = {.poll = probe_poll}, .ready_at = ready_at, .hook = hook};
    task_spawn(ex, &p->task, &p->base);
}

KTEST(exec_wakes_of_a_queued_task_poll_it_once)
{
    struct executor ex;
    struct probe p;
    executor_init(&ex);
    probe_spawn(&ex, &p, 2, NULL);
    for (int i = 0; i < 3; i++)
        task_wake(&p.task); /* already queued: nothing to add */
    KEXPECT_TRUE(!executor_run(&ex, hal_timer_now() + 20 * MS));
    KEXPECT_EQ(p.polls, 1);
    /* Idle now: woken three times before its next poll, it is polled once, and finishes. */
    for (int i = 0; i < 3; i++)
        task_wake(&p.task);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 1000 * MS));
    KEXPECT_EQ(p.polls, 2);
    KEXPECT_TRUE(task_done(&p.task));
}

static void wake_self(struct probe *p)
{
    task_wake(&p->task);
}

KTEST(exec_wake_during_poll_polls_again)
{
    /* The probe wakes itself during its first poll and then says pending: a wake that would be
       lost if the executor set it idle after the poll. */
    struct executor ex;
    struct probe p;
    executor_init(&ex);
    probe_spawn(&ex, &p, 2, wake_self);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 1000 * MS));
    KEXPECT_EQ(p.polls, 2);
}

KTEST(exec_finished_task_is_never_polled_again)
{
    struct executor ex;
    struct probe p;
    executor_init(&ex);
    probe_spawn(&ex, &p, 1, NULL);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 1000 * MS));
    KEXPECT_TRUE(task_done(&p.task));
    for (int i = 0; i < 3; i++)
        task_wake(&p.task);
    KEXPECT_TRUE(ex.head == NULL);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 1000 * MS));
    KEXPECT_EQ(p.polls, 1);
}

/* Fairness: two tasks that are always ready (each wakes itself at every poll) take turns. */
static struct {
    struct probe p[2];
    int unfair; /* polls at which one task was more than one poll ahead of the other */
} turns;

static void take_turn(struct probe *p)
{
    int diff = turns.p[0].polls - turns.p[1].polls;
    if (diff > 1 || diff < -1)
        turns.unfair++;
    task_wake(&p->task);
}

KTEST(exec_tasks_that_wake_themselves_take_turns)
{
    struct executor ex;
    executor_init(&ex);
    turns.unfair = 0;
    probe_spawn(&ex, &turns.p[0], 1000, take_turn);
    probe_spawn(&ex, &turns.p[1], 1000, take_turn);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 5000 * MS));
    KEXPECT_EQ(turns.p[0].polls, 1000);
    KEXPECT_EQ(turns.p[1].polls, 1000);
    KEXPECT_EQ(turns.unfair, 0);
}
