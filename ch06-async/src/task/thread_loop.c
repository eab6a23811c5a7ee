/*: # The kernel calls the user, as a task

This is chapter 3's `task/thread_loop.c`, rewritten, and the one file of the task layer this
chapter replaces. Its loop is the same (run the user's registers until they trap, handle the trap,
run them again) but it is no longer the body of a kernel thread of its own: it is the `poll` of a
task of the kernel's executor (exec/kernel_executor.h), and it returns whenever the thread must
wait, leaving nothing on any stack.

A trap's handling may end in a wait: a system call that blocks, a page fault that waits for a pager,
an exception that waits for a handler. Chapters 2 to 5 wrote each of those as a blocking operation
in two halves, and here `wait_then` suspends instead of blocking (object/waiter.c): the handling
returns `WAIT_PENDING` up to this loop, which records *what* was waiting (`at`) and says pending.
When the wait has ended, the next poll resumes it (`wait_resume` runs its second half) and settles
the result as the handling would have: a system call's result goes into the return register, or the
call runs again (`WAIT_RESTART`); a fault whose page came runs the instruction again, and one that
failed becomes an exception; an exception's search goes on to its end.

A thread that runs user code for a whole time slice gives the CPU to the others: the interrupt that
ends the slice (task/sched_tick.c) makes it wake its own task and say pending, which puts it at the
back of the run queue. A kill wakes the task and pokes the CPU that runs it, so the kill takes
effect whether the thread waits or computes.

While a poll lasts, the thread's turns leave the state the kernel never uses (x86_64's vector
registers and segment bases) in the CPU (`hal_context_run_kept`), so a system call that returns to
its caller does not move it in and out; the poll writes it back as it ends, since the thread's next
poll may run on another CPU.

The personality's `to_user`, which runs before the registers do, may wait too (a Linux thread
whose process a signal has stopped waits there to be continued, chapter 7): if it leaves a wait
pending, the loop says pending, and once the wait has ended runs `to_user` again. */
#include "exec/kernel_executor.h"
#include "exec/suspend.h"
#include "kernel/kmalloc.h"
#include "task/address_space.h"

/* What the pending wait of a thread belongs to. */
enum waiting_in {
    IN_SYSCALL,   /* its result is the call's */
    IN_FAULT,     /* a page fault, waiting for its page */
    IN_EXCEPTION, /* the search for a handler */
    IN_TO_USER,   /* the personality's to_user: it runs again once its wait ends */
};

/* A user thread as a task: all it holds while it waits. */
struct thread_task {
    struct task task;
    struct future future;
    struct suspend suspend;
    struct thread *t;
    enum waiting_in in;
    struct hal_trap trap;      /* the trap being handled */
    struct hal_thread *cpu;    /* the kernel thread polling it, while one does (for a poke) */
};

static struct hal_lock runners_lock = HAL_LOCK_INIT; /* t->runner, against a poke */

static bool told_to_stop(const struct thread *t)
{
    return __atomic_load_n(&t->kill, __ATOMIC_SEQ_CST);
}

/* Run the system call the thread trapped with, as its process's personality makes it. Its result is
   64 bits wide: a time, say. */
static int64_t dispatch(struct thread *t)
{
    return t->process->personality->syscall(t);
}

/* Carry status, the outcome of handling tt's trap or of the wait that handling was in, to its end;
   WAIT_PENDING when it waits (again), with tt->in saying for what. */
static zx_status_t settle(struct thread_task *tt, int64_t status)
{
    struct thread *t = tt->t;
    while (status != WAIT_PENDING) {
        if (tt->in == IN_SYSCALL && status == WAIT_RESTART) {
            status = dispatch(t);
        } else if (tt->in == IN_SYSCALL) {
            hal_context_set_return(t->ctx, (uint64_t)status);
            return ZX_OK;
        } else if (tt->in == IN_FAULT && status != ZX_OK && status != WAIT_RESTART &&
                   !told_to_stop(t)) {
            /* A fault the address space gave up on is an exception, unless the thread is being
               killed (a wait for a pager, say): then it just ends. */
            tt->in = IN_EXCEPTION;
            status = t->process->personality->fault(t, &tt->trap);
        } else {
            return ZX_OK;
        }
    }
    return WAIT_PENDING;
}

/* Begin handling the trap the thread just made. */
static zx_status_t handle(struct thread_task *tt)
{
    struct thread *t = tt->t;
    if (tt->trap.kind == HAL_TRAP_SYSCALL) {
        tt->in = IN_SYSCALL;
        return settle(tt, dispatch(t));
    }
    if (tt->trap.kind == HAL_TRAP_PAGE_FAULT) {
        tt->in = IN_FAULT;
        return settle(tt, address_space_fault(t->process, tt->trap.addr, tt->trap.access));
    }
    tt->in = IN_EXCEPTION;
    return told_to_stop(t) ? ZX_OK : settle(tt, t->process->personality->fault(t, &tt->trap));
}

/* Run the thread until it waits (WAIT_PENDING), gives up its slice (ZX_ERR_SHOULD_WAIT) or must
   end (ZX_OK). */
static zx_status_t run(struct thread_task *tt)
{
    struct thread *t = tt->t;
    zx_status_t status = tt->suspend.op ? settle(tt, wait_resume(&tt->suspend)) : ZX_OK;
    while (status != WAIT_PENDING && !told_to_stop(t)) {
        /* Other threads, of other processes, ran since the last trap: make this process's address
           space the current one again (free when it still is). */
        hal_pt_activate(t->process->memory.pt);
        if (t->process->personality->to_user) {
            t->process->personality->to_user(t);
            if (tt->suspend.op) { /* it began a wait: a Linux thread whose process is stopped */
                tt->in = IN_TO_USER;
                return WAIT_PENDING;
            }
        }
        if (told_to_stop(t))
            break; /* the personality ended it */
        hal_context_run_kept(t->ctx, &tt->trap);
        if (tt->trap.kind == HAL_TRAP_INTERRUPT) {
            hal_thread_yield(); /* and the kernel's own threads theirs, on a CPU they share */
            return ZX_ERR_SHOULD_WAIT;
        }
        status = handle(tt);
    }
    return status;
}

/* The thread has ended: it leaves its process, and nothing can poke it any more. */
static void end(struct thread_task *tt)
{
    struct thread *t = tt->t;
    exceptionate_unbind(&t->exceptionate);
    process_thread_ended(t->process, t);
    hal_lock_acquire(&runners_lock);
    t->runner = NULL;
    hal_lock_release(&runners_lock);
}

static enum poll poll_thread(struct future *f, struct waker w)
{
    (void)w; /* the thread's wakes go to its task directly (exec/suspend.h) */
    struct thread_task *tt = container_of(f, struct thread_task, future);
    struct thread *t = tt->t;
    __atomic_store_n(&tt->cpu, hal_thread_current(), __ATOMIC_RELEASE);
    zx_caller_set_current(&t->caller);
    wait_self_attach(&t->waits);
    hal_pt_activate(t->process->memory.pt); /* a wait's second half may copy to the user */
    zx_status_t status = run(tt);
    hal_context_unload(); /* the next poll may be another CPU's */
    if (status == ZX_OK && t->process->personality->thread_exit)
        t->process->personality->thread_exit(t); /* still as the thread, in its address space */
    wait_self_attach(NULL);
    zx_caller_set_current(NULL);
    __atomic_store_n(&tt->cpu, NULL, __ATOMIC_RELEASE);
    if (status == ZX_ERR_SHOULD_WAIT)
        task_wake(&tt->task); /* to the back of the queue: the others get their turn */
    if (status != ZX_OK)
        return POLL_PENDING;
    end(tt);
    return POLL_READY;
}

/* The executor is done with the finished task: once no waker is still busy with it, the record
   goes, and with it the runner's reference to the thread. */
static void task_finished(struct task *task)
{
    struct thread_task *tt = container_of(task, struct thread_task, task);
    suspend_quiesce(&tt->suspend);
    kobject_unref(&tt->t->base); /* the object may go now */
    kfree(tt);
}

zx_status_t thread_loop_start(struct thread *t)
{
    struct thread_task *tt = kzalloc(sizeof *tt);
    if (!tt)
        return ZX_ERR_NO_RESOURCES;
    tt->t = t;
    tt->future = (struct future){.poll = poll_thread};
    tt->suspend = (struct suspend){.task = &tt->task};
    t->waits.suspend = &tt->suspend;
    __atomic_store_n(&t->runner, tt, __ATOMIC_RELEASE);
    task_spawn_released(&kernel_executor, &tt->task, &tt->future, task_finished);
    return ZX_OK;
}

void thread_loop_poke(struct thread *t)
{
    hal_lock_acquire(&runners_lock);
    struct thread_task *tt = t->runner;
    if (tt) {
        struct hal_thread *cpu = __atomic_load_n(&tt->cpu, __ATOMIC_ACQUIRE);
        if (cpu)
            hal_thread_interrupt(cpu); /* out of user code */
        task_wake(&tt->task);          /* out of a wait */
    }
    hal_lock_release(&runners_lock);
}
