/*: # fork's copy of memory

The one step of `fork` worth testing on its own (tests/fork_test.c), and the one this chapter's
lab asks for: the child's address space as a snapshot of the parent's. */
#ifndef ZINC_LINUX_FORK_H
#define ZINC_LINUX_FORK_H

#include "syscall/user_copy.h"
#include "task/task.h"

/* Map into child, at the same addresses and with the same permissions, a copy-on-write snapshot of
   every mapping of parent; if child_tid is not 0, write tid at that address in the child's copy
   (CLONE_CHILD_SETTID). 0 or -ENOMEM. */
int linux_fork_memory(struct process *parent, struct process *child, uaddr_t child_tid, int tid);

#endif
