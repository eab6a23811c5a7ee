/*: # wait4 and waitid: reaping children

A parent learns how a child ended by waiting for it, and only then does the child vanish: until
it is reaped, a dead child is a zombie that keeps its pid and its wait status (linux/exit.c). The
two calls differ only in how they ask and answer: `wait4(pid, &status, options, &rusage)` chooses
children by pid (`-1` any, `> 0` that one, `0` the caller's process group, `< -1` the group `-pid`)
and packs the status into an int; `waitid(idtype, id, &info, options)` says the same with an
id type and answers in a `siginfo_t`.

Waiting is the pattern of linux/block.h with an event per parent, `child_exited`, which every child
signals as it dies. The event is cleared *before* the children are looked at, so a child that dies
after the look signals it again and the wait ends at once: no death is missed. `-ECHILD` when no
child matches at all, 0 with `WNOHANG` when some do but none has ended. Stopped and continued
children are not reported: nothing stops a process in this part of the chapter. */
#include <asm/siginfo.h>
#include <asm/signal.h>
#include <linux/wait.h>

#include "linux/block.h"
#include "linux/exit.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/event.h"

enum match_by {
    BY_ANY,
    BY_PID,
    BY_PGID
};

static bool matches(const struct linux_process *child, enum match_by by, int id)
{
    return by == BY_ANY || (by == BY_PID && child->pid == id) ||
           (by == BY_PGID && child->pgid == id);
}

/* Find a child of lp that matches and has ended: it, or NULL with *any telling whether any child
   matched at all. Under the tree lock. */
static struct linux_process *ended_child(struct linux_process *lp, enum match_by by, int id,
                                         bool *any)
{
    *any = false;
    for (struct linux_process *c = lp->children; c; c = c->next_sibling) {
        if (!matches(c, by, id))
            continue;
        *any = true;
        if (c->exited)
            return c;
    }
    return NULL;
}

/* The common part: find (and unless no_reap, reap) an ended child. Returns its pid with its status
   in *status, 0 (WNOHANG, none ended), -ECHILD, or what the call returns to wait. */
static int64_t wait_child(enum match_by by, int id, int options, bool no_reap, int *status)
{
    struct linux_process *lp = linux_current();
    kobject_signal(lp->child_exited, ZX_EVENT_SIGNALED, 0);
    bool any;
    hal_lock_acquire(&linux_tree_lock);
    struct linux_process *child = ended_child(lp, by, id, &any);
    int pid = child ? child->pid : 0;
    if (child)
        *status = child->wait_status;
    hal_lock_release(&linux_tree_lock);
    if (child && !no_reap)
        linux_process_reap(child);
    if (child)
        return pid;
    if (!any)
        return -ECHILD;
    if (options & WNOHANG)
        return 0;
    return linux_block_on(lp->child_exited, ZX_EVENT_SIGNALED, HAL_NO_DEADLINE);
}

static int64_t linux_wait4(const uint64_t *arg)
{
    int pid = (int)arg[0], options = (int)arg[2], status = 0;
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE | __WNOTHREAD))
        return -EINVAL;
    enum match_by by = pid == -1 ? BY_ANY : pid > 0 ? BY_PID : BY_PGID;
    int id = pid > 0 ? pid : pid == 0 ? linux_current()->pgid : -pid;
    int64_t result = wait_child(by, id, options, false, &status);
    if (result > 0 && arg[1] && copy_to_user(arg[1], &status, sizeof status))
        return -EFAULT;
    if (result > 0 && arg[3]) {
        uint8_t rusage[144] = {0}; /* struct rusage: Zinc does not account for CPU time yet */
        if (copy_to_user(arg[3], rusage, sizeof rusage))
            return -EFAULT;
    }
    return result;
}
LINUX_SYSCALL(wait4, linux_wait4);

static int64_t linux_waitid(const uint64_t *arg)
{
    int type = (int)arg[0], id = (int)arg[1], options = (int)arg[3], status = 0;
    if (!(options & (WEXITED | WSTOPPED | WCONTINUED)) ||
        options & ~(WNOHANG | WEXITED | WSTOPPED | WCONTINUED | WNOWAIT | __WALL | __WCLONE |
                    __WNOTHREAD))
        return -EINVAL;
    if (type != P_ALL && type != P_PID && type != P_PGID)
        return -EINVAL;
    enum match_by by = type == P_ALL ? BY_ANY : type == P_PID ? BY_PID : BY_PGID;
    if (by == BY_PGID && id == 0)
        id = linux_current()->pgid;
    int64_t pid = options & WEXITED ? wait_child(by, id, options, options & WNOWAIT, &status)
                                    : (options & WNOHANG ? 0 : -ECHILD);
    if (pid < 0 || !arg[2])
        return pid < 0 ? pid : 0;
    siginfo_t info = {0};
    if (pid > 0) {
        bool killed = status & 0x7f;
        info.si_signo = SIGCHLD;
        info.si_code = killed ? CLD_KILLED : CLD_EXITED;
        info.si_pid = (int)pid;
        info.si_status = killed ? status & 0x7f : (status >> 8) & 0xff;
    }
    return copy_to_user(arg[2], &info, sizeof info) ? -EFAULT : 0;
}
LINUX_SYSCALL(waitid, linux_waitid);
