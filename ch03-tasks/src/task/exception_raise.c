/*: # The search for a handler

A fault stops the thread and becomes an exception of a type that says what went wrong. The kernel
then offers it to the handlers in Zircon's order: the thread's own exception channel, its process's,
its job's, and each job above up to the root. Each handler in turn gets the exception and keeps the
thread stopped (`ZX_THREAD_STATE_BLOCKED_EXCEPTION`) until it lets go:

- `HANDLED`: the thread runs again from where it stopped. After a page fault or an undefined
  instruction that retries the instruction (the handler is expected to have fixed its cause); after
  a breakpoint the program goes on past it.
- `THREAD_EXIT`: the thread ends; the process lives on if it has other threads.
- `TRY_NEXT`, or a listener that went away: the next handler is asked.

A thread that is told to stop while a handler holds its exception (killed, or its process ending)
ends, whatever the handler decides: as in Zircon, its exception goes on to no other handler.

When no handler is left, the process is killed with `ZX_TASK_RETCODE_EXCEPTION_KILL` and the kernel
says why on the console: a user program's fault is never the kernel's. */
#include "kernel/kmalloc.h"
#include "kernel/printk.h"
#include "object/waiter.h"
#include "task/exception.h"

static zx_excp_type_t exception_type_of(const struct hal_trap *trap)
{
    switch (trap->kind) {
    case HAL_TRAP_PAGE_FAULT:
        return ZX_EXCP_FATAL_PAGE_FAULT;
    case HAL_TRAP_ILLEGAL:
        return ZX_EXCP_UNDEFINED_INSTRUCTION;
    case HAL_TRAP_BREAKPOINT:
        return ZX_EXCP_SW_BREAKPOINT;
    default:
        return ZX_EXCP_GENERAL;
    }
}

static void report_fault(struct thread *t, const struct hal_trap *trap)
{
    kprintf("zinc: thread %lu of process %lu (%s): %s at pc 0x%lx, address 0x%lx: no handler, "
            "process killed\n",
            (unsigned long)t->base.koid, (unsigned long)t->process->base.koid,
            t->process->base.name, hal_trap_name(trap->kind), (unsigned long)hal_context_pc(t->ctx),
            (unsigned long)trap->addr);
}

static void set_channel_type(struct thread *t, uint32_t channel_type)
{
    hal_lock_acquire(&t->process->lock);
    t->exception_channel_type = channel_type;
    hal_lock_release(&t->process->lock);
}

/* One search, from the fault to the verdict that ends it. The thread waits for each handler it
   asks, so the search's state is allocated (object/waiter.h), and freed when the search ends. */
struct exception_search {
    struct exception_waiter w;
    struct thread *t;
    struct hal_trap trap;
    zx_excp_type_t type;
    uint32_t asked;  /* the channel type of the handler asked last; NONE before the first */
    struct job *job; /* while asked is JOB: the job asked last */
};

static zx_status_t search(struct exception_search *s);

/* The next handler in Zircon's order, or NULL when none is left. */
static struct exceptionate *next_handler(struct exception_search *s)
{
    switch (s->asked) {
    case ZX_EXCEPTION_CHANNEL_TYPE_NONE:
        s->asked = ZX_EXCEPTION_CHANNEL_TYPE_THREAD;
        return &s->t->exceptionate;
    case ZX_EXCEPTION_CHANNEL_TYPE_THREAD:
        s->asked = ZX_EXCEPTION_CHANNEL_TYPE_PROCESS;
        return &s->t->process->exceptionate;
    case ZX_EXCEPTION_CHANNEL_TYPE_PROCESS:
        s->asked = ZX_EXCEPTION_CHANNEL_TYPE_JOB;
        s->job = s->t->process->job;
        break;
    default:
        s->job = s->job->parent;
    }
    return s->job ? &s->job->exceptionate : NULL;
}

/* The handler asked last is done with the thread: it no longer counts as blocked. A thread told to
   stop meanwhile ends, whatever the verdict. */
static uint32_t let_go(struct exception_search *s, uint32_t verdict)
{
    wait_blocked_as(0);
    set_channel_type(s->t, ZX_EXCEPTION_CHANNEL_TYPE_NONE);
    bool stop = __atomic_load_n(&s->t->kill, __ATOMIC_SEQ_CST);
    return stop ? ZX_EXCEPTION_STATE_THREAD_EXIT : verdict;
}

/* Act on the final verdict, and end the search. */
static zx_status_t conclude(struct exception_search *s, uint32_t verdict)
{
    if (verdict == ZX_EXCEPTION_STATE_THREAD_EXIT) {
        thread_kill(s->t);
    } else if (verdict == ZX_EXCEPTION_STATE_TRY_NEXT) {
        report_fault(s->t, &s->trap);
        process_kill(s->t->process, ZX_TASK_RETCODE_EXCEPTION_KILL);
    }
    kfree(s);
    return ZX_OK;
}

/* The handler let go of the exception, or the thread was cancelled (exception_abandon tells which):
   the second half of a wait for one handler. */
static zx_status_t heard(struct wait_op *op, zx_status_t ended)
{
    (void)ended;
    struct exception_search *s = container_of(op, struct exception_search, w.op);
    uint32_t verdict = let_go(s, exception_abandon(&s->w));
    return verdict == ZX_EXCEPTION_STATE_TRY_NEXT ? search(s) : conclude(s, verdict);
}

/* Offer the exception to the handlers after the one asked last, until one takes it (then wait for
   its verdict) or none is left. The thread counts as blocked before the message goes: a listener
   that reads it at once must find the thread stopped. */
static zx_status_t search(struct exception_search *s)
{
    struct exceptionate *e;
    while ((e = next_handler(s))) {
        set_channel_type(s->t, s->asked);
        wait_blocked_as(ZX_THREAD_STATE_BLOCKED_EXCEPTION);
        wait_op_init(&s->w.op, HAL_NO_DEADLINE, ZX_THREAD_STATE_BLOCKED_EXCEPTION, heard);
        if (exceptionate_send(e, s->t, s->type, &s->w))
            return wait_then(&s->w.op);
        uint32_t verdict = let_go(s, ZX_EXCEPTION_STATE_TRY_NEXT); /* nobody listens there */
        if (verdict != ZX_EXCEPTION_STATE_TRY_NEXT)
            return conclude(s, verdict);
    }
    return conclude(s, ZX_EXCEPTION_STATE_TRY_NEXT);
}

zx_status_t exception_raise(struct thread *t, const struct hal_trap *trap)
{
    struct exception_search *s = kzalloc(sizeof *s);
    if (!s) { /* no memory to search with: as if no handler were there */
        report_fault(t, trap);
        process_kill(t->process, ZX_TASK_RETCODE_EXCEPTION_KILL);
        return ZX_OK;
    }
    *s = (struct exception_search){.t = t, .trap = *trap, .type = exception_type_of(trap)};
    return search(s);
}
