/*: # The tree of Linux processes

Pids are handed out in increasing order, wrapping around and skipping those in use, as Linux does,
so that a pid is not soon used again by another process. Thread ids come from the same numbers (a
process's first thread has the pid as its id; every other thread takes a number of its own), so
one bitmap says which numbers are taken, by a process or a thread. Every Linux process is on one
list, under one lock, with its parent and children: the tree is small (at most
`LINUX_PROCESS_MAX`) and changes only at fork, exit and reaping, so one lock keeps it simple and
correct. */
#include "linux/process.h"

#include "kernel/kmalloc.h"
#include "linux/rt_queue.h"
#include "linux/signals.h"
#include "object/event.h"

#define PID_MAX 32768

struct hal_lock linux_tree_lock = HAL_LOCK_INIT;
static struct linux_process *all[LINUX_PROCESS_MAX]; /* the tree lock */
static uint64_t taken[PID_MAX / 64 + 1];             /* the ids in use; the tree lock */
static int last_pid;

struct linux_process *linux_current(void)
{
    return thread_current()->process->personality_state;
}

struct linux_thread *linux_thread_current(void)
{
    return thread_current()->personality_state;
}

/* With the tree lock held: an unused id, now taken, or -1 if every one is. */
static int take_id(void)
{
    for (int tries = 0; tries < PID_MAX; tries++) {
        last_pid = last_pid % PID_MAX + 1;
        uint64_t bit = 1ull << (last_pid % 64);
        if (!(taken[last_pid / 64] & bit)) {
            taken[last_pid / 64] |= bit;
            return last_pid;
        }
    }
    return -1;
}

/* With the tree lock held: give id back. */
static void give_id(int id)
{
    taken[id / 64] &= ~(1ull << (id % 64));
}

/* With the tree lock held: a free slot of `all` and an unused pid, or -1 for none. */
static int take_pid(int *slot)
{
    *slot = -1;
    for (int i = 0; i < LINUX_PROCESS_MAX && *slot < 0; i++)
        if (!all[i])
            *slot = i;
    return *slot < 0 ? -1 : take_id();
}

struct linux_process *linux_process_find(int pid)
{
    for (int i = 0; i < LINUX_PROCESS_MAX; i++)
        if (all[i] && all[i]->pid == pid)
            return all[i];
    return NULL;
}

void linux_process_each(void (*fn)(struct linux_process *lp, void *arg), void *arg)
{
    for (int i = 0; i < LINUX_PROCESS_MAX; i++)
        if (all[i])
            fn(all[i], arg);
}

int linux_process_count(int *newest)
{
    int count = 0, highest = 0;
    hal_lock_acquire(&linux_tree_lock);
    for (int i = 0; i < LINUX_PROCESS_MAX; i++) {
        if (all[i]) {
            count++;
            highest = all[i]->pid > highest ? all[i]->pid : highest;
        }
    }
    hal_lock_release(&linux_tree_lock);
    if (newest)
        *newest = highest;
    return count;
}

void linux_process_forget(struct linux_process *lp)
{
    for (int i = 0; i < LINUX_PROCESS_MAX; i++)
        if (all[i] == lp)
            all[i] = NULL;
    give_id(lp->pid);
}

struct linux_process *linux_process_attach(struct process *p, struct linux_process *parent,
                                           struct fd_table *files, struct thread *t)
{
    struct linux_process *lp = kzalloc(sizeof *lp);
    struct linux_thread *lt = kzalloc(sizeof *lt);
    if (!lp || !lt || linux_signals_attach(lp, parent ? parent->signals : NULL) ||
        event_create(&lp->child_exited) != ZX_OK) {
        if (lp)
            linux_signals_detach(lp);
        kfree(lp);
        kfree(lt);
        return NULL;
    }
    hal_lock_acquire(&linux_tree_lock);
    int slot, pid = take_pid(&slot);
    if (pid > 0) {
        all[slot] = lp;
        lp->pid = lt->tid = pid;
        lp->parent = parent;
        lp->ppid = parent ? parent->pid : 0;
        lp->pgid = parent ? parent->pgid : pid;
        lp->sid = parent ? parent->sid : pid;
        if (parent) {
            lp->next_sibling = parent->children;
            parent->children = lp;
        }
    }
    hal_lock_release(&linux_tree_lock);
    if (pid < 0) {
        linux_signals_detach(lp);
        kobject_unref(lp->child_exited);
        kfree(lp);
        kfree(lt);
        return NULL;
    }
    kobject_ref(&p->base);
    lp->process = p;
    t->waits.interrupted = &lt->interrupted; /* a signal ends its waits (linux/signals.h) */
    lp->files = files;
    lp->wait_status = 9; /* killed (SIGKILL), unless it exits by itself */
    lp->umask = 022;     /* the first process's, as Linux's init gets it; fork copies it */
    p->personality_state = lp;
    t->personality_state = lt;
    return lp;
}

struct linux_thread *linux_thread_attach(struct thread *t)
{
    struct linux_thread *lt = kzalloc(sizeof *lt);
    if (!lt)
        return NULL;
    hal_lock_acquire(&linux_tree_lock);
    lt->tid = take_id();
    hal_lock_release(&linux_tree_lock);
    if (lt->tid < 0) {
        kfree(lt);
        return NULL;
    }
    lt->own_tid = true;
    t->waits.interrupted = &lt->interrupted;
    t->personality_state = lt;
    return lt;
}

void linux_thread_take_pid(struct thread *t)
{
    struct linux_thread *lt = t->personality_state;
    if (!lt->own_tid)
        return;
    hal_lock_acquire(&linux_tree_lock);
    give_id(lt->tid);
    lt->tid = ((struct linux_process *)t->process->personality_state)->pid;
    lt->own_tid = false;
    hal_lock_release(&linux_tree_lock);
}

void linux_thread_detach(struct thread *t)
{
    struct linux_thread *lt = t->personality_state;
    if (lt && lt->own_tid) { /* the first thread's id is the pid, which the process keeps */
        struct linux_process *lp = t->process->personality_state;
        hal_lock_acquire(&linux_tree_lock);
        if (lp) /* what was queued for the thread dies with it, before its id is given again */
            rt_queue_drop(lp, SIG_REALTIME, lt->tid);
        give_id(lt->tid);
        hal_lock_release(&linux_tree_lock);
    }
    kfree(lt);
    t->personality_state = NULL;
}
