/*: # System calls on VMOs

Reading needs `ZX_RIGHT_READ`, writing and the range operations `ZX_RIGHT_WRITE` (those that only
clean caches `ZX_RIGHT_READ`), resizing also `ZX_RIGHT_RESIZE`, and making a child
`ZX_RIGHT_DUPLICATE` and `ZX_RIGHT_READ`. Bytes move between user memory and the VMO through a small
kernel buffer, a piece at a time. The content size is a property, `ZX_PROP_VMO_CONTENT_SIZE`,
registered at the end of the file.

A child's handle has its parent handle's rights, changed as Fuchsia's `sys_vmo_create_child` does:
it may always get and set properties (to name the child), a snapshot can be written but not executed
(unless `ZX_VMO_CHILD_NO_WRITE`, which takes writing away from any child), and a child has
`ZX_RIGHT_RESIZE` exactly when it is resizable. A child that could be resized but not written is
refused (`ZX_ERR_INVALID_ARGS`).

Resizing a VMO that is not resizable says `ZX_ERR_UNAVAILABLE`, as it always has in Zircon: the
`ZX_RIGHT_RESIZE` right is only asked of a VMO that could change size. */
#include <string.h>

#include "syscall/caller.h"
#include "syscall/handle_give.h"
#include "syscall/properties.h"
#include "syscall/sys.h"
#include "vm/vmo.h"

#define CHUNK 256
#define CHILD_KINDS                                                                                \
    (ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE | ZX_VMO_CHILD_SLICE)

static zx_status_t get_vmo(zx_handle_t h, zx_rights_t need, struct vmo **v, zx_rights_t *rights)
{
    struct kobject *obj;
    zx_status_t status = caller_handle_get(h, ZX_OBJ_TYPE_VMO, need, &obj, rights);
    if (status == ZX_OK)
        *v = container_of(obj, struct vmo, base);
    return status;
}

zx_status_t sys_vmo_create(uint64_t size, uint32_t options, uaddr_t out)
{
    struct vmo *v;
    if (options & ~(ZX_VMO_RESIZABLE | ZX_VMO_DISCARDABLE))
        return ZX_ERR_INVALID_ARGS;
    /* Pages the kernel may take back under memory pressure: Zinc never takes pages back, and says
       so rather than make a discardable VMO that is never discarded (chapter 4 says more). */
    if (options & ZX_VMO_DISCARDABLE)
        return ZX_ERR_NOT_SUPPORTED;
    zx_status_t status = vmo_create(size, options & ZX_VMO_RESIZABLE, &v);
    if (status != ZX_OK)
        return status;
    zx_rights_t rights = vmo_type.default_rights | (v->resizable ? ZX_RIGHT_RESIZE : 0);
    return handle_give(&v->base, rights, out, NULL);
}

/* Move buffer_size bytes between user memory and the VMO of handle at offset: a write needs
   ZX_RIGHT_WRITE, a read ZX_RIGHT_READ. */
static zx_status_t move(zx_handle_t handle, uaddr_t buffer, uint64_t offset, size_t buffer_size,
                        bool write)
{
    struct vmo *v;
    zx_rights_t rights;
    zx_status_t status = get_vmo(handle, write ? ZX_RIGHT_WRITE : ZX_RIGHT_READ, &v, &rights);
    if (status != ZX_OK)
        return status;
    if (offset > VMO_MAX_SIZE || buffer_size > VMO_MAX_SIZE - offset ||
        offset + buffer_size > vmo_size(v))
        status = ZX_ERR_OUT_OF_RANGE;
    uint8_t chunk[CHUNK];
    for (size_t done = 0, n; status == ZX_OK && done < buffer_size; done += n) {
        n = buffer_size - done < CHUNK ? buffer_size - done : CHUNK;
        if (write) {
            if ((status = user_copy_in(chunk, buffer + done, n)) == ZX_OK)
                status = vmo_write(v, offset + done, chunk, n);
        } else if ((status = vmo_read(v, offset + done, chunk, n)) == ZX_OK) {
            status = user_copy_out(buffer + done, chunk, n);
        }
    }
    kobject_unref(&v->base);
    return status;
}

zx_status_t sys_vmo_read(zx_handle_t handle, uaddr_t buffer, uint64_t offset, size_t buffer_size)
{
    return move(handle, buffer, offset, buffer_size, false);
}

zx_status_t sys_vmo_write(zx_handle_t handle, uaddr_t buffer, uint64_t offset, size_t buffer_size)
{
    return move(handle, buffer, offset, buffer_size, true);
}

zx_status_t sys_vmo_get_size(zx_handle_t handle, uaddr_t size)
{
    struct vmo *v;
    zx_rights_t rights;
    zx_status_t status = get_vmo(handle, ZX_RIGHT_NONE, &v, &rights);
    if (status != ZX_OK)
        return status;
    uint64_t value = vmo_size(v);
    kobject_unref(&v->base);
    return user_copy_out(size, &value, sizeof value);
}

zx_status_t sys_vmo_set_size(zx_handle_t handle, uint64_t size)
{
    struct vmo *v;
    zx_rights_t rights;
    zx_status_t status = get_vmo(handle, ZX_RIGHT_WRITE, &v, &rights);
    if (status != ZX_OK)
        return status;
    if (v->resizable && !(rights & ZX_RIGHT_RESIZE))
        status = ZX_ERR_ACCESS_DENIED;
    else
        status = vmo_set_size(v, size); /* ZX_ERR_UNAVAILABLE if v cannot change size */
    kobject_unref(&v->base);
    return status;
}

/* The right each operation asks of the handle, as Fuchsia's RangeOp checks it; 0 for an operation
   that does not exist. Cleaning a cache only reads the VMO; invalidating one may lose writes, and
   Zircon serves it only to a kernel booted with its debugging system calls, which Zinc has not. */
static zx_rights_t op_needs(uint32_t op)
{
    switch (op) {
    case ZX_VMO_OP_COMMIT:
    case ZX_VMO_OP_DECOMMIT:
    case ZX_VMO_OP_ZERO:
    case ZX_VMO_OP_CACHE_INVALIDATE:
        return ZX_RIGHT_WRITE;
    case ZX_VMO_OP_CACHE_SYNC:
    case ZX_VMO_OP_CACHE_CLEAN:
    case ZX_VMO_OP_CACHE_CLEAN_INVALIDATE:
        return ZX_RIGHT_READ;
    default:
        return 0;
    }
}

zx_status_t sys_vmo_op_range(zx_handle_t handle, uint32_t op, uint64_t offset, uint64_t size,
                             uaddr_t buffer, size_t buffer_size)
{
    struct vmo *v;
    zx_rights_t rights;
    zx_status_t status = get_vmo(handle, ZX_RIGHT_NONE, &v, &rights);
    if (status != ZX_OK)
        return status;
    /* An operation that does not exist is INVALID_ARGS whatever the rights. */
    if (!op_needs(op))
        status = ZX_ERR_INVALID_ARGS;
    else if (op == ZX_VMO_OP_CACHE_INVALIDATE)
        status = ZX_ERR_NOT_SUPPORTED;
    else if (!(rights & op_needs(op)))
        status = ZX_ERR_ACCESS_DENIED;
    else
        status = vmo_op_range(v, op, offset, size);
    kobject_unref(&v->base);
    return status;
}

zx_status_t sys_vmo_create_child(zx_handle_t handle, uint32_t options, uint64_t offset,
                                 uint64_t size, uaddr_t out)
{
    uint32_t kind = options & CHILD_KINDS;
    bool resizable = options & ZX_VMO_CHILD_RESIZABLE, no_write = options & ZX_VMO_CHILD_NO_WRITE;
    if ((kind & (kind - 1)) || !kind ||
        (options & ~(CHILD_KINDS | ZX_VMO_CHILD_RESIZABLE | ZX_VMO_CHILD_NO_WRITE)) ||
        (kind == ZX_VMO_CHILD_SLICE && resizable) || (no_write && resizable))
        /* exactly one kind; a slice cannot be resized, nor a child it cannot write */
        return ZX_ERR_INVALID_ARGS;
    struct vmo *v, *child;
    zx_rights_t rights;
    zx_status_t status = get_vmo(handle, ZX_RIGHT_DUPLICATE | ZX_RIGHT_READ, &v, &rights);
    if (status != ZX_OK)
        return status;
    status = vmo_create_child(v, kind, offset, size, resizable, &child);
    kobject_unref(&v->base);
    if (status != ZX_OK)
        return status;
    rights = (rights & ~ZX_RIGHT_RESIZE) | (resizable ? ZX_RIGHT_RESIZE : 0) | ZX_RIGHTS_PROPERTY;
    if (no_write)
        rights &= ~ZX_RIGHT_WRITE;
    else if (kind != ZX_VMO_CHILD_SLICE)
        rights = (rights | ZX_RIGHT_WRITE) & ~ZX_RIGHT_EXECUTE;
    return handle_give(&child->base, rights, out, NULL);
}

/* ZX_PROP_VMO_CONTENT_SIZE, a uint64_t: anyone may read it; setting it needs ZX_RIGHT_WRITE, since
   it zeroes the VMO past the new content size. */
static zx_status_t get_content_size(struct kobject *obj, void *value)
{
    if (obj->type != &vmo_type)
        return ZX_ERR_WRONG_TYPE;
    uint64_t size = vmo_content_size(container_of(obj, struct vmo, base));
    memcpy(value, &size, sizeof size);
    return ZX_OK;
}

static zx_status_t set_content_size(struct kobject *obj, const void *value, size_t value_size)
{
    uint64_t size;
    if (value_size < sizeof size)
        return ZX_ERR_BUFFER_TOO_SMALL;
    if (obj->type != &vmo_type)
        return ZX_ERR_WRONG_TYPE;
    memcpy(&size, value, sizeof size);
    return vmo_set_content_size(container_of(obj, struct vmo, base), size);
}
PROPERTY_SET_NEEDS(ZX_PROP_VMO_CONTENT_SIZE, sizeof(uint64_t), get_content_size, set_content_size,
                   ZX_RIGHT_WRITE);
