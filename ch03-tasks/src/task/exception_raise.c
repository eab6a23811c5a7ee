/*: # The search for a handler

A fault stops the thread and becomes an exception of a type that says what went wrong. The kernel then
offers it to the handlers in Zircon's order: the thread's own exception channel, its process's, its job's,
and each job above up to the root. Each handler in turn gets the exception and keeps the thread stopped
(`ZX_THREAD_STATE_BLOCKED_EXCEPTION`) until it lets go:

- `HANDLED`: the thread runs again from where it stopped. After a page fault or an undefined instruction
  that retries the instruction (the handler is expected to have fixed its cause); after a breakpoint the
  program goes on past it.
- `THREAD_EXIT`: the thread ends; the process lives on if it has other threads.
- `TRY_NEXT`, or a listener that went away: the next handler is asked.

A thread that is told to stop while a handler holds its exception (killed, or its process ending) ends,
whatever the handler decides: as in Zircon, its exception goes on to no other handler.

When no handler is left, the process is killed with `ZX_TASK_RETCODE_EXCEPTION_KILL` and the kernel says
why on the console: a user program's fault is never the kernel's. */
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
    kprintf("zinc: thread %lu of process %lu (%s): %s at pc 0x%lx, address 0x%lx: no handler, process killed\n",
            (unsigned long)t->base.koid, (unsigned long)t->process->base.koid, t->process->base.name,
            hal_trap_name(trap->kind), (unsigned long)hal_context_pc(t->ctx), (unsigned long)trap->addr);
}

static void set_channel_type(struct thread *t, uint32_t channel_type)
{
    hal_lock_acquire(&t->process->lock);
    t->exception_channel_type = channel_type;
    hal_lock_release(&t->process->lock);
}

/* Offer the exception to the handler at e, of the given channel type; returns the verdict, TRY_NEXT if
   nobody listens there, or THREAD_EXIT if the thread must stop. The thread counts as blocked before the
   message goes: a listener that reads it at once must find the thread stopped. */
static uint32_t offer(struct exceptionate *e, uint32_t channel_type, struct thread *t, zx_excp_type_t type)
{
    struct exception_waiter w;
    set_channel_type(t, channel_type);
    wait_blocked_as(ZX_THREAD_STATE_BLOCKED_EXCEPTION);
    uint32_t verdict = ZX_EXCEPTION_STATE_TRY_NEXT;
    if (exceptionate_send(e, t, type, &w))
        verdict = exception_wait(&w);
    wait_blocked_as(0);
    set_channel_type(t, ZX_EXCEPTION_CHANNEL_TYPE_NONE);
    return __atomic_load_n(&t->kill, __ATOMIC_SEQ_CST) ? ZX_EXCEPTION_STATE_THREAD_EXIT : verdict;
}

void exception_raise(struct thread *t, const struct hal_trap *trap)
{
    zx_excp_type_t type = exception_type_of(trap);
    uint32_t verdict = offer(&t->exceptionate, ZX_EXCEPTION_CHANNEL_TYPE_THREAD, t, type);
    if (verdict == ZX_EXCEPTION_STATE_TRY_NEXT)
        verdict = offer(&t->process->exceptionate, ZX_EXCEPTION_CHANNEL_TYPE_PROCESS, t, type);
    for (struct job *j = t->process->job; j && verdict == ZX_EXCEPTION_STATE_TRY_NEXT; j = j->parent)
        verdict = offer(&j->exceptionate, ZX_EXCEPTION_CHANNEL_TYPE_JOB, t, type);
    if (verdict == ZX_EXCEPTION_STATE_THREAD_EXIT) {
        thread_kill(t);
    } else if (verdict == ZX_EXCEPTION_STATE_TRY_NEXT) {
        report_fault(t, trap);
        process_kill(t->process, ZX_TASK_RETCODE_EXCEPTION_KILL);
    }
}
