/*: # Tests of the timer future, the event, select, timeout and cancellation

Each test spawns one task whose future is the combinator under test and runs the executor on the
test's own thread, which sleeps in `executor_run` while the task waits: the timer's interrupt or
the test's `exec_event_set` is what wakes it. */
#include "exec/async.h"
#include "exec/event.h"
#include "exec/executor.h"
#include "exec/timeout.h"
#include "kernel/ktest.h"
#include "object/kobject.h"

#define MS 1000000ull

KTEST(exec_sleep_is_ready_at_its_deadline)
{
    struct executor ex;
    struct sleep_future s;
    struct task t;
    executor_init(&ex);
    uint64_t deadline = hal_timer_now() + 5 * MS;
    sleep_future_init(&s, deadline);
    task_spawn(&ex, &t, &s.base);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 2000 * MS));
    KEXPECT_GE(hal_timer_now(), deadline);
    KEXPECT_TRUE(!s.timer.pending);
}

KTEST(exec_event_set_before_the_wait_is_ready_at_once)
{
    struct executor ex;
    struct exec_event e;
    struct event_wait w;
    struct task t;
    executor_init(&ex);
    exec_event_init(&e);
    exec_event_set(&e);
    event_wait_init(&w, &e);
    task_spawn(&ex, &t, &w.base);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 1000 * MS));
    KEXPECT_EQ(exec_event_waiters(&e), 0);
}

KTEST(exec_select_first_ready_wins_and_cancels_the_rest)
{
    struct executor ex;
    struct exec_event e[2];
    struct event_wait w[2];
    struct sleep_future s;
    struct select_future sel;
    struct task t;
    executor_init(&ex);
    for (int i = 0; i < 2; i++) {
        exec_event_init(&e[i]);
        event_wait_init(&w[i], &e[i]);
    }
    sleep_future_init(&s, hal_timer_now() + 10000 * MS);
    struct future *arms[] = {&w[0].base, &s.base, &w[1].base};
    select_init(&sel, arms, 3);
    task_spawn(&ex, &t, &sel.base);
    /* All three wait: each arm holds its place. */
    KEXPECT_TRUE(!executor_run(&ex, hal_timer_now() + 20 * MS));
    KEXPECT_EQ(exec_event_waiters(&e[0]), 1);
    KEXPECT_EQ(exec_event_waiters(&e[1]), 1);
    KEXPECT_TRUE(s.timer.pending);
    /* The last arm wins; the others give back their place and their timer. */
    exec_event_set(&e[1]);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 1000 * MS));
    KEXPECT_EQ(sel.winner, 2);
    KEXPECT_EQ(exec_event_waiters(&e[0]), 0);
    KEXPECT_TRUE(!s.timer.pending);
    future_cancel(&sel.base); /* nothing to do when it finished; when it failed, frees its arms */
}

/* A kill, as a later section makes it: an event set from interrupt context (here a timer's
   callback) that a select puts first, before the work it may end. */
static void kill_from_interrupt(struct ktimer *timer, void *arg)
{
    exec_event_set(arg);
}

KTEST(exec_kill_from_an_interrupt_ends_a_long_sleep)
{
    struct executor ex;
    struct exec_event kill;
    struct event_wait killed;
    struct sleep_future s;
    struct select_future sel;
    struct task t;
    struct ktimer k;
    executor_init(&ex);
    exec_event_init(&kill);
    event_wait_init(&killed, &kill);
    sleep_future_init(&s, hal_timer_now() + 10000 * MS);
    struct future *arms[] = {&killed.base, &s.base};
    select_init(&sel, arms, 2);
    task_spawn(&ex, &t, &sel.base);
    timer_start(&k, hal_timer_now() + 5 * MS, kill_from_interrupt, &kill);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 2000 * MS));
    timer_cancel_sync(&k); /* it has fired; this only makes sure its callback has returned */
    KEXPECT_EQ(sel.winner, 0);
    KEXPECT_TRUE(!s.timer.pending);
    future_cancel(&sel.base);
}

/* A task that waits for an event, with a timeout; the test says whether the event is set first. */
struct timed_wait {
    struct executor ex;
    struct exec_event event;
    struct event_wait wait;
    struct timeout_future timeout;
    struct task task;
};

static bool timed_wait_run(struct timed_wait *tw, bool set_first, uint64_t deadline)
{
    executor_init(&tw->ex);
    exec_event_init(&tw->event);
    if (set_first)
        exec_event_set(&tw->event);
    event_wait_init(&tw->wait, &tw->event);
    timeout_init(&tw->timeout, &tw->wait.base, deadline);
    task_spawn(&tw->ex, &tw->task, &tw->timeout.select.base);
    return executor_run(&tw->ex, hal_timer_now() + 2000 * MS);
}

KTEST(exec_timeout_ends_a_wait_that_never_ends)
{
    struct timed_wait tw;
    uint64_t deadline = hal_timer_now() + 10 * MS;
    KEXPECT_TRUE(timed_wait_run(&tw, false, deadline)); /* the event is never set */
    KEXPECT_TRUE(timeout_expired(&tw.timeout));
    KEXPECT_GE(hal_timer_now(), deadline);
    KEXPECT_EQ(exec_event_waiters(&tw.event), 0); /* the wait was cancelled */
}

KTEST(exec_timeout_lets_finished_work_win)
{
    struct timed_wait tw;
    /* Due already, and the event is set: a tie, which the work wins. */
    KEXPECT_TRUE(timed_wait_run(&tw, true, hal_timer_now()));
    KEXPECT_TRUE(!timeout_expired(&tw.timeout));
}

/* A waker for futures polled by hand, outside any executor: it counts. */
static void count_wake(void *arg)
{
    __atomic_fetch_add((int *)arg, 1, __ATOMIC_SEQ_CST);
}

KTEST(exec_cancel_mid_wait_releases_timer_and_queue_place)
{
    int wakes = 0;
    struct waker counter = {.wake = count_wake, .arg = &wakes};
    struct sleep_future s;
    struct exec_event e;
    struct event_wait w;
    uint64_t deadline = hal_timer_now() + 100 * MS;
    sleep_future_init(&s, deadline);
    exec_event_init(&e);
    event_wait_init(&w, &e);
    KEXPECT_EQ(future_poll(&s.base, counter), POLL_PENDING);
    KEXPECT_EQ(future_poll(&w.base, counter), POLL_PENDING);
    KEXPECT_TRUE(s.timer.pending);
    KEXPECT_EQ(exec_event_waiters(&e), 1);
    future_cancel(&s.base);
    future_cancel(&w.base);
    KEXPECT_TRUE(!s.timer.pending);
    KEXPECT_EQ(exec_event_waiters(&e), 0);
    /* Past the deadline and after a set, nobody calls the dropped wakers. */
    exec_event_set(&e);
    while (hal_timer_now() < deadline + 20 * MS)
        hal_cpu_idle();
    KEXPECT_EQ(wakes, 0);
}

/* Two tasks written with the macros of exec/async.h: one sleeps and then sets an event, the other
   waits for the event and then sleeps. */
struct sequence {
    struct future base;
    struct task task;
    int pc;
    struct exec_event *event;
    struct sleep_future sleep;
    struct event_wait wait;
    uint64_t done_at;
};

static enum poll setter_poll(struct future *f, struct waker w)
{
    struct sequence *s = container_of(f, struct sequence, base);
    ASYNC_BEGIN(&s->pc);
    sleep_future_init(&s->sleep, hal_timer_now() + 3 * MS);
    AWAIT(&s->pc, &s->sleep.base, w);
    s->done_at = hal_timer_now();
    exec_event_set(s->event);
    ASYNC_END(&s->pc);
}

static enum poll getter_poll(struct future *f, struct waker w)
{
    struct sequence *s = container_of(f, struct sequence, base);
    ASYNC_BEGIN(&s->pc);
    event_wait_init(&s->wait, s->event);
    AWAIT(&s->pc, &s->wait.base, w);
    sleep_future_init(&s->sleep, hal_timer_now() + 2 * MS);
    AWAIT(&s->pc, &s->sleep.base, w);
    s->done_at = hal_timer_now();
    ASYNC_END(&s->pc);
}

KTEST(exec_async_macros_resume_where_they_waited)
{
    struct executor ex;
    struct exec_event e;
    struct sequence setter = {.base = {.poll = setter_poll}, .event = &e};
    struct sequence getter = {.base = {.poll = getter_poll}, .event = &e};
    executor_init(&ex);
    exec_event_init(&e);
    task_spawn(&ex, &getter.task, &getter.base);
    task_spawn(&ex, &setter.task, &setter.base);
    KEXPECT_TRUE(executor_run(&ex, hal_timer_now() + 2000 * MS));
    KEXPECT_EQ(getter.pc, ASYNC_DONE);
    KEXPECT_GE(getter.done_at, setter.done_at + 2 * MS);
    KEXPECT_EQ(future_poll(&getter.base, task_waker(&getter.task)), POLL_READY);
}
