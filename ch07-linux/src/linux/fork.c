/*: # fork: a process copied, with VMO snapshots

`fork` makes a new process that is a copy of the caller: the same memory, the same open files, the
same registers, except that the call returns 0 in the child and the child's pid in the parent.
Copying all the memory would be slow and mostly wasted (a shell's child usually runs `execve` at
once and throws the copy away), so Linux shares the pages and copies one only when either side
writes it.

Chapter 4 already has exactly that, as an object: a **snapshot** child of a VMO shares the parent's
pages and diverges, page by page, on the first write of either side. So Zinc's `fork` walks the
parent's root VMAR and, for every mapping in it, maps into the child's root VMAR a snapshot of the
same range of the same VMO, at the same address, with the same permissions. Nothing is copied
until somebody writes; the copy-on-write machinery is chapter 4's, unchanged. Memory mapped with
`MAP_SHARED` is the exception, as in Linux: the parent and the child go on sharing it, so the
child's mapping is of the same VMO, not of a snapshot (linux/memory.h says how a shared VMO is
told from a private one). The walk of the parent's mappings is linux/regions.h's.

The rest is bookkeeping: a new pid in the tree, a copy of the descriptor table (the same open files,
with their positions shared, as `dup` shares them), the parent's break, and a first thread that
starts with the parent's registers as they were at the call, but with 0 as the call's result.

`clone` is the general form, with flags saying what to share; glibc's `fork` is `clone(SIGCHLD |
CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)`. This file serves `clone` for new processes; with
`CLONE_THREAD` it makes a thread instead (linux/thread.c). `vfork` (`CLONE_VM | CLONE_VFORK`)
is served as a fork whose parent waits until the child has run `execve` or ended, which is all that
POSIX promises of `vfork`: the child gets a copy of the memory rather than the parent's own. */
#include <asm/signal.h>
#include <linux/sched.h>

#include "kernel/frame.h"
#include "fs/vnode.h"
#include "linux/block.h"
#include "linux/fork.h"
#include "linux/memory.h"
#include "linux/process.h"
#include "linux/regions.h"
#include "linux/thread.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/event.h"

/* The flags of clone that a new process may have. */
#define PROCESS_FLAGS                                                                              \
    (CSIGNAL | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_PARENT_SETTID | CLONE_VFORK |     \
     CLONE_VM | CLONE_SETTLS)

/* Map into child, at the same place, each of r's mappings: the same VMO for shared memory, a
   snapshot of it otherwise; write value at the word va of the child, if va is not 0
   (CLONE_CHILD_SETTID). */
static int copy_regions(struct region *r, struct vmar *child, uaddr_t va, int value)
{
    int err = 0;
    for (; r && !err; r = r->next) {
        struct vmo *copy;
        uint64_t offset = 0; /* where r's range is in copy */
        vaddr_t addr;
        if (linux_memory_is_shared(r->vmo)) { /* the same bytes on both sides: no copy */
            kobject_ref(&r->vmo->base);
            copy = r->vmo;
            offset = r->offset;
        } else {
            /* LAB ch07-fork-snapshot BEGIN: the child's memory for region r: a snapshot child
               (ZX_VMO_CHILD_SNAPSHOT) of r's range of its VMO, so that parent and child share the
               pages until either writes one. (It is mapped below, at r's address with r's
               permissions; the word va, if it is in r, is written into it: the child's copy
               only.)
               stub:
            if (vmo_create(r->size, false, &copy) != ZX_OK)
                return -ENOMEM;
            paddr_t page = frame_alloc();
            for (size_t at = 0; page && at < r->size; at += PAGE_SIZE) {
                vmo_read(r->vmo, r->offset + at, hal_pmem_ptr(page), PAGE_SIZE);
                vmo_write(copy, at, hal_pmem_ptr(page), PAGE_SIZE);
            }
            if (page)
                frame_free(page);
            */
            if (vmo_create_child(r->vmo, ZX_VMO_CHILD_SNAPSHOT, r->offset, r->size, false, &copy) !=
                ZX_OK)
                return -ENOMEM;
            /* LAB END */
            char name[ZX_MAX_NAME_LEN]; /* the copy is what it copies (/proc/PID/maps says) */
            kobject_get_name(&r->vmo->base, name);
            kobject_set_name(&copy->base, name, sizeof name);
        }
        if (vmar_map(child, ZX_VM_SPECIFIC | r->perms, r->base - child->start, copy, offset,
                     r->size, &addr) != ZX_OK)
            err = -ENOMEM;
        if (!err && va >= r->base && va + sizeof value <= r->base + r->size &&
            vmo_write(copy, offset + (va - r->base), &value, sizeof value) != ZX_OK)
            err = -ENOMEM;
        kobject_unref(&copy->base); /* the mapping keeps its own reference */
    }
    return err;
}

int linux_fork_memory(struct process *parent, struct process *child, uaddr_t child_tid, int tid)
{
    struct vmar *root = parent->space;
    struct region *regions = NULL;
    int err = regions_of(root, root->start, root->start + root->size, &regions);
    if (!err)
        err = copy_regions(regions, child->space, child_tid, tid);
    regions_free(regions);
    return err;
}

/* The new process's Linux state, from its parent's. */
static struct linux_process *copy_state(struct linux_process *lp, struct process *child,
                                        struct thread *t)
{
    struct fd_table *files = fd_table_clone(lp->files);
    struct linux_process *clp = files ? linux_process_attach(child, lp, files, t) : NULL;
    if (!clp) {
        if (files)
            fd_table_destroy(files);
        return NULL;
    }
    child->personality = &linux_personality;
    struct linux_thread *lt = t->personality_state, *self = linux_thread_current();
    lt->blocked = self->blocked;
    lt->altstack_sp = self->altstack_sp; /* the alternate signal stack is in the copied memory */
    lt->altstack_size = self->altstack_size;
    lt->altstack_flags = self->altstack_flags;
    clp->trampoline = lp->trampoline;
    clp->brk_start = lp->brk_start;
    clp->brk = lp->brk;
    clp->umask = lp->umask;
    clp->arg_start = lp->arg_start;
    clp->arg_end = lp->arg_end;
    clp->env_end = lp->env_end;
    clp->cwd = lp->cwd;
    if (clp->cwd)
        vnode_ref(clp->cwd);
    for (size_t i = 0; i < sizeof clp->exe; i++)
        clp->exe[i] = lp->exe[i];
    return clp;
}

/* Make the child process and start it; *out receives its Linux state. */
static int64_t fork_process(uint64_t flags, vaddr_t sp, uaddr_t parent_tid, uaddr_t child_tid,
                            uint64_t tls, struct linux_process **out)
{
    struct thread *self = thread_current();
    struct linux_process *lp = linux_current();
    struct process *child;
    struct thread *t = NULL;
    char name[ZX_MAX_NAME_LEN];
    kobject_get_name(&self->process->base, name);
    if (process_create(self->process->job, name, &child) != ZX_OK)
        return -ENOMEM;
    int64_t err = thread_create(child, "main", &t) == ZX_OK ? 0 : -ENOMEM;
    struct linux_process *clp = err ? NULL : copy_state(lp, child, t);
    if (!err && !clp)
        err = -EAGAIN;
    if (!err)
        err = linux_fork_memory(self->process, child, flags & CLONE_CHILD_SETTID ? child_tid : 0,
                                clp->pid);
    if (!err && (flags & CLONE_CHILD_CLEARTID))
        ((struct linux_thread *)t->personality_state)->clear_child_tid = child_tid;
    if (!err && (flags & CLONE_VFORK) && event_create(&clp->vfork_done) != ZX_OK)
        err = -ENOMEM;
    if (!err) {
        paddr_t frame = frame_alloc(); /* a register set is too big for the heap */
        struct hal_context *regs = frame ? hal_pmem_ptr(frame) : NULL;
        if (!regs)
            err = -ENOMEM;
        if (regs) {
            hal_context_unload(); /* all of the caller's registers into its context */
            *regs = *self->ctx;
            hal_context_set_return(regs, 0);
            if (sp)
                hal_context_set_sp(regs, sp);
            if (flags & CLONE_SETTLS)
                hal_context_set_tls(regs, tls);
            err = thread_start_as(t, regs) == ZX_OK ? 0 : -ENOMEM;
            frame_free(frame);
        }
    }
    if (!err && (flags & CLONE_PARENT_SETTID))
        copy_to_user(parent_tid, &clp->pid,
                     sizeof clp->pid); /* as Linux: a bad pointer is ignored */
    if (err && clp) {
        process_kill(child, 1); /* its Linux state goes with it (linux/exit.c) */
        linux_thread_detach(t); /* and the thread's, which never ran */
    }
    if (t)
        kobject_unref(&t->base);
    *out = err ? NULL : clp;
    int64_t result = err ? err : clp->pid;
    kobject_unref(&child->base); /* the tree keeps its own reference while it matters */
    return result;
}

/* clone for a new process: its pid, after a vfork child's exec or end. */
static int64_t clone_process(uint64_t flags, vaddr_t sp, uaddr_t parent_tid, uaddr_t child_tid,
                             uint64_t tls)
{
    if (flags & CLONE_THREAD)
        return linux_clone_thread(flags, sp, parent_tid, child_tid, tls); /* linux/thread.c */
    if (flags & ~(uint64_t)PROCESS_FLAGS || (flags & CLONE_VM && !(flags & CLONE_VFORK)))
        return -EINVAL; /* namespaces, ...: not here */
    struct linux_process *clp;
    int64_t pid = fork_process(flags, sp, parent_tid, child_tid, tls, &clp);
    if (pid < 0 || !(flags & CLONE_VFORK))
        return pid;
    return linux_block_then(clp->vfork_done, ZX_EVENT_SIGNALED, pid);
}

/* The argument order of clone differs: x86_64 has (flags, stack, parent_tid, child_tid, tls),
   riscv64 and most others (flags, stack, parent_tid, tls, child_tid). */
static int64_t linux_clone(const uint64_t *arg)
{
#ifdef __x86_64__
    return clone_process(arg[0], arg[1], arg[2], arg[3], arg[4]);
#else
    return clone_process(arg[0], arg[1], arg[2], arg[4], arg[3]);
#endif
}
LINUX_SYSCALL(clone, linux_clone);

#ifdef __NR_fork
static int64_t linux_fork(const uint64_t *arg)
{
    return clone_process(SIGCHLD, 0, 0, 0, 0);
}
LINUX_SYSCALL(fork, linux_fork);
#endif

#ifdef __NR_vfork
static int64_t linux_vfork(const uint64_t *arg)
{
    return clone_process(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
}
LINUX_SYSCALL(vfork, linux_vfork);
#endif
