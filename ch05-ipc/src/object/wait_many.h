/*: # Waiting on many objects

`object_wait_many` is chapter 2's wait (object/wait.h) spread over several objects: one waiter,
and an observer on each object, any of which wakes it. When the wait ends, every observer comes
off, and each object's signals *at that moment* are what the caller learns: a signal that came and
went while the thread slept is not reported, as in Zircon. */
#ifndef ZINC_WAIT_MANY_H
#define ZINC_WAIT_MANY_H

#include "object/handle.h"
#include "object/waiter.h"

struct wait_many_item {
    struct kobject *obj;
    zx_handle_t value;      /* the handle it was reached through, in the table of the wait */
    zx_signals_t waitfor;
    zx_signals_t pending;   /* out: the object's signals when the wait ended */
};

/* Block until one of the count objects asserts one of its signals (ZX_OK), the deadline passes
   (ZX_ERR_TIMED_OUT), one of the handles is closed or the thread is cancelled (ZX_ERR_CANCELED).
   Every item's pending is set in each case. table may be NULL for a wait of the kernel's own. */
zx_status_t object_wait_many(struct wait_many_item *items, size_t count, struct handle_table *table,
                             uint64_t deadline);

#endif
