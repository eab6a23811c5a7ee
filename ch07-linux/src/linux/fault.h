/*: # What a fault of a Linux program becomes

The fault policy of the Linux personality (linux/personality.c): each fault the thread loop could
not resolve becomes a signal (linux/fault.c). */
#ifndef ZINC_LINUX_FAULT_H
#define ZINC_LINUX_FAULT_H

#include "task/task.h"

/* Make trap, a fault of t that chapter 4 could not resolve, a signal for t. */
zx_status_t linux_fault(struct thread *t, const struct hal_trap *trap);

#endif
