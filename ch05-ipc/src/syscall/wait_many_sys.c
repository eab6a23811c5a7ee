/*: # object_wait_many

Up to `ZX_WAIT_MANY_MAX_ITEMS` items (more is `ZX_ERR_OUT_OF_RANGE`); each handle must be valid
and carry `ZX_RIGHT_WAIT`, or the call fails with that handle's status before it waits. No items
at all is a sleep until the deadline, which then times out. On return, each item's `pending` says
what its object was asserting when the wait ended, whatever the status. The wait's state, with a
record per item, is allocated (object/waiter.h); the items go back to the program when it ends. */
#include "kernel/kmalloc.h"
#include "object/wait_many.h"
#include "syscall/caller.h"
#include "syscall/deadline.h"
#include "syscall/sys.h"
#include "zircon/wait_many.h"

/* A program's wait while it waits: the kernel's wait, and where its items go back. */
struct user_wait_many {
    struct wait_many m;
    uaddr_t items;
};

static void drop(struct wait_many *m)
{
    for (size_t i = 0; i < m->count; i++) {
        kobject_unref(m->items[i]->obj);
        kfree(m->items[i]);
    }
}

/* Look up the count handles of the user's items u into m; on failure, nothing stays taken. */
static zx_status_t look_up(struct handle_table *t, const zx_wait_item_t *u, size_t count,
                           struct wait_many *m)
{
    for (size_t i = 0; i < count; i++) {
        struct wait_many_item *item = kzalloc(sizeof *item);
        zx_status_t status = item ? handle_table_get(t, u[i].handle, ZX_OBJ_TYPE_NONE,
                                                     ZX_RIGHT_WAIT, &item->obj, NULL)
                                  : ZX_ERR_NO_MEMORY;
        if (status != ZX_OK) {
            kfree(item);
            drop(m);
            return status;
        }
        item->value = u[i].handle;
        item->waitfor = u[i].waitfor;
        m->items[m->count++] = item;
    }
    return ZX_OK;
}

/* The wait's end: every item goes back to the program with what its object was asserting. */
static zx_status_t give_back(struct wait_many *m, zx_status_t status)
{
    struct user_wait_many *w = container_of(m, struct user_wait_many, m);
    zx_wait_item_t u[ZX_WAIT_MANY_MAX_ITEMS];
    for (size_t i = 0; i < m->count; i++)
        u[i] = (zx_wait_item_t){.handle = m->items[i]->value, .waitfor = m->items[i]->waitfor,
                                .pending = m->items[i]->pending};
    if (m->count && user_copy_out(w->items, u, m->count * sizeof *u) != ZX_OK)
        status = ZX_ERR_INVALID_ARGS;
    drop(m);
    kfree(w);
    return status;
}

zx_status_t sys_object_wait_many(uaddr_t items, size_t num_items, zx_time_t deadline)
{
    if (num_items > ZX_WAIT_MANY_MAX_ITEMS)
        return ZX_ERR_OUT_OF_RANGE;
    zx_wait_item_t u[ZX_WAIT_MANY_MAX_ITEMS];
    if (num_items && user_copy_in(u, items, num_items * sizeof *u) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    struct user_wait_many *w = kzalloc(sizeof *w);
    if (!w)
        return ZX_ERR_NO_MEMORY;
    w->items = items;
    w->m.table = zx_caller_current()->handles;
    zx_status_t status = look_up(w->m.table, u, num_items, &w->m);
    if (status != ZX_OK) {
        kfree(w);
        return status;
    }
    return object_wait_many(&w->m, deadline_from_user(deadline), give_back);
}
