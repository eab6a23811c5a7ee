/*: # Blocking: the waiter

A thread that must wait for something (a signal on an object, a deadline, a handler's verdict on its
exception, a page a pager has yet to supply, a futex) blocks in exactly one place, and for exactly
one reason at a time. What it waits for is a *waiter*: a small record that whoever completes the
wait finds (in an observer, a queue of a futex, an exception) and *wakes*.

The protocol is the usual one for sleeping without losing a wake-up:

1. `waiter_init` the record, for the calling thread;
2. publish it where the waker will find it, and check the condition again, both under the lock
   that guards the condition;
3. block; the waker changes the condition, then calls `waiter_wake`.

A wake that lands between steps 2 and 3 is not lost: the record says it was woken, and the block
ends at once.

A wait ends in one of three ways: woken (`ZX_OK`), the deadline passed (`ZX_ERR_TIMED_OUT`), or the
thread was *cancelled*: it is being killed and must return to the kernel's edge as soon as it can
(`ZX_ERR_CANCELED`). Cancellation belongs to the thread, not to the system-call layer, so it is
kept in a `struct wait_self` that the thread owns (chapter 3's Thread has one) and that its kernel
thread names with `wait_self_attach` (object/wait_self.c). A kernel thread with none (userboot, a
kernel test) is never cancelled. The same record tells `ZX_INFO_THREAD` why the thread is blocked,
with one of the `ZX_THREAD_STATE_BLOCKED_*` reasons of zircon/thread_state.h.

## Arm, then finish

Every blocking operation is written in two halves. The first *arms* the wait: it checks its
condition, publishes a waiter, and hands over a `struct wait_op`, which carries the waiter, the
deadline, the reason, and the second half: `finish`, which runs once the wait has ended, takes the
waiter back from wherever it was published, and completes the operation: it copies results out,
drops references, and gives the status the system call returns. The first half ends with
`return wait_then(op)`: nothing that depends on the wait may follow it.

Here, in chapters 2 to 5, `wait_then` simply blocks the thread and then calls `finish`. The split
is for chapter 6, which replaces this one small file's implementation: there a user thread does
not block in `wait_then` at all. It returns at once, the thread's kernel stack unwinds, and
`finish` runs later, when the thread is polled again. That is why the operation's state, the
struct that embeds its `wait_op`, must not live on the stack of the code that arms it: it is
allocated, and `finish` frees it. Only a kernel thread of the kernel's own (userboot, a test), which
keeps blocking in `wait_then` in every chapter, may keep the state on its stack.

An operation that, once woken, is best simply done again from the start (a wait for a port's next
packet, a page fault whose page has arrived) has its `finish` answer `WAIT_RESTART`, and whoever
started the operation runs it again: the system-call dispatcher for a system call, the fault path
for a fault. Zircon's deadlines are absolute, so a call that starts again waits no longer than it
was asked to. */
#ifndef ZINC_WAITER_H
#define ZINC_WAITER_H

#include "hal/hal.h"
#include "zircon/errors.h"
#include "zircon/thread_state.h"
#include "zircon/types.h"

/* What one thread waits for. Whoever completes the wait calls waiter_wake; after that the wait may
   be finished and the record freed at any moment, so a waker touches it no more. `next` is for the
   queues of whoever keeps waiters (a futex, the pager). */
struct waiter {
    struct waiter *next;
    void *sleeper; /* whom waiter_wake wakes: object/waiter.c's business (a kernel thread here) */
    bool woken;    /* atomic */
};

/* What the blocking function needs of a thread that may block: how to know it is cancelled, and
   where to say why it is blocked. Owned by the thread (chapter 3's struct thread). */
struct suspend;

struct wait_self {
    const bool *cancelled; /* atomic: true once every wait of the thread must end */
    /* atomic, if not NULL: while true, waits end as cancelled too, though the thread goes on (a
       Linux thread with a signal to take: chapter 7) */
    const bool *interrupted;
    /* atomic: while it blocks, why (a ZX_THREAD_STATE_BLOCKED_* state); else 0 */
    uint32_t blocked;
    struct suspend *suspend; /* chapter 6: where the thread's waits suspend it; NULL: they block */
};

/* Make w a waiter for the calling thread, not yet woken. */
void waiter_init(struct waiter *w);

/* End w's wait. May be called from any thread, with locks held. */
void waiter_wake(struct waiter *w);

/* Has w been woken? (For a waiter that was woken meanwhile and need not block.) */
bool waiter_woken(const struct waiter *w);

/* A blocking operation's wait, and what completes the operation once the wait has ended; embedded
   in the operation's state. finish gets how the wait ended (ZX_OK, ZX_ERR_TIMED_OUT or
   ZX_ERR_CANCELED), must take the waiter back from wherever it was published, and returns the
   operation's result (or WAIT_RESTART). It runs exactly once. */
struct wait_op {
    struct waiter waiter;
    uint64_t deadline; /* on the hal_timer_now clock; HAL_NO_DEADLINE: none */
    uint32_t reason;   /* ZX_THREAD_STATE_BLOCKED_*, while it blocks */
    zx_status_t (*finish)(struct wait_op *op, zx_status_t ended);
};

/* A finish's answer for "the wait is over: run the operation again from its start". Never seen by
   a program: the system-call dispatcher runs the call again. */
#define WAIT_RESTART ((zx_status_t)-600)

/* Make op a wait for the calling thread until deadline, as reason, finished by finish. */
void wait_op_init(struct wait_op *op, uint64_t deadline, uint32_t reason,
                  zx_status_t (*finish)(struct wait_op *op, zx_status_t ended));

/* Wait for op's waiter to be woken, its deadline or a cancellation, then finish: returns what
   op->finish returns. The caller returns this result; after the call it may only let go of what
   it needed to arm the wait: in chapter 6 a user thread's finish runs later, and this returns at
   once. */
zx_status_t wait_then(struct wait_op *op);

/* The one blocking function: block the calling thread until w is woken (ZX_OK), hal_timer_now()
   reaches deadline (ZX_ERR_TIMED_OUT; HAL_NO_DEADLINE waits for ever), or the thread is cancelled
   (ZX_ERR_CANCELED). While it blocks, the thread is `reason`. A waiter woken before the call
   returns ZX_OK at once, whatever the deadline; so the caller can tell a wake from a timeout, and
   must still take w out of wherever it published it when the result is not ZX_OK. */
zx_status_t wait_block(struct waiter *w, uint64_t deadline, uint32_t reason);

/* Sleep until the deadline, as ZX_THREAD_STATE_BLOCKED_SLEEPING: ZX_OK, or ZX_ERR_CANCELED if
   cancelled first (ZX_ERR_NO_MEMORY if the wait's record cannot be had). An operation of its own
   (object/sleep.c): return its result. */
zx_status_t wait_sleep(uint64_t deadline);

/* The calling kernel thread blocks on behalf of self from now on (NULL: of nobody). */
void wait_self_attach(struct wait_self *self);

/* Has the calling thread been cancelled? Work that can take long asks before it starts. */
bool wait_cancelled(void);

/* Say that the calling thread is blocked for reason (0: no longer), for a wait that begins before
   wait_block does: a thread that offers its exception counts as blocked before the offer is
   sent. */
void wait_blocked_as(uint32_t reason);

/* Why the thread owning self is blocked: a ZX_THREAD_STATE_BLOCKED_* state, or 0. */
uint32_t wait_blocked_reason(const struct wait_self *self);

#endif
