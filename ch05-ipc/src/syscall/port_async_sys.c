/*: # object_wait_async and port_cancel

`object_wait_async` checks its options first (`ZX_ERR_INVALID_ARGS` for any bit besides
`ZX_WAIT_ASYNC_TIMESTAMP` and `ZX_WAIT_ASYNC_EDGE`), then the port (`ZX_RIGHT_WRITE`, since the wait
writes a packet to it), then the object (`ZX_RIGHT_WAIT`). `port_cancel` needs `ZX_RIGHT_WRITE` on
the port and any handle to the source: it ends the waits asked through that very handle with that
key, and drops their packets not yet taken (`ZX_ERR_NOT_FOUND` if there were none). */
#include "object/port_observer.h"
#include "syscall/caller.h"
#include "syscall/sys.h"

zx_status_t sys_object_wait_async(zx_handle_t handle, zx_handle_t port, uint64_t key,
                                  zx_signals_t signals, uint32_t options)
{
    struct kobject *p, *obj;
    if (options & ~(ZX_WAIT_ASYNC_TIMESTAMP | ZX_WAIT_ASYNC_EDGE))
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = caller_handle_get(port, ZX_OBJ_TYPE_PORT, ZX_RIGHT_WRITE, &p, NULL);
    if (status != ZX_OK)
        return status;
    status = caller_handle_get(handle, ZX_OBJ_TYPE_NONE, ZX_RIGHT_WAIT, &obj, NULL);
    if (status == ZX_OK) {
        status = port_wait_async(obj, zx_caller_current()->handles, handle, p, key, signals,
                                 options);
        kobject_unref(obj);
    }
    kobject_unref(p);
    return status;
}

zx_status_t sys_port_cancel(zx_handle_t handle, zx_handle_t source, uint64_t key)
{
    struct kobject *p, *obj;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_PORT, ZX_RIGHT_WRITE, &p, NULL);
    if (status != ZX_OK)
        return status;
    status = caller_handle_get(source, ZX_OBJ_TYPE_NONE, 0, &obj, NULL);
    if (status == ZX_OK) {
        status = port_cancel_waits(p, obj, zx_caller_current()->handles, source, key);
        kobject_unref(obj);
    }
    kobject_unref(p);
    return status;
}
