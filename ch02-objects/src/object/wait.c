/*: # Waiting for signals, implemented

The observer records the signals and wakes the waiter. When the wait ends without it (a timeout, a
cancellation), the observer is removed; removal and notification both happen under the object's
lock, so after the removal the thread knows for sure whether the observer fired in the meantime.

Closing the handle ends the wait. A close can land between the system call's lookup of the handle
and the moment the observer is in place, too early to see the observer: so once it is in place, the
handle is looked up again. The closer removes the handle before it cancels the observers, so one of
the two always sees the other. */
#include "object/wait.h"

#include "object/observer.h"

struct signal_wait {
    struct observer o;
    struct waiter waiter;
    zx_signals_t seen;
};

static bool wake_on_signal(struct observer *o, zx_signals_t signals)
{
    struct signal_wait *w = container_of(o, struct signal_wait, o);
    w->seen = signals;
    waiter_wake(&w->waiter);
    return false; /* the wait is over: leave the object */
}

zx_status_t object_wait(struct kobject *obj, struct handle_table *table, zx_handle_t value,
                        zx_signals_t signals, uint64_t deadline, uint32_t reason,
                        zx_signals_t *observed)
{
    struct signal_wait w = {
        .o = {.watched = signals, .on_change = wake_on_signal, .table = table, .handle = value},
    };
    waiter_init(&w.waiter);
    observer_add(obj, &w.o);
    bool held = !table || handle_table_holds(table, value, obj);
    zx_status_t status = held ? wait_block(&w.waiter, deadline, reason) : ZX_ERR_CANCELED;
    if (status != ZX_OK) {
        zx_signals_t now = observer_remove(obj, &w.o);
        if (!waiter_woken(&w.waiter)) {
            *observed = held ? now : now | ZX_SIGNAL_HANDLE_CLOSED;
            return status;
        }
    }
    *observed = w.seen;
    return w.seen & ZX_SIGNAL_HANDLE_CLOSED ? ZX_ERR_CANCELED : ZX_OK;
}
