/*: # kill: sending signals

`kill(pid, sig)` sends to one process (`pid > 0`), to the caller's process group (`0`), to every
process but pid 1 and the caller (`-1`), or to the process group `-pid`. Signal 0 sends nothing
and only asks whether a target exists. Every process runs as root here, so permission is never
refused. `tkill` and `tgkill` send to a thread, which, with one thread a process in this part of
the chapter, is the process with that pid. The targets are found and signalled under the tree
lock, so none of them can be reaped meanwhile. */
#include "linux/signals.h"
#include "linux/syscall.h"

struct kill_target {
    int pid, sig, sender, sender_pgid;
    int found;
};

static void kill_if_target(struct linux_process *lp, void *arg)
{
    struct kill_target *k = arg;
    bool match = k->pid > 0     ? lp->pid == k->pid
                 : k->pid == 0  ? lp->pgid == k->sender_pgid
                 : k->pid == -1 ? lp->pid != 1 && lp->pid != k->sender
                                : lp->pgid == -k->pid;
    if (!match || lp->exited)
        return;
    k->found++;
    if (k->sig)
        linux_signal_process(lp, k->sig, (struct signal_origin){SI_USER, k->sender, 0});
}

/* Send sig to the targets pid names: 0, -ESRCH if there is none, -EINVAL for a bad signal. */
static int64_t send(int pid, int sig)
{
    if (sig < 0 || sig > LINUX_NSIG)
        return -EINVAL;
    struct linux_process *self = linux_current();
    struct kill_target k = {pid, sig, self->pid, self->pgid, 0};
    hal_lock_acquire(&linux_tree_lock);
    linux_process_each(kill_if_target, &k);
    hal_lock_release(&linux_tree_lock);
    return k.found ? 0 : -ESRCH;
}

static int64_t linux_kill(const uint64_t *arg)
{
    return send((int)arg[0], (int)arg[1]);
}
LINUX_SYSCALL(kill, linux_kill);

static int64_t linux_tkill(const uint64_t *arg)
{
    return (int)arg[0] <= 0 ? -EINVAL : send((int)arg[0], (int)arg[1]);
}
LINUX_SYSCALL(tkill, linux_tkill);

static int64_t linux_tgkill(const uint64_t *arg)
{
    if ((int)arg[0] <= 0 || (int)arg[1] <= 0)
        return -EINVAL;
    return arg[0] != arg[1] ? -ESRCH : send((int)arg[1], (int)arg[2]);
}
LINUX_SYSCALL(tgkill, linux_tgkill);
