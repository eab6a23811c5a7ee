/*: # Exit, and the zombie it leaves

`exit_group` kills the Zircon process with the exit code, after recording the wait status; the
threads stop at their next return to the kernel, the last one ends the process, and the
personality's `process_exit` brings us to `linux_process_ended`. That is the one place where a
Linux process's death is handled, however it came.

A dead process's children are not left without a parent: they are handed to pid 1, which reaps
them (a shell started as pid 1 waits for its children; later the kernel's own init will do it for
any orphan). A child that dies with no parent at all (the first process, or an orphan while pid 1
is gone) is reaped at once, since nobody could ever ask for its status. */
#include "linux/exit.h"

#include "fs/vnode.h"
#include "kernel/kmalloc.h"
#include "linux/stop.h"
#include "linux/syscall.h"
#include "object/event.h"

void linux_exit_group(struct process *p, int wait_status)
{
    struct linux_process *lp = p->personality_state;
    hal_lock_acquire(&linux_tree_lock);
    if (!lp->exited) /* the first end wins: a kill after an exit changes nothing */
        lp->wait_status = wait_status;
    hal_lock_release(&linux_tree_lock);
    process_kill(p, wait_status & 0x7f ? 128 + (wait_status & 0x7f) : wait_status >> 8);
}

/* With the tree lock held: take lp off its parent's list of children. */
static void unlink_child(struct linux_process *lp)
{
    struct linux_process **link = &lp->parent->children;
    while (*link != lp)
        link = &(*link)->next_sibling;
    *link = lp->next_sibling;
    lp->parent = NULL;
    __atomic_store_n(&lp->ppid, 0, __ATOMIC_RELAXED);
}

/* With the tree lock held: child, whose parent is gone, goes to pid 1 (if it is not pid 1's own
   ending); the orphan is reaped at once if it is a zombie with nowhere to go. Returns true if it
   must be reaped. */
static bool adopt(struct linux_process *child, struct linux_process *dying)
{
    struct linux_process *init = linux_process_find(1);
    child->parent = NULL;
    __atomic_store_n(&child->ppid, 0, __ATOMIC_RELAXED);
    if (!init || init == dying || init->exited)
        return child->exited;
    child->parent = init;
    __atomic_store_n(&child->ppid, 1, __ATOMIC_RELAXED);
    child->next_sibling = init->children;
    init->children = child;
    if (child->exited || child->stop_report) /* something for init's wait already */
        kobject_signal(init->child_exited, 0, ZX_EVENT_SIGNALED);
    return false;
}

void linux_process_ended(struct linux_process *lp)
{
    if (lp->vfork_done) /* a vfork parent waits for this */
        kobject_signal(lp->vfork_done, 0, ZX_EVENT_SIGNALED);
    struct fd_table *files = lp->files;
    struct vnode *cwd = lp->cwd;
    hal_lock_acquire(&linux_tree_lock); /* /proc reads them under it (fs/procfs_fd.c) */
    lp->files = NULL;
    lp->cwd = NULL;
    hal_lock_release(&linux_tree_lock);
    fd_table_destroy(files);
    if (cwd)
        vnode_unref(cwd);
    struct linux_process *orphans = NULL;
    hal_lock_acquire(&linux_tree_lock);
    lp->exited = true;
    while (lp->children) {
        struct linux_process *child = lp->children;
        lp->children = child->next_sibling;
        if (adopt(child, lp)) {
            child->next_sibling = orphans;
            orphans = child;
        }
    }
    struct linux_process *parent = lp->parent;
    linux_tell_parent(lp, lp->wait_status);
    hal_lock_release(&linux_tree_lock);
    while (orphans) {
        struct linux_process *next = orphans->next_sibling;
        linux_process_reap(orphans);
        orphans = next;
    }
    if (!parent)
        linux_process_reap(lp);
}

void linux_process_reap(struct linux_process *lp)
{
    hal_lock_acquire(&linux_tree_lock);
    if (lp->parent)
        unlink_child(lp);
    linux_process_forget(lp);
    hal_lock_release(&linux_tree_lock);
    lp->process->personality_state = NULL;
    linux_signals_detach(lp);
    kobject_unref(lp->child_exited);
    if (lp->vfork_done)
        kobject_unref(lp->vfork_done);
    kobject_unref(&lp->process->base);
    kfree(lp);
}

/* exit_group ends the whole process; exit, the calling thread only (linux/thread.c). */
static int64_t linux_exit_group_call(const uint64_t *arg)
{
    linux_exit_group(thread_current()->process, (int)(arg[0] & 0xff) << 8);
    return 0;
}
LINUX_SYSCALL(exit_group, linux_exit_group_call);
