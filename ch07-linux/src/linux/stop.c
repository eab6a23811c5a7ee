/*: # Stopping and continuing a process: the state changes

A stop and a continue each do three things under the tree lock: change the state the process's
threads look at (`stopped`, and the `running` event their waits watch), leave a report for the
parent's wait, and tell the parent. The report is one field, because a continue replaces a stop
that no wait collected, and a new stop a continue, as on Linux: a parent learns the latest change.

The thread that takes the stop signal stops the process and tells the parent at once; its other
threads, poked, stop a moment later on their way to user mode, where Linux tells the parent only
once the last has stopped.

Telling the parent is the same for every change of a child, its end included (linux/exit.c): the
`SIGCHLD`, with the siginfo that says what happened, and a wake of the parent's waits. */
#include "linux/stop.h"

#include "object/event.h"

void linux_stop(struct linux_process *lp, int sig)
{
    kobject_signal(lp->running, ZX_EVENT_SIGNALED, 0); /* before the flag: see signals.c */
    __atomic_store_n(&lp->stopped, true, __ATOMIC_SEQ_CST);
    lp->stop_report = WAIT_STOPPED(sig);
    linux_tell_parent(lp, lp->stop_report);
}

void linux_continue(struct linux_process *lp)
{
    if (!__atomic_load_n(&lp->stopped, __ATOMIC_SEQ_CST))
        return;
    __atomic_store_n(&lp->stopped, false, __ATOMIC_SEQ_CST);
    kobject_signal(lp->running, 0, ZX_EVENT_SIGNALED);
    lp->stop_report = WAIT_CONTINUED;
    linux_tell_parent(lp, WAIT_CONTINUED);
}

struct signal_origin linux_child_origin(int pid, int wait_status)
{
    if (wait_status == WAIT_CONTINUED)
        return (struct signal_origin){.code = CLD_CONTINUED, .pid = pid, .status = SIGCONT};
    if ((wait_status & 0xff) == 0x7f)
        return (struct signal_origin){.code = CLD_STOPPED, .pid = pid, .status = wait_status >> 8};
    if (wait_status & 0x7f)
        return (struct signal_origin){.code = CLD_KILLED, .pid = pid, .status = wait_status & 0x7f};
    return (struct signal_origin){
        .code = CLD_EXITED, .pid = pid, .status = (wait_status >> 8) & 0xff};
}

void linux_tell_parent(struct linux_process *lp, int wait_status)
{
    struct linux_process *parent = lp->parent;
    if (!parent)
        return;
    struct signal_origin why = linux_child_origin(lp->pid, wait_status);
    bool quiet = parent->signals->action[SIGCHLD - 1].flags & SA_NOCLDSTOP;
    if (!quiet || why.code == CLD_EXITED || why.code == CLD_KILLED)
        linux_signal_process(parent, SIGCHLD, why);
    kobject_signal(parent->child_exited, 0, ZX_EVENT_SIGNALED);
}
