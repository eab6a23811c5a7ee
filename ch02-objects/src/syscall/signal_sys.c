/*: # object_signal and object_signal_peer

User code may set and clear the eight user signals on any object whose handle has `ZX_RIGHT_SIGNAL`
(`ZX_RIGHT_SIGNAL_PEER` for the peer of a pair), plus the few kernel signals a type allows, such as
an event's `ZX_EVENT_SIGNALED`. Any other bit in either mask is `ZX_ERR_INVALID_ARGS`: the kernel's
own signals, such as `ZX_CHANNEL_READABLE`, only the kernel sets. */
#include "syscall/caller.h"
#include "syscall/sys.h"

static zx_status_t signal_object(struct kobject *obj, uint32_t clear_mask, uint32_t set_mask)
{
    zx_signals_t allowed = ZX_USER_SIGNAL_ALL | obj->type->user_settable;
    if ((clear_mask | set_mask) & ~allowed)
        return ZX_ERR_INVALID_ARGS;
    kobject_signal(obj, clear_mask, set_mask);
    return ZX_OK;
}

zx_status_t sys_object_signal(zx_handle_t handle, uint32_t clear_mask, uint32_t set_mask)
{
    struct kobject *obj;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SIGNAL, &obj, NULL);
    if (status != ZX_OK)
        return status;
    status = signal_object(obj, clear_mask, set_mask);
    kobject_unref(obj);
    return status;
}

zx_status_t sys_object_signal_peer(zx_handle_t handle, uint32_t clear_mask, uint32_t set_mask)
{
    struct kobject *obj, *peer = NULL;
    zx_status_t status =
        caller_handle_get(handle, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SIGNAL_PEER, &obj, NULL);
    if (status != ZX_OK)
        return status;
    if (!obj->type->peer)
        status = ZX_ERR_NOT_SUPPORTED;
    else if (!(peer = obj->type->peer(obj)))
        status = ZX_ERR_PEER_CLOSED;
    else
        status = signal_object(peer, clear_mask, set_mask);
    if (peer)
        kobject_unref(peer);
    kobject_unref(obj);
    return status;
}
