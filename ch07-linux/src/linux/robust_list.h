/*: # Robust futexes

What a thread's end does with the robust locks it still holds (linux/robust_list.c). */
#ifndef ZINC_LINUX_ROBUST_LIST_H
#define ZINC_LINUX_ROBUST_LIST_H

#include "linux/process.h"

/* Mark every lock on lt's robust list that lt still owns as its owner dead, waking a waiter of
   each; for the thread's end, with its process's memory still there. */
void linux_robust_list_release(struct linux_thread *lt);

#endif
