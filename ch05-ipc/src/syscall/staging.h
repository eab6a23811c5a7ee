/*: # Staging buffers: user memory in and out of the kernel

A socket or a FIFO is guarded by a lock that the kernel holds while it moves bytes in and out of
the object, and a copy from or to user memory must never happen under such a lock: it may fault a
page in, and a page fault may have to wait (for a pager, say), which a bare-metal spinlock with
interrupts off cannot do. So those system calls copy through a *staging buffer*: user bytes go
into a `struct message` (chapter 2's bytes in frames, here without handles) with no lock held,
and then from there into the object under its lock; reads go the other way. Zircon copies
straight from user memory under the lock and resolves faults by dropping the lock and trying
again; a staging copy costs one more `memcpy` and keeps every lock free of user memory. */
#ifndef ZINC_STAGING_H
#define ZINC_STAGING_H

#include "object/message.h"
#include "syscall/user_copy.h"

/* A staging buffer filled with the len bytes at user: ZX_ERR_NO_MEMORY, ZX_ERR_INVALID_ARGS for a
   bad pointer. On ZX_OK the caller owns *out (message_destroy). */
zx_status_t staging_from_user(uaddr_t user, uint32_t len, struct message **out);

/* Copy all of m's bytes to user: ZX_ERR_INVALID_ARGS for a bad pointer. */
zx_status_t staging_to_user(uaddr_t user, struct message *m);

#endif
