/*: # Tasks

A *task* is a future at the top: the one the executor polls, the future that holds all the others
(a system call's state, a thread's) inside its own struct. The task adds what scheduling needs: the
executor it belongs to, its place in the run queue, and its state, one of

             wake              picked by a CPU          poll says pending
    IDLE ─────────────▶ QUEUED ─────────────────▶ RUNNING ─────────────────────▶ IDLE
                          ▲                          │
                          │                          │ wake
                          │  poll says pending       ▼
                          └──────────────────── RUNNING_WOKEN

    RUNNING or RUNNING_WOKEN, and poll says ready ──▶ DONE

A new task starts QUEUED. The states are what make a wake count exactly once. A wake of a queued
task does nothing: it will be polled anyway, once. A wake that arrives while the task is being
polled, perhaps on another CPU, cannot requeue it (one task is never polled by two CPUs at once);
it marks it RUNNING_WOKEN, and when poll returns pending the executor queues it again instead of
leaving it idle. Without that mark the wake would be lost: the future may have looked at its event
just before the wake and said pending just after. A wake of a finished task does nothing, so a
finished task is never polled again.

The owner of a task allocates it (it is often a member of a bigger struct) and may reuse or free it
once `task_done` says so; by then nothing may keep its waker. */
#ifndef ZINC_EXEC_TASK_H
#define ZINC_EXEC_TASK_H

#include "exec/future.h"

struct executor;

enum task_state {
    TASK_IDLE,
    TASK_QUEUED,
    TASK_RUNNING,
    TASK_RUNNING_WOKEN,
    TASK_DONE,
};

struct task {
    void (*release)(struct task *t); /* or NULL: see task_spawn_released */
    struct future *future;
    struct executor *ex;
    enum task_state state; /* ex->lock */
    struct task *next;     /* ex->lock: the run queue */
};

/* Make future a task of ex, queued to be polled. t and future must live until task_done(t). */
void task_spawn(struct executor *ex, struct task *t, struct future *future);

/* The same, for a task that is freed when it finishes: the executor calls release(t) once it is
   done with the finished task (after its last poll, outside its lock); t may go then. */
void task_spawn_released(struct executor *ex, struct task *t, struct future *future,
                         void (*release)(struct task *t));

/* Poll t again (exactly once more, however many wakes arrive before that poll). From anywhere. */
void task_wake(struct task *t);

/* The waker that calls task_wake(t): what the executor passes to t's future. */
struct waker task_waker(struct task *t);

/* For the executor, with t->ex->lock held: t's future has been polled and said result. */
void task_polled_locked(struct task *t, enum poll result);

/* Has t's future said ready? */
bool task_done(struct task *t);

#endif
