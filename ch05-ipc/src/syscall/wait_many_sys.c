/*: # object_wait_many

Up to `ZX_WAIT_MANY_MAX_ITEMS` items (more is `ZX_ERR_OUT_OF_RANGE`); each handle must be valid
and carry `ZX_RIGHT_WAIT`, or the call fails with that handle's status before it waits. No items
at all is a sleep until the deadline, which then times out. On return, each item's `pending` says
what its object was asserting when the wait ended, whatever the status. */
#include "kernel/kmalloc.h"
#include "object/wait_many.h"
#include "syscall/caller.h"
#include "syscall/deadline.h"
#include "syscall/sys.h"
#include "zircon/wait_many.h"

static void drop(struct wait_many_item *k, size_t count)
{
    for (size_t i = 0; i < count; i++)
        kobject_unref(k[i].obj);
}

/* Look up the count handles of the user's items u into k; on failure, nothing stays taken. */
static zx_status_t look_up(struct handle_table *t, const zx_wait_item_t *u, size_t count,
                           struct wait_many_item *k)
{
    for (size_t i = 0; i < count; i++) {
        zx_status_t status =
            handle_table_get(t, u[i].handle, ZX_OBJ_TYPE_NONE, ZX_RIGHT_WAIT, &k[i].obj, NULL);
        if (status != ZX_OK) {
            drop(k, i);
            return status;
        }
        k[i] = (struct wait_many_item){
            .obj = k[i].obj, .value = u[i].handle, .waitfor = u[i].waitfor};
    }
    return ZX_OK;
}

zx_status_t sys_object_wait_many(uaddr_t items, size_t num_items, zx_time_t deadline)
{
    if (num_items > ZX_WAIT_MANY_MAX_ITEMS)
        return ZX_ERR_OUT_OF_RANGE;
    if (num_items == 0)
        return wait_sleep(deadline_from_user(deadline)) == ZX_OK ? ZX_ERR_TIMED_OUT
                                                                 : ZX_ERR_CANCELED;
    zx_wait_item_t u[ZX_WAIT_MANY_MAX_ITEMS];
    if (user_copy_in(u, items, num_items * sizeof *u) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    /* The wait's observers take a few KiB of the kernel stack already: these go on the heap. */
    struct wait_many_item *k = kzalloc(ZX_WAIT_MANY_MAX_ITEMS * sizeof *k);
    if (!k)
        return ZX_ERR_NO_MEMORY;
    struct handle_table *t = zx_caller_current()->handles;
    zx_status_t status = look_up(t, u, num_items, k);
    if (status == ZX_OK) {
        status = object_wait_many(k, num_items, t, deadline_from_user(deadline));
        drop(k, num_items);
        for (size_t i = 0; i < num_items; i++)
            u[i].pending = k[i].pending;
        if (user_copy_out(items, u, num_items * sizeof *u) != ZX_OK)
            status = ZX_ERR_INVALID_ARGS;
    }
    kfree(k);
    return status;
}
