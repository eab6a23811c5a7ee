/*: # Waiting on many objects, implemented

Each object gets an observer (object/observer.h) that only wakes the one waiter and leaves, noting
whether it was its handle's close that called it. As in chapter 2's single wait, a close of a
handle can come between the system call's lookup and the moment its observer is in place; so once
all are in place, the handles are looked up again, and a wait whose handle is already gone ends at
once. After the wait every observer is taken off, which gives each object's signals at that
moment. */
#include "object/wait_many.h"

#include "object/observer.h"

struct one {
    struct observer o;
    struct waiter *waiter;
    bool closed; /* its handle was closed: set under the object's lock, read once it is off */
};

static bool wake_on_any(struct observer *o, zx_signals_t signals)
{
    struct one *one = container_of(o, struct one, o);
    one->closed = signals & ZX_SIGNAL_HANDLE_CLOSED;
    waiter_wake(one->waiter);
    return false;
}

static bool all_held(struct wait_many_item *items, size_t count, struct handle_table *table)
{
    for (size_t i = 0; i < count && table; i++)
        if (!handle_table_holds(table, items[i].value, items[i].obj))
            return false;
    return true;
}

zx_status_t object_wait_many(struct wait_many_item *items, size_t count, struct handle_table *table,
                             uint64_t deadline)
{
    struct one ones[count ? count : 1];
    struct waiter waiter;
    waiter_init(&waiter);
    for (size_t i = 0; i < count; i++) {
        ones[i] = (struct one){
            .o = {.watched = items[i].waitfor, .on_change = wake_on_any, .table = table,
                  .handle = items[i].value},
            .waiter = &waiter,
        };
        observer_add(items[i].obj, &ones[i].o);
    }
    bool held = all_held(items, count, table);
    zx_status_t status = held ? wait_block(&waiter, deadline, ZX_THREAD_STATE_BLOCKED_WAIT_MANY)
                              : ZX_ERR_CANCELED;
    bool closed = !held;
    for (size_t i = 0; i < count; i++) {
        items[i].pending = observer_remove(items[i].obj, &ones[i].o);
        if (ones[i].closed)
            items[i].pending |= ZX_SIGNAL_HANDLE_CLOSED;
        closed |= ones[i].closed;
    }
    if (closed || wait_cancelled())
        return ZX_ERR_CANCELED;
    return waiter_woken(&waiter) ? ZX_OK : status;
}
