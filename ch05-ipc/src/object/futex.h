/*: # Futex

A futex lets user threads build locks and condition variables that cost no system call when
nobody has to wait. The lock is an integer in the process's own memory that the threads change
with atomic instructions; only a thread that finds it taken asks the kernel to put it to sleep
(`futex_wait`), and only a thread that knows somebody sleeps asks the kernel to wake them
(`futex_wake`). The kernel never changes the integer: it only reads it once, under its lock, to
refuse a sleep whose reason is already gone (`ZX_ERR_BAD_STATE`), which is what makes a wake
that comes between the user's check and its system call impossible to lose.

A futex is not a kernel object with handles: it is the pair *(process, address)*, and the kernel
keeps state for it only while a thread waits on it, in the futex table (`struct futex`, made on
the first wait and freed when its last waiter goes). Each futex has a queue of waiters, woken in
the order they came, and possibly an *owner*: a thread that the waiters say holds the lock, for
priority inheritance (see chapter.md, "Futexes"). An owner exists only while there are waiters.

The functions below are the system calls' work once the user's arguments are checked; the value
is read through `struct futex_space`, which the system calls point at the caller's memory and the
kernel tests at their own. Owners are objects (threads, in the system calls); each function takes
its own reference to an owner it keeps. */
#ifndef ZINC_FUTEX_H
#define ZINC_FUTEX_H

#include "object/kobject.h"
#include "object/waiter.h"
#include "syscall/user_copy.h"

/* Whose futexes, and how to read one's value there without faulting (called under the table's
   lock; ZX_ERR_INVALID_ARGS if addr cannot be read). */
struct futex_space {
    const void *id; /* the process */
    zx_status_t (*load)(uaddr_t addr, int32_t *value);
};

/* The owner a wait or a requeue asks for: thread (NULL: none), and the status the checks of the
   owner's handle gave, which is reported only once the value is known to match. */
struct futex_owner {
    struct kobject *thread;
    zx_status_t status;
};

struct futex;

/* One waiting thread, on its own stack. */
struct futex_waiter {
    struct wait_op op;    /* its waiter is what the futex queues */
    struct futex *futex;  /* the futex it waits on (changed by a requeue), NULL once woken */
    struct kobject *self; /* the waiting thread, which may not be made the futex's owner */
};

/* Wait on (s, addr) if its value is still current, until woken or deadline: ZX_OK (woken),
   ZX_ERR_BAD_STATE (the value differs), owner.status, ZX_ERR_INVALID_ARGS (the owner waits on it
   too), ZX_ERR_TIMED_OUT, ZX_ERR_CANCELED (killed), ZX_ERR_NO_MEMORY. A blocking operation
   (object/waiter.h); the owner's reference is needed only until the waiter is queued. */
zx_status_t futex_wait(const struct futex_space *s, uaddr_t addr, int32_t current,
                       struct futex_owner owner, struct kobject *self, uint64_t deadline);

/* futex_wait's two halves: queue w (with the checks), and take it out again after a wait that was
   not woken; futex_unqueue returns ZX_OK if w was woken after all. */
zx_status_t futex_queue(const struct futex_space *s, uaddr_t addr, int32_t current,
                        struct futex_owner owner, struct futex_waiter *w);
zx_status_t futex_unqueue(struct futex_waiter *w);

/* Wake the first count waiters of (s, addr); the futex then has no owner. single_owner: wake one,
   which becomes the owner. How many it woke (Linux's futex answers it; Zircon's does not). */
uint32_t futex_wake(const struct futex_space *s, uaddr_t addr, uint32_t count, bool single_owner);

/* If (s, addr) still holds current: wake wake_count of its waiters (or one, the new owner, if
   single_owner) and move the next requeue_count to (s, to), whose owner becomes owner.thread.
   ZX_ERR_BAD_STATE, owner.status, ZX_ERR_INVALID_ARGS (the owner waits on either),
   ZX_ERR_NO_MEMORY. *moved (if moved is not NULL) receives how many were woken or moved. */
zx_status_t futex_requeue(const struct futex_space *s, uaddr_t addr, uint32_t wake_count,
                          int32_t current, uaddr_t to, uint32_t requeue_count,
                          struct futex_owner owner, bool single_owner, uint32_t *moved);

/* The owner of (s, addr), with a reference for the caller, or NULL. */
struct kobject *futex_owner(const struct futex_space *s, uaddr_t addr);

#endif
