/*: # System calls on handles

`handle_close`, `handle_close_many`, `handle_duplicate` and `handle_replace`. The rules are
Zircon's:

- closing `ZX_HANDLE_INVALID` is allowed and does nothing;
- `handle_close_many` closes every valid handle in the array and reports `ZX_ERR_BAD_HANDLE` if any
  value was bad, after closing the others;
- a duplicate needs `ZX_RIGHT_DUPLICATE`, and its rights must be a subset of the original's, or
  `ZX_RIGHT_SAME_RIGHTS`;
- `handle_replace` needs no right, and the original handle is gone even when the call fails (except
  when it did not exist: `ZX_ERR_BAD_HANDLE`). */
#include "syscall/caller.h"
#include "syscall/handle_give.h"
#include "syscall/sys.h"

#define CLOSE_MANY_CHUNK 16

zx_status_t sys_handle_close(zx_handle_t handle)
{
    if (handle == ZX_HANDLE_INVALID)
        return ZX_OK;
    return handle_table_close(zx_caller_current()->handles, handle);
}

zx_status_t sys_handle_close_many(uaddr_t handles, size_t num_handles)
{
    struct handle_table *t = zx_caller_current()->handles;
    zx_status_t result = ZX_OK;
    for (size_t done = 0; done < num_handles;) {
        zx_handle_t chunk[CLOSE_MANY_CHUNK];
        size_t n = num_handles - done < CLOSE_MANY_CHUNK ? num_handles - done : CLOSE_MANY_CHUNK;
        if (user_copy_in(chunk, handles + done * sizeof(zx_handle_t), n * sizeof(zx_handle_t)) !=
            ZX_OK)
            return ZX_ERR_INVALID_ARGS;
        for (size_t i = 0; i < n; i++)
            if (chunk[i] != ZX_HANDLE_INVALID && handle_table_close(t, chunk[i]) != ZX_OK)
                result = ZX_ERR_BAD_HANDLE;
        done += n;
    }
    return result;
}

/* LAB ch02-handle-rights BEGIN: the rights of a handle derived from one with the rights have: all
   of them for ZX_RIGHT_SAME_RIGHTS, else the rights asked for, but ZX_ERR_INVALID_ARGS if they are
   not a subset of have.
   stub:
static zx_status_t derived_rights(zx_rights_t have, zx_rights_t asked, zx_rights_t *out)
{
    *out = asked == ZX_RIGHT_SAME_RIGHTS ? have : asked;
    return ZX_OK;
}
*/
static zx_status_t derived_rights(zx_rights_t have, zx_rights_t asked, zx_rights_t *out)
{
    if (asked == ZX_RIGHT_SAME_RIGHTS) {
        *out = have;
        return ZX_OK;
    }
    if (asked & ~have)
        return ZX_ERR_INVALID_ARGS;
    *out = asked;
    return ZX_OK;
}
/* LAB END */

zx_status_t sys_handle_duplicate(zx_handle_t handle, zx_rights_t rights, uaddr_t out)
{
    struct kobject *obj;
    zx_rights_t have, rights_out;
    zx_status_t status =
        caller_handle_get(handle, ZX_OBJ_TYPE_NONE, ZX_RIGHT_DUPLICATE, &obj, &have);
    if (status != ZX_OK)
        return status;
    status = derived_rights(have, rights, &rights_out);
    if (status != ZX_OK) {
        kobject_unref(obj);
        return status;
    }
    return handle_give(obj, rights_out, out, NULL);
}

/* The handle moves out of its slot and back in with its new rights, so that the object never sees
   its handle count fall (a channel end being replaced must not tell its peer it closed). */
zx_status_t sys_handle_replace(zx_handle_t handle, zx_rights_t rights, uaddr_t out)
{
    struct handle_table *t = zx_caller_current()->handles;
    struct kobject *obj;
    zx_rights_t have, rights_out;
    zx_handle_t value;
    zx_status_t status = handle_table_move_out(t, handle, &obj, &have);
    if (status != ZX_OK)
        return status;
    status = derived_rights(have, rights, &rights_out);
    if (status != ZX_OK) {
        handle_drop(obj);
        return status;
    }
    if ((status = handle_table_move_in(t, obj, rights_out, &value)) != ZX_OK)
        return status;
    if (user_copy_out(out, &value, sizeof value) != ZX_OK) {
        handle_table_close(t, value); /* the caller could never have used it */
        return ZX_ERR_INVALID_ARGS;
    }
    return ZX_OK;
}
