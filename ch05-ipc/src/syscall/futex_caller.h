/*: # The caller's futexes

The futex space of the process whose thread makes the current system call: its futexes are keyed
by the process, and their values are read through its page table. The futex system calls use it,
and so does any other call that waits on or wakes a user's futex (chapter 7's Linux `futex`). */
#ifndef ZINC_FUTEX_CALLER_H
#define ZINC_FUTEX_CALLER_H

#include "object/futex.h"

struct futex_space futex_caller_space(void);

#endif
