/*: # Blocking Linux system calls

A Linux call that must wait (a read of an empty pipe, `wait4` with no child ended yet, `nanosleep`)
waits the way every blocking Zircon call does (object/waiter.h): it arms a wait on a kernel object's
signals and returns; when a signal comes, the call runs again from its start (`WAIT_RESTART`) and
this time finds what it waited for. Running again rather than resuming keeps each call a plain
function with no state across the wait: it checks, and if it must wait, says for what.

In chapter 6's kernel the thread does not even keep a stack while it waits: the call returns up to
the thread's task, which is polled again once the signal has come. */
#ifndef ZINC_LINUX_BLOCK_H
#define ZINC_LINUX_BLOCK_H

#include "object/kobject.h"
#include "syscall/user_copy.h"

/* Return this from a system call that must wait until obj asserts one of signals, or until
   deadline (hal_timer_now's clock; HAL_NO_DEADLINE for none): the call then runs again. With no
   object (NULL), it runs again after a short while: for sources that signal nothing (the console's
   input). A deadline that passes is -ETIMEDOUT, a thread killed meanwhile -EINTR; both are what the
   call returns. */
int64_t linux_block_on(struct kobject *obj, zx_signals_t signals, uint64_t deadline);

/* Return this from a system call that, its work done, must wait until obj asserts one of signals
   before it returns value (vfork's parent). A signal or a kill cuts the wait short, and the call
   returns value then: what is done is not undone, nor made again. */
int64_t linux_block_then(struct kobject *obj, zx_signals_t signals, int64_t value);

/* Return this from a system call that sleeps until deadline and then returns 0. */
int64_t linux_sleep_until(uint64_t deadline);

/* The same for a sleep that a signal may cut short (nanosleep): then it stores the time it had left
   at left (a user address, as a struct timespec; 0 for nowhere) and returns -EINTR. */
int64_t linux_sleep_until_or_left(uint64_t deadline, uaddr_t left);

#endif
