/*: # The kernel calls the user: a thread's loop

Each Zircon thread runs this loop on a kernel thread of its own. It is chapter 1's idea at full
size: run the user's registers until they trap, look at why, act, and run them again.

- A **system call** goes to the process's personality (task/personality.h): for a Zircon program,
  the dispatcher of chapter 2. Its result goes back in the return register.
- An **interrupt** (the timer, or a poke from another CPU) is a chance to let other threads run.
- A **fault** goes to the personality too. For a Zircon program it is an exception: the thread stops
  while the search of task/exception_raise.c offers it to the handlers, and then runs on, ends, or
  has its process killed. Either way the kernel goes on.

Before every entry into user mode the loop checks whether the thread must end: killed, or its
process dying. That check, and the poke that `thread_kill` sends, are why a kill always takes
effect.

What runs the loop is this file's business alone: here a kernel thread of its own, which chapter 6
replaces with a task of its executor. */
#include "task/address_space.h"

static void thread_loop(void *arg)
{
    struct thread *t = arg;
    struct hal_trap trap;
    __atomic_store_n(&t->runner, (void *)hal_thread_current(), __ATOMIC_RELEASE);
    zx_caller_set_current(&t->caller);
    wait_self_attach(&t->waits);
    while (!__atomic_load_n(&t->kill, __ATOMIC_SEQ_CST)) {
        const struct personality *persona = t->process->personality;
        /* Other threads, of other processes, ran since the last trap: make this process's address
           space the current one again (free when it still is). */
        hal_pt_activate(t->process->memory.pt);
        if (persona->to_user)
            persona->to_user(t);
        if (__atomic_load_n(&t->kill, __ATOMIC_SEQ_CST))
            break; /* the personality ended it */
        hal_context_run(t->ctx, &trap);
        if (trap.kind == HAL_TRAP_SYSCALL) {
            hal_context_set_return(t->ctx, (uint64_t)persona->syscall(t));
        } else if (trap.kind == HAL_TRAP_INTERRUPT) {
            hal_thread_yield();
        } else if (trap.kind != HAL_TRAP_PAGE_FAULT ||
                   address_space_fault(t->process, trap.addr, trap.access) != ZX_OK) {
            /* A page fault the address space serves is retried, unseen. One it gave up on because
               this thread is being killed (a wait for a pager, say) is no exception: the thread
               just ends. */
            if (!__atomic_load_n(&t->kill, __ATOMIC_SEQ_CST))
                persona->fault(t, &trap);
        }
    }
    if (t->process->personality->thread_exit)
        t->process->personality->thread_exit(t);
    exceptionate_unbind(&t->exceptionate);
    process_thread_ended(t->process, t);
    wait_self_attach(NULL);
    hal_thread_set_local(NULL);
    /* A late poke must not reach the next user of this kernel thread (harmless if it did). */
    __atomic_store_n(&t->runner, NULL, __ATOMIC_RELEASE);
    kobject_unref(&t->base); /* the runner's reference: the object may go now */
}

zx_status_t thread_loop_start(struct thread *t)
{
    return hal_thread_spawn(thread_loop, t) == 0 ? ZX_OK : ZX_ERR_NO_RESOURCES;
}

void thread_loop_poke(struct thread *t)
{
    struct hal_thread *runner = __atomic_load_n(&t->runner, __ATOMIC_ACQUIRE);
    if (runner) {
        hal_thread_interrupt(runner); /* out of user code */
        hal_thread_wake(runner);      /* out of a wait */
    }
}
