/*: # Waiting on many objects

`object_wait_many` is chapter 2's wait (object/wait.h) spread over several objects: one waiter,
and an observer on each object, any of which wakes it. When the wait ends, every observer comes
off, and each object's signals *at that moment* are what the caller learns: a signal that came and
went while the thread slept is not reported, as in Zircon. */
#ifndef ZINC_WAIT_MANY_H
#define ZINC_WAIT_MANY_H

#include "object/handle.h"
#include "object/observer.h"
#include "object/waiter.h"
#include "zircon/wait_many.h"

struct wait_many_item {
    struct kobject *obj;
    zx_handle_t value;    /* the handle it was reached through, in the table of the wait */
    zx_signals_t waitfor;
    zx_signals_t pending; /* out: the object's signals when the wait ended */
    struct observer o;    /* the wait's, on obj */
    bool closed;          /* its handle was closed: set under the object's lock */
    struct waiter *waiter;
};

/* One wait on many objects: a blocking operation (object/waiter.h), embedded in the caller's
   state. The caller fills table (NULL for a wait of the kernel's own), count and items. */
struct wait_many {
    struct wait_op op;
    struct handle_table *table;
    size_t count;
    struct wait_many_item *items[ZX_WAIT_MANY_MAX_ITEMS];
    bool held; /* every handle was still there once the observers were in place */
    zx_status_t (*done)(struct wait_many *m, zx_status_t status);
};

/* Wait until one of m's objects asserts one of its signals (ZX_OK), the deadline passes
   (ZX_ERR_TIMED_OUT), one of the handles is closed or the thread is cancelled (ZX_ERR_CANCELED);
   then set every item's pending, call done with the status, and return what done returns. The
   caller keeps its references to the objects until done. */
zx_status_t object_wait_many(struct wait_many *m, uint64_t deadline,
                             zx_status_t (*done)(struct wait_many *m, zx_status_t status));

/* The same for a kernel thread of the kernel's own, which blocks here, over count items (at most
   ZX_WAIT_MANY_MAX_ITEMS). */
zx_status_t object_wait_many_here(struct wait_many_item *items, size_t count, uint64_t deadline);

#endif
