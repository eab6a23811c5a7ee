/*: # The executor

An executor is a run queue of tasks and the CPUs that poll them. `executor_run` is what a CPU does
with its time: take the task at the head of the queue, poll it, repeat; and when the queue is empty,
sleep until a waker brings work (exec/cpu_idle.h). A task that is woken goes to the tail, so tasks
that keep waking themselves take turns with the others and none starves.

One queue is shared by all the CPUs that run the same executor, under one lock. The alternative, a
queue per CPU that idle CPUs steal from, saves the lock's traffic between CPUs when there are many
of them and much to do; with the one or two CPUs Zinc runs on, it would only add code (which queue
a wake goes to, whom to steal from, when to give up) and nothing to measure. The lock is held only
to move a task between queue and CPU, never during a poll, so a waker (which takes it) may be
called from any future's poll, from interrupt handlers and with other locks held: nothing is taken
inside the executor's lock but what a kick of a sleeping CPU takes.

`executor_run` returns when every task spawned on the executor has finished: that lets a test, or a
piece of the kernel that runs a batch of futures, wait for them all. A CPU that must run forever
keeps one task that never finishes. It also returns, false, at a deadline, which keeps a broken test
from hanging the run. */
#ifndef ZINC_EXEC_EXECUTOR_H
#define ZINC_EXEC_EXECUTOR_H

#include "exec/cpu_idle.h"
#include "exec/task.h"

struct executor {
    struct hal_lock lock;
    struct task *head, *tail;   /* the run queue: QUEUED tasks, first in first out */
    unsigned unfinished;        /* tasks spawned and not DONE */
    struct exec_cpu *sleeping;  /* CPUs in executor_run waiting for work */
};

void executor_init(struct executor *ex);

/* Poll ex's tasks on this CPU until none is left unfinished (true) or deadline passes (false). Any
   number of CPUs may run the same executor at once. */
bool executor_run(struct executor *ex, uint64_t deadline);

/* For exec/task.c, with ex->lock held: put t at the tail of the queue; a task has finished. */
void executor_enqueue_locked(struct executor *ex, struct task *t);
void executor_task_done_locked(struct executor *ex);

#endif
