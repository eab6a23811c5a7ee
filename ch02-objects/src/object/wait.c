/*: # Waiting for signals, implemented

The observer records the signals and wakes the waiter. When the wait ends without it (a timeout, a
cancellation), the observer is removed; removal and notification both happen under the object's
lock, so after the removal the thread knows for sure whether the observer fired in the meantime.

Closing the handle ends the wait. A close can land between the system call's lookup of the handle
and the moment the observer is in place, too early to see the observer: so once it is in place, the
handle is looked up again. The closer removes the handle before it cancels the observers, so one of
the two always sees the other. */
#include "object/wait.h"

static bool wake_on_signal(struct observer *o, zx_signals_t signals)
{
    struct signal_wait *w = container_of(o, struct signal_wait, o);
    w->seen = signals;
    waiter_wake(&w->op.waiter);
    return false; /* the wait is over: leave the object */
}

static zx_status_t finish_signal_wait(struct wait_op *op, zx_status_t ended)
{
    struct signal_wait *w = container_of(op, struct signal_wait, op);
    if (ended != ZX_OK) {
        zx_signals_t now = observer_remove(w->obj, &w->o);
        if (!waiter_woken(&op->waiter))
            return w->done(w, ended, w->held ? now : now | ZX_SIGNAL_HANDLE_CLOSED);
    }
    zx_signals_t seen = w->seen;
    return w->done(w, seen & ZX_SIGNAL_HANDLE_CLOSED ? ZX_ERR_CANCELED : ZX_OK, seen);
}

zx_status_t object_wait(struct signal_wait *w, struct kobject *obj, struct handle_table *table,
                        zx_handle_t value, zx_signals_t signals, uint64_t deadline, uint32_t reason,
                        zx_status_t (*done)(struct signal_wait *w, zx_status_t status,
                                            zx_signals_t observed))
{
    *w = (struct signal_wait){
        .o = {.watched = signals, .on_change = wake_on_signal, .table = table, .handle = value},
        .obj = obj,
        .done = done,
    };
    wait_op_init(&w->op, deadline, reason, finish_signal_wait);
    observer_add(obj, &w->o);
    w->held = !table || handle_table_holds(table, value, obj);
    if (!w->held)
        return finish_signal_wait(&w->op, ZX_ERR_CANCELED);
    return wait_then(&w->op);
}

struct wait_here {
    struct signal_wait w;
    zx_signals_t observed;
};

static zx_status_t note_signals(struct signal_wait *w, zx_status_t status, zx_signals_t observed)
{
    container_of(w, struct wait_here, w)->observed = observed;
    return status;
}

zx_status_t object_wait_here(struct kobject *obj, zx_signals_t signals, uint64_t deadline,
                             zx_signals_t *observed)
{
    struct wait_here here;
    zx_status_t status = object_wait(&here.w, obj, NULL, ZX_HANDLE_INVALID, signals, deadline, 0,
                                     note_signals);
    *observed = here.observed;
    return status;
}
