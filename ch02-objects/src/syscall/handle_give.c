/*: # Handing a new handle to the caller, implemented */
#include "syscall/handle_give.h"

#include "syscall/caller.h"
#include "syscall/sys.h"

/* If the value cannot be written, the handle is closed again: the caller could never have used
   it. */
zx_status_t handle_give(struct kobject *obj, zx_rights_t rights, uaddr_t out, zx_handle_t *given)
{
    struct handle_table *t = zx_caller_current()->handles;
    zx_handle_t value;
    zx_status_t status = handle_table_add(t, obj, rights, &value);
    if (status != ZX_OK)
        return status;
    if (user_copy_out(out, &value, sizeof value) != ZX_OK) {
        handle_table_close(t, value);
        return ZX_ERR_INVALID_ARGS;
    }
    if (given)
        *given = value;
    return ZX_OK;
}

zx_status_t handle_give_pair(struct kobject *a, struct kobject *b, uaddr_t out0, uaddr_t out1)
{
    zx_handle_t first;
    zx_status_t status = handle_give(a, a->type->default_rights, out0, &first);
    if (status != ZX_OK) {
        kobject_unref(b);
        return status;
    }
    status = handle_give(b, b->type->default_rights, out1, NULL);
    if (status != ZX_OK)
        sys_handle_close(first);
    return status;
}
