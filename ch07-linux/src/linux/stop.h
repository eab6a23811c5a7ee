/*: # Stopping and continuing a process

Job control needs a third state between running and dead: *stopped*. A stop signal (`SIGSTOP`,
and `SIGTSTP`, `SIGTTIN`, `SIGTTOU` unless caught: the terminal's Ctrl-Z and a background job
touching the terminal) stops the whole process: none of its threads runs user code again until a
`SIGCONT` continues it, or a `SIGKILL` ends it. The parent hears of both changes as it hears of an
end: a `SIGCHLD`, and a report for its `wait4` or `waitid` (linux/wait.c), if it asks for those.

The state is kept under the tree lock, where signals are sent and taken, so a `SIGCONT` can never
pass a stop unseen: either it comes first and discards the pending stop signal, or it comes after
and finds the process stopped. A stopped thread waits for the process's `running` event, as any
call waits (linux/block.h); linux/signals.c makes it wait there on its way to user mode. */
#ifndef ZINC_LINUX_STOP_H
#define ZINC_LINUX_STOP_H

#include "linux/signals.h"

/* The wait statuses of a stopped child (what WIFSTOPPED and WSTOPSIG read) and of a continued one
   (WIFCONTINUED). */
#define WAIT_STOPPED(sig) (((sig) << 8) | 0x7f)
#define WAIT_CONTINUED 0xffff

/* Stop lp, as the default action of stop signal sig. With the tree lock held. */
void linux_stop(struct linux_process *lp, int sig);

/* SIGCONT was sent to lp: if it is stopped, it runs again. With the tree lock held. */
void linux_continue(struct linux_process *lp);

/* What a child's wait status says, as SIGCHLD's siginfo and waitid say it: CLD_EXITED and the
   exit code, CLD_KILLED, CLD_STOPPED or CLD_CONTINUED and the signal, from the child pid. */
struct signal_origin linux_child_origin(int pid, int wait_status);

/* Tell lp's parent, if it has one, that lp has changed as wait_status says: a SIGCHLD (but not for
   a stop or a continue if the parent asked so, with SA_NOCLDSTOP), and its waits look again. With
   the tree lock held. */
void linux_tell_parent(struct linux_process *lp, int wait_status);

#endif
