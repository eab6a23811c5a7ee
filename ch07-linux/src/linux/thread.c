/*: # Threads

A Linux thread is made by `clone` with `CLONE_THREAD`: a new thread in the caller's own process,
sharing its memory (`CLONE_VM`), its descriptors (`CLONE_FILES`), its working directory
(`CLONE_FS`) and its signal dispositions (`CLONE_SIGHAND`). For Zinc that is exactly a second
Zircon thread of the same Zircon process, which already shares all of these: the only Linux state a
thread has of its own is `struct linux_thread` (its id, its signal mask, the word to clear at its
end). So `clone` for a thread creates a Zircon thread and starts it with a copy of the caller's
registers, as `fork` starts a process's first thread, with 0 as the call's result, the stack the C
library allocated, and, with `CLONE_SETTLS`, its thread pointer.

Zinc asks for all four sharing flags together, which is what every C library passes: a thread with
its own descriptor table would need a Linux process state per thread, and nothing asks for it.

`exit` ends the calling thread only; `exit_group` (linux/exit.c) the whole process. A thread's end
clears and wakes the word `CLONE_CHILD_CLEARTID` named (linux/personality.c), which is how
`pthread_join` learns that the thread is gone. When the last thread of a process ends by `exit`, the
process ends with that thread's status.

`execve` in a process with several threads replaces the program of all of them, so the others must
go first, as in Linux: `linux_thread_alone` kills them and waits until they have ended (a thread
may be running user code on another CPU, which must not see the new program's memory). The calling
thread then carries on as the process's first thread, with the pid as its id. */
#include <linux/sched.h>

#include "linux/thread.h"

#include "kernel/frame.h"
#include "linux/block.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* What a thread must share, and what else clone may ask for one. */
#define THREAD_SHARES (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)
#define THREAD_FLAGS                                                                               \
    (THREAD_SHARES | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |     \
     CLONE_CHILD_CLEARTID | CLONE_DETACHED | CSIGNAL)

/* Start t with the caller's registers, but sp and tls as clone asked and 0 as the call's result. */
static int start_copy(struct thread *t, uint64_t flags, vaddr_t sp, uint64_t tls)
{
    paddr_t frame = frame_alloc(); /* a register set is too big for the heap */
    if (!frame)
        return -ENOMEM;
    struct hal_context *regs = hal_pmem_ptr(frame);
    hal_context_unload(); /* all of the caller's registers into its context (hal/context.h) */
    *regs = *thread_current()->ctx;
    hal_context_set_return(regs, 0);
    if (sp)
        hal_context_set_sp(regs, sp);
    if (flags & CLONE_SETTLS)
        hal_context_set_tls(regs, tls);
    int err = thread_start_as(t, regs) == ZX_OK ? 0 : -EAGAIN;
    frame_free(frame);
    return err;
}

int64_t linux_clone_thread(uint64_t flags, vaddr_t sp, uaddr_t parent_tid, uaddr_t child_tid,
                           uint64_t tls)
{
    if ((flags & THREAD_SHARES) != THREAD_SHARES || (flags & ~(uint64_t)THREAD_FLAGS))
        return -EINVAL;
    struct thread *self = thread_current(), *t;
    char name[ZX_MAX_NAME_LEN];
    kobject_get_name(&self->base, name);
    if (thread_create(self->process, name, &t) != ZX_OK)
        return -EAGAIN;
    /* From here a thread that cannot start stays on its process's list, never run, until the
       process ends (chapter 3 ends unstarted threads with it). */
    struct linux_thread *lt = linux_thread_attach(t);
    int64_t result = lt ? 0 : -EAGAIN;
    if (lt) {
        lt->blocked = linux_thread_current()->blocked; /* a new thread inherits the mask */
        if (flags & CLONE_CHILD_CLEARTID)
            lt->clear_child_tid = child_tid;
        /* The memory is shared, so both words are written now, before either thread runs on;
           as Linux, a bad address is ignored. */
        if (flags & CLONE_PARENT_SETTID)
            copy_to_user(parent_tid, &lt->tid, sizeof lt->tid);
        if (flags & CLONE_CHILD_SETTID)
            copy_to_user(child_tid, &lt->tid, sizeof lt->tid);
        result = lt->tid;
        int err = start_copy(t, flags, sp, tls);
        if (err) {
            linux_thread_detach(t);
            result = err;
        }
    }
    kobject_unref(&t->base); /* the process keeps its threads */
    return result;
}

/* How many other threads one look kills before it waits; those left are killed at the next. */
#define KILL_AT_ONCE 16

int64_t linux_thread_alone(struct process *p, struct thread *self)
{
    struct thread *others[KILL_AT_ONCE];
    int n = 0;
    hal_lock_acquire(&p->lock);
    for (struct thread *t = p->threads; t && n < KILL_AT_ONCE; t = t->next_in_process) {
        if (t != self && t->state != ZX_THREAD_STATE_NEW) { /* one never started never runs */
            kobject_ref(&t->base);
            others[n++] = t;
        }
    }
    hal_lock_release(&p->lock);
    if (!n)
        return 0;
    for (int i = 0; i < n; i++)
        thread_kill(others[i]); /* outside the process's lock: a kill pokes the thread awake */
    int64_t wait = linux_block_on(&others[0]->base, ZX_TASK_TERMINATED, HAL_NO_DEADLINE);
    for (int i = 0; i < n; i++)
        kobject_unref(&others[i]->base);
    return wait;
}

/* exit(status): the end of the calling thread, whose status is the process's if it is the last. */
static int64_t linux_exit(const uint64_t *arg)
{
    struct linux_process *lp = linux_current();
    hal_lock_acquire(&linux_tree_lock);
    if (!lp->exited)
        lp->wait_status = (int)(arg[0] & 0xff) << 8;
    hal_lock_release(&linux_tree_lock);
    thread_kill(thread_current());
    return 0;
}
LINUX_SYSCALL(exit, linux_exit);
