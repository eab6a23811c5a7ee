/*: # Threads

`clone` with `CLONE_THREAD` (linux/fork.c hands it over) makes a thread of the caller's process,
and `execve` leaves the caller alone in it first (linux/program.c): linux/thread.c. */
#ifndef ZINC_LINUX_THREAD_H
#define ZINC_LINUX_THREAD_H

#include "hal/hal.h"
#include "syscall/user_copy.h"
#include "task/task.h"

/* For execve: end every other thread of p than self. 0 when self is alone; else what the call
   returns to wait until one has ended and then run again (linux/block.h), or -errno. */
int64_t linux_thread_alone(struct process *p, struct thread *self);

/* A new thread of the calling process, started at the caller's registers with sp and (with
   CLONE_SETTLS) tls: its id, or -EINVAL for flags that ask what a thread cannot be, -EAGAIN when
   memory or ids ran out. */
int64_t linux_clone_thread(uint64_t flags, vaddr_t sp, uaddr_t parent_tid, uaddr_t child_tid,
                           uint64_t tls);

#endif
