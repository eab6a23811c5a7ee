/*: # rt_sigqueueinfo: a signal with the sender's siginfo

`kill` and `tgkill` make the siginfo themselves (`SI_USER` or `SI_TKILL`, and the sender's pid);
`rt_sigqueueinfo(pid, sig, info)` and `rt_tgsigqueueinfo(tgid, tid, sig, info)` send the one the
caller wrote, to a process or to one of its threads. They are what `sigqueue(3)` is made of: its
`si_code` is `SI_QUEUE` and its `si_value` a number or pointer that the receiver's `SA_SIGINFO`
handler (or `sigwaitinfo`) reads back. Zinc keeps `si_code`, `si_pid`, `si_uid` and `si_value`
(or `si_status`, for a code the kernel's signals use), not the whole structure. A real-time signal
queues behind the instances sent before it (linux/rt_queue.h), and when the queue is full the call
fails with `EAGAIN`; a standard signal is one pending instance per number, and a second one sent
before the first was taken replaces its siginfo.

The sender may write anything, but may not pass for the kernel or for `kill`: to anyone other than
itself (its own thread id, as Linux compares), a code that is not negative, or `SI_TKILL`, is
refused with `EPERM`, as rt_sigqueueinfo(2) says. */
#include "linux/signals.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* The origin the siginfo at addr gives for a signal to target: 0, -EFAULT or -EPERM. */
static int origin_from_user(uaddr_t addr, int target, struct signal_origin *origin)
{
    siginfo_t info;
    if (copy_from_user(&info, addr, sizeof info))
        return -EFAULT;
    if ((info.si_code >= 0 || info.si_code == SI_TKILL) && target != linux_thread_current()->tid)
        return -EPERM;
    *origin = (struct signal_origin){info.si_code, info.si_pid, info.si_status, (int)info.si_uid,
                                     (uint64_t)info.si_value.sival_ptr};
    return 0;
}

/* rt_sigqueueinfo(pid, sig, info) */
static int64_t linux_rt_sigqueueinfo(const uint64_t *arg)
{
    int pid = (int)arg[0], sig = (int)arg[1];
    struct signal_origin origin;
    int err = origin_from_user(arg[2], pid, &origin);
    if (err)
        return err;
    if (sig < 0 || sig > LINUX_NSIG)
        return -EINVAL;
    hal_lock_acquire(&linux_tree_lock);
    struct linux_process *lp = pid > 0 ? linux_process_find(pid) : NULL;
    err = lp && !lp->exited ? 0 : -ESRCH;
    if (!err && sig)
        err = linux_signal_process(lp, sig, origin);
    hal_lock_release(&linux_tree_lock);
    return err;
}
LINUX_SYSCALL(rt_sigqueueinfo, linux_rt_sigqueueinfo);

/* rt_tgsigqueueinfo(tgid, tid, sig, info) */
static int64_t linux_rt_tgsigqueueinfo(const uint64_t *arg)
{
    int tgid = (int)arg[0];
    struct signal_origin origin;
    int err = origin_from_user(arg[3], tgid, &origin);
    if (err)
        return err;
    return tgid <= 0 ? -EINVAL : linux_send_to_thread(tgid, (int)arg[1], (int)arg[2], origin);
}
LINUX_SYSCALL(rt_tgsigqueueinfo, linux_rt_tgsigqueueinfo);
