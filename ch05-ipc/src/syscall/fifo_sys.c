/*: # The FIFO system calls

`fifo_create` checks the sizes first (`ZX_ERR_OUT_OF_RANGE`: either is 0, or their product is
over `ZX_FIFO_MAX_SIZE_BYTES`), then that `options` is 0 (`ZX_ERR_INVALID_ARGS`, as the reference
says; Zircon's kernel ignores them), and gives two handles with a FIFO's default rights: the
basic ones, `READ`, `WRITE`, `SIGNAL` and `SIGNAL_PEER`. Unlike its first versions, the reference
no longer asks for a power-of-two element count (`FifoTest.NonPowerOfTwoCountSupported`).

`fifo_write` needs `ZX_RIGHT_WRITE` and `fifo_read` `ZX_RIGHT_READ`; `actual_count` may be NULL.
Both move elements through a staging buffer (syscall/staging.h), as the socket calls do. A bad
buffer is `ZX_ERR_INVALID_ARGS` and moves nothing: a write copies the user's elements before it
queues any, and a read takes its elements out only once they are in the user's buffer, as Zircon,
which undoes a copy that faults, also promises. */
#include "object/fifo.h"
#include "syscall/caller.h"
#include "syscall/handle_give.h"
#include "syscall/staging.h"
#include "syscall/sys.h"

static zx_status_t get_fifo(zx_handle_t handle, zx_rights_t need, struct kobject **obj)
{
    return caller_handle_get(handle, ZX_OBJ_TYPE_FIFO, need, obj, NULL);
}

static zx_status_t give_count(uaddr_t actual_count, size_t n)
{
    return actual_count && user_copy_out(actual_count, &n, sizeof n) != ZX_OK ? ZX_ERR_INVALID_ARGS
                                                                              : ZX_OK;
}

zx_status_t sys_fifo_create(size_t elem_count, size_t elem_size, uint32_t options, uaddr_t out0,
                            uaddr_t out1)
{
    struct kobject *a, *b;
    zx_status_t status = fifo_create(elem_count, elem_size, options, &a, &b);
    return status == ZX_OK ? handle_give_pair(a, b, out0, out1) : status;
}

zx_status_t sys_fifo_write(zx_handle_t handle, size_t elem_size, uaddr_t data, size_t count,
                           uaddr_t actual_count)
{
    struct kobject *f;
    zx_status_t status = get_fifo(handle, ZX_RIGHT_WRITE, &f);
    if (status != ZX_OK)
        return status;
    struct message *m = NULL;
    uint32_t room = 0, written = 0;
    status = fifo_write_room(f, elem_size, count, &room);
    if (status == ZX_OK &&
        (status = staging_from_user(data, room * (uint32_t)elem_size, &m)) == ZX_OK)
        status = fifo_write(f, m, room, &written);
    if (m)
        message_destroy(m);
    kobject_unref(f);
    return status == ZX_OK ? give_count(actual_count, written) : status;
}

zx_status_t sys_fifo_read(zx_handle_t handle, size_t elem_size, uaddr_t data, size_t count,
                          uaddr_t actual_count)
{
    struct kobject *f;
    zx_status_t status = get_fifo(handle, ZX_RIGHT_READ, &f);
    if (status != ZX_OK)
        return status;
    uint32_t n = 0;
    for (;;) {
        struct message *m;
        uint64_t ticket;
        if ((status = fifo_read(f, elem_size, count, &m, &ticket)) != ZX_OK)
            break;
        n = m->num_bytes / (uint32_t)elem_size;
        status = staging_to_user(data, m);
        message_destroy(m);
        /* Taken out only once delivered; another reader may have taken them first: then again. */
        if (status != ZX_OK || fifo_consume(f, ticket, n) == ZX_OK)
            break;
    }
    kobject_unref(f);
    return status == ZX_OK ? give_count(actual_count, n) : status;
}
