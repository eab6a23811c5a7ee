/*: # Suspending a thread at a wait

Chapter 2 wrote every blocking operation in two halves, joined by `wait_then` (object/waiter.h):
the first half arms a wait and hands over a `struct wait_op`; the second, its `finish`, completes
the operation once the wait has ended. There `wait_then` blocked the kernel thread in between. Here
a user thread is a task of the executor, and its kernel stack is the executor's, shared with every
other task: it must not block. So `wait_then` *suspends* it instead: it records the operation in
the thread's `struct suspend`, starts a timer for the deadline, and returns `WAIT_PENDING`, which
every layer between the wait and the thread's loop passes up unchanged, as it would any error. The
loop then says pending to the executor, and the kernel stack unwinds.

Whatever ends the wait (a waker, the deadline's timer, a kill) requeues the task. Its next poll
calls `wait_resume`, which looks at how the wait ended and, if it has, runs the second half: the
operation's result comes out there, as if `wait_then` had returned it. A finish may itself arm a
new wait (the exception search asks the next handler): then `wait_resume` says pending again.

What a suspended thread costs is this record and the operation's state: a few hundred bytes,
where a blocked kernel thread held a stack. */
#ifndef ZINC_EXEC_SUSPEND_H
#define ZINC_EXEC_SUSPEND_H

#include "exec/task.h"
#include "kernel/timer.h"
#include "object/waiter.h"

/* What wait_then answers a suspended thread: never seen by a program, nor by a finish. */
#define WAIT_PENDING ((zx_status_t)-601)

struct suspend {
    struct task *task;   /* what a wake of the thread requeues */
    struct wait_op *op;  /* the wait the thread is suspended in; NULL when none */
    struct ktimer timer; /* op's deadline, when it has one */
    uint32_t waking;     /* atomic: wakers between marking a waiter woken and requeueing the task */
};

/* If the wait s is suspended in has ended, finish it: returns what the finish returns (which may be
   WAIT_PENDING again); else WAIT_PENDING. With s the calling kernel thread's (wait_self). */
zx_status_t wait_resume(struct suspend *s);

/* Wait until no waker is still busy with s, whose thread has ended: s may be freed after this. */
void suspend_quiesce(struct suspend *s);

#endif
