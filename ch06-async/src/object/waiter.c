/*: # Blocking, replaced: a wait that suspends

This is chapter 2's `object/waiter.c`, rewritten for the executor, and the one file of the object
layer this chapter replaces. Its interface (object/waiter.h) does not change, so neither does any
blocking operation of chapters 2 to 5. What changes is who waits:

- a *kernel thread* of the kernel's own (userboot, a test), which has a stack of its own and whose
  wait_self has no `suspend`, still blocks as before, in chapter 2's `wait_block`;
- a *user thread*, which runs as a task (task/thread_loop.c) and whose wait_self names its
  `struct suspend`, is suspended (exec/suspend.h): `wait_then` returns `WAIT_PENDING`, and
  `wait_resume` finishes the wait at a later poll.

A waiter remembers which kind it will wake in its `sleeper`: a kernel thread, or a suspend record
with its lowest bit set (both are at least word-aligned, so the bit is free). A waker counts itself
in the suspend record while it wakes: the moment `woken` is set, the thread may finish its wait on
another CPU, run on and end, so the record is freed only once no waker is left in it
(`suspend_quiesce`), by the executor, outside every lock a waker may hold. */
#include "exec/suspend.h"
#include "object/waiter.h"

static struct suspend *suspend_of_caller(void)
{
    struct wait_self *self = hal_thread_wait_self();
    return self ? self->suspend : NULL;
}

void waiter_init(struct waiter *w)
{
    struct suspend *s = suspend_of_caller();
    void *sleeper = s ? (void *)((uintptr_t)s | 1) : (void *)hal_thread_current();
    *w = (struct waiter){.sleeper = sleeper};
}

void waiter_wake(struct waiter *w)
{
    uintptr_t sleeper = (uintptr_t)w->sleeper; /* once woken is set, w may go with its wait */
    if (!(sleeper & 1)) {
        __atomic_store_n(&w->woken, true, __ATOMIC_RELEASE);
        hal_thread_wake((struct hal_thread *)sleeper);
        return;
    }
    struct suspend *s = (struct suspend *)(sleeper & ~(uintptr_t)1);
    __atomic_fetch_add(&s->waking, 1, __ATOMIC_ACQ_REL); /* s lives: its wait cannot end before */
    __atomic_store_n(&w->woken, true, __ATOMIC_RELEASE);
    task_wake(s->task);
    __atomic_fetch_sub(&s->waking, 1, __ATOMIC_RELEASE);
}

/* How op's wait has ended, in wait_block's order of looking; WAIT_PENDING if it has not. */
static zx_status_t how_it_ended(const struct wait_op *op)
{
    if (waiter_woken(&op->waiter))
        return ZX_OK;
    if (wait_cancelled())
        return ZX_ERR_CANCELED;
    if (hal_timer_now() >= op->deadline)
        return ZX_ERR_TIMED_OUT;
    return WAIT_PENDING;
}

static void on_deadline(struct ktimer *timer, void *arg)
{
    (void)timer;
    struct suspend *s = arg;
    task_wake(s->task); /* the next poll sees the deadline passed */
}

zx_status_t wait_then(struct wait_op *op)
{
    struct suspend *s = suspend_of_caller();
    if (!s)
        return op->finish(op, wait_block(&op->waiter, op->deadline, op->reason));
    zx_status_t ended = how_it_ended(op);
    if (ended != WAIT_PENDING) /* over before it began: no need to suspend */
        return op->finish(op, ended);
    s->op = op;
    wait_blocked_as(op->reason);
    if (op->deadline != HAL_NO_DEADLINE)
        timer_start(&s->timer, op->deadline, on_deadline, s);
    return WAIT_PENDING;
}

zx_status_t wait_resume(struct suspend *s)
{
    struct wait_op *op = s->op;
    zx_status_t ended = how_it_ended(op);
    if (ended == WAIT_PENDING)
        return WAIT_PENDING; /* a wake that was not for this wait */
    if (op->deadline != HAL_NO_DEADLINE)
        timer_cancel_sync(&s->timer);
    s->op = NULL;
    wait_blocked_as(0);
    return op->finish(op, ended);
}

void suspend_quiesce(struct suspend *s)
{
    while (__atomic_load_n(&s->waking, __ATOMIC_ACQUIRE)) /* a few instructions on another CPU */
        continue;
}
