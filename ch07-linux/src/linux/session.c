/*: # Process groups and sessions

Job control groups processes: a shell puts each pipeline in a *process group* of its own, so that
one signal (`kill(-pgid, SIGINT)`, or Ctrl-C at the terminal) reaches every process of it; a
*session* is everything started from one login. A new process belongs to its parent's group and
session; `setpgid` moves a process (itself, or a child that has not yet run `execve`) into another
group of the same session, or makes it the leader of a new group; `setsid` makes the caller the
leader of a new session and of a new group in it, unless it already leads a group. */
#include "linux/process.h"
#include "linux/syscall.h"

/* The process pid names for these calls: the caller for 0, else that process if it is the caller
   or one of its children. NULL if none. Under the tree lock. */
static struct linux_process *self_or_child(struct linux_process *self, int pid)
{
    if (pid == 0 || pid == self->pid)
        return self;
    for (struct linux_process *c = self->children; c; c = c->next_sibling)
        if (c->pid == pid)
            return c;
    return NULL;
}

/* Is there a process in group pgid, of session sid (any session: -1)? A zombie counts: as on
   Linux, it stays in its group until it is reaped. So a shell's second child of a pipeline joins
   the group of the first even when that one has already ended. */
struct group_search {
    int pgid, sid;
    bool found;
};

static void find_group(struct linux_process *lp, void *arg)
{
    struct group_search *g = arg;
    g->found |= lp->pgid == g->pgid && (g->sid < 0 || lp->sid == g->sid);
}

static int64_t linux_setpgid(const uint64_t *arg)
{
    int pid = (int)arg[0], pgid = (int)arg[1];
    if (pgid < 0)
        return -EINVAL;
    struct linux_process *self = linux_current();
    int64_t result = 0;
    hal_lock_acquire(&linux_tree_lock);
    struct linux_process *target = self_or_child(self, pid);
    if (!target) {
        result = -ESRCH;
    } else {
        int want = pgid ? pgid : target->pid;
        struct group_search g = {want, self->sid, false};
        linux_process_each(find_group, &g);
        if (target->sid != self->sid || target->pid == target->sid)
            result = -EPERM; /* another session's, or a session leader */
        else if (want != target->pid && !g.found)
            result = -EPERM; /* no such group in this session to join */
        else
            target->pgid = want;
    }
    hal_lock_release(&linux_tree_lock);
    return result;
}
LINUX_SYSCALL(setpgid, linux_setpgid);

/* getpgid and getsid: of the caller (0) or of any process. */
static int64_t group_or_session(int pid, bool session)
{
    hal_lock_acquire(&linux_tree_lock);
    struct linux_process *lp = pid ? linux_process_find(pid) : linux_current();
    int64_t result = !lp ? -ESRCH : session ? lp->sid : lp->pgid;
    hal_lock_release(&linux_tree_lock);
    return result;
}

static int64_t linux_getpgid(const uint64_t *arg)
{
    return group_or_session((int)arg[0], false);
}
LINUX_SYSCALL(getpgid, linux_getpgid);

static int64_t linux_getsid(const uint64_t *arg)
{
    return group_or_session((int)arg[0], true);
}
LINUX_SYSCALL(getsid, linux_getsid);

#ifdef __NR_getpgrp
static int64_t linux_getpgrp(const uint64_t *arg)
{
    return group_or_session(0, false);
}
LINUX_SYSCALL(getpgrp, linux_getpgrp);
#endif

/* setsid: -EPERM if any process is in a group the caller's pid names (it leads one already). */
static int64_t linux_setsid(const uint64_t *arg)
{
    struct linux_process *self = linux_current();
    struct group_search g = {self->pid, -1, false};
    hal_lock_acquire(&linux_tree_lock);
    linux_process_each(find_group, &g);
    if (!g.found)
        self->sid = self->pgid = self->pid;
    hal_lock_release(&linux_tree_lock);
    return g.found ? -EPERM : self->pid;
}
LINUX_SYSCALL(setsid, linux_setsid);
