/*: # How a Linux process ends

A Linux process ends in one of two ways: it calls `exit_group(code)` (the C library's `exit`), or a
signal whose default action is to terminate reaches it. Either way every thread of it stops, and
what its parent's `wait4` will see is kept: the *wait status*, `code << 8` for an exit and the
signal's number for a death by signal (the encoding of `WIFEXITED` and `WTERMSIG`). The Zircon
process underneath is killed with the same number as its return code, so a Zircon observer (the
boot program) sees it too. */
#ifndef ZINC_LINUX_EXIT_H
#define ZINC_LINUX_EXIT_H

#include "linux/process.h"

/* End every thread of p with this wait status. */
void linux_exit_group(struct process *p, int wait_status);

/* The process of lp has died: close its files, give its children to pid 1, tell its parent. Called
   once, by the personality's process_exit. */
void linux_process_ended(struct linux_process *lp);

/* Forget a zombie for good: its pid may be used again. Its parent (if any) has reaped it. */
void linux_process_reap(struct linux_process *lp);

#endif
