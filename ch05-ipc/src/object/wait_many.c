/*: # Waiting on many objects, implemented

Each object gets an observer (object/observer.h) that only wakes the one waiter and leaves, noting
whether it was its handle's close that called it. As in chapter 2's single wait, a close of a
handle can come between the system call's lookup and the moment its observer is in place; so once
all are in place, the handles are looked up again, and a wait whose handle is already gone ends at
once. After the wait every observer is taken off, which gives each object's signals at that
moment. */
#include "object/wait_many.h"

static bool wake_on_any(struct observer *o, zx_signals_t signals)
{
    struct wait_many_item *item = container_of(o, struct wait_many_item, o);
    item->closed = signals & ZX_SIGNAL_HANDLE_CLOSED;
    waiter_wake(item->waiter);
    return false;
}

static bool all_held(const struct wait_many *m)
{
    for (size_t i = 0; i < m->count && m->table; i++)
        if (!handle_table_holds(m->table, m->items[i]->value, m->items[i]->obj))
            return false;
    return true;
}

/* The wait's second half: every observer comes off, giving each object's signals. */
static zx_status_t finish_wait_many(struct wait_op *op, zx_status_t ended)
{
    struct wait_many *m = container_of(op, struct wait_many, op);
    bool closed = !m->held;
    for (size_t i = 0; i < m->count; i++) {
        struct wait_many_item *item = m->items[i];
        item->pending = observer_remove(item->obj, &item->o);
        if (item->closed)
            item->pending |= ZX_SIGNAL_HANDLE_CLOSED;
        closed |= item->closed;
    }
    zx_status_t status = waiter_woken(&op->waiter) ? ZX_OK : ended;
    if (closed || wait_cancelled())
        status = ZX_ERR_CANCELED;
    return m->done(m, status);
}

zx_status_t object_wait_many(struct wait_many *m, uint64_t deadline,
                             zx_status_t (*done)(struct wait_many *m, zx_status_t status))
{
    m->done = done;
    wait_op_init(&m->op, deadline, ZX_THREAD_STATE_BLOCKED_WAIT_MANY, finish_wait_many);
    for (size_t i = 0; i < m->count; i++) {
        struct wait_many_item *item = m->items[i];
        item->o = (struct observer){.watched = item->waitfor, .on_change = wake_on_any,
                                    .table = m->table, .handle = item->value};
        item->closed = false;
        item->waiter = &m->op.waiter;
        observer_add(item->obj, &item->o);
    }
    m->held = all_held(m);
    if (!m->held)
        return finish_wait_many(&m->op, ZX_ERR_CANCELED);
    return wait_then(&m->op);
}

static zx_status_t just_the_status(struct wait_many *m, zx_status_t status)
{
    (void)m;
    return status;
}

zx_status_t object_wait_many_here(struct wait_many_item *items, size_t count, uint64_t deadline)
{
    struct wait_many m = {.count = count};
    for (size_t i = 0; i < count; i++)
        m.items[i] = &items[i];
    return object_wait_many(&m, deadline, just_the_status);
}
