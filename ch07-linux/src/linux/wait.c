/*: # wait4 and waitid: reaping children

A parent learns how a child ended by waiting for it, and only then does the child vanish: until
it is reaped, a dead child is a zombie that keeps its pid and its wait status (linux/exit.c). The
two calls differ only in how they ask and answer: `wait4(pid, &status, options, &rusage)` chooses
children by pid (`-1` any, `> 0` that one, `0` the caller's process group, `< -1` the group `-pid`)
and packs the status into an int; `waitid(idtype, id, &info, options)` says the same with an
id type and answers in a `siginfo_t`.

Besides ends, a parent may ask for stops (`WUNTRACED` for `wait4`, `WSTOPPED` for `waitid`) and
continues (`WCONTINUED`) of its children (linux/stop.h); each is reported once, and `WNOWAIT`
(`waitid`'s) leaves any report in place to be seen again. A stopped child's status is
`0x7f | sig << 8`, a continued one's `0xffff`.

Waiting is the pattern of linux/block.h with an event per parent, `child_exited`, which every child
signals as it dies, stops or continues. The event is cleared *before* the children are looked at,
so a child that changes after the look signals it again and the wait ends at once: no change is
missed. `-ECHILD` when no child matches at all, 0 with `WNOHANG` when some do but none has
anything to report. */
#include <asm/siginfo.h>
#include <asm/signal.h>
#include <linux/wait.h>

#include "linux/block.h"
#include "linux/exit.h"
#include "linux/stop.h"
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

/* Has child something to report to a wait with these options? Then true, and its wait status is
   in *status. Under the tree lock. */
static bool has_report(const struct linux_process *child, int options, int *status)
{
    if (child->exited) {
        *status = child->wait_status;
        return options & WEXITED;
    }
    *status = child->stop_report;
    if (*status == WAIT_CONTINUED)
        return options & WCONTINUED;
    return *status && (options & WSTOPPED);
}

/* Find a child of lp that matches and has something to report: it, or NULL with *any telling
   whether any child matched at all. Under the tree lock. */
static struct linux_process *reporting_child(struct linux_process *lp, enum match_by by, int id,
                                             int options, bool *any, int *status)
{
    *any = false;
    for (struct linux_process *c = lp->children; c; c = c->next_sibling) {
        if (!matches(c, by, id))
            continue;
        *any = true;
        if (has_report(c, options, status))
            return c;
    }
    return NULL;
}

/* The common part: find a child with a report, and unless WNOWAIT, take the report (reaping a
   child that has ended). Returns its pid with its status in *status, 0 (WNOHANG, none has one),
   -ECHILD, or what the call returns to wait. */
static int64_t wait_child(enum match_by by, int id, int options, int *status)
{
    struct linux_process *lp = linux_current();
    kobject_signal(lp->child_exited, ZX_EVENT_SIGNALED, 0);
    bool any;
    hal_lock_acquire(&linux_tree_lock);
    struct linux_process *child = reporting_child(lp, by, id, options, &any, status);
    int pid = child ? child->pid : 0;
    bool reap = child && child->exited && !(options & WNOWAIT);
    if (child && !child->exited && !(options & WNOWAIT))
        child->stop_report = 0; /* a stop or continue is reported once */
    hal_lock_release(&linux_tree_lock);
    if (reap)
        linux_process_reap(child);
    if (child)
        return pid;
    if (!any)
        return -ECHILD;
    if (options & WNOHANG)
        return 0;
    return linux_block_on(lp->child_exited, ZX_EVENT_SIGNALED, HAL_NO_DEADLINE);
}

/* wait4 always reports ends, and stops with WUNTRACED (WSTOPPED's other name). */
static int64_t linux_wait4(const uint64_t *arg)
{
    int pid = (int)arg[0], options = (int)arg[2], status = 0;
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE | __WNOTHREAD))
        return -EINVAL;
    if (pid == INT32_MIN)
        return -ESRCH; /* the group -pid, which has no number: Linux's answer */
    enum match_by by = pid == -1 ? BY_ANY : pid > 0 ? BY_PID : BY_PGID;
    int id = pid > 0 ? pid : pid == 0 ? linux_current()->pgid : -pid;
    int64_t result = wait_child(by, id, options | WEXITED, &status);
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
    int64_t pid = wait_child(by, id, options, &status);
    if (pid < 0 || !arg[2])
        return pid < 0 ? pid : 0;
    siginfo_t info = {0};
    if (pid > 0) {
        struct signal_origin o = linux_child_origin((int)pid, status);
        info.si_signo = SIGCHLD;
        info.si_code = o.code;
        info.si_pid = o.pid;
        info.si_status = o.status;
    }
    return copy_to_user(arg[2], &info, sizeof info) ? -EFAULT : 0;
}
LINUX_SYSCALL(waitid, linux_waitid);
