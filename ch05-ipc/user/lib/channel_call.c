/*: # zx_channel_call: a call that survives an interruption

The kernel's `channel_call_noretry` writes the request and waits for the reply. If the wait is
interrupted before the reply comes, the kernel says `ZX_ERR_INTERNAL_INTR_RETRY`, and the call is
not over: the request is in the channel, and only its reply is missing. So the library waits
again with `channel_call_finish`, never writing the request twice, and as many times as the wait
is interrupted. A program never sees `ZX_ERR_INTERNAL_INTR_RETRY`. */
#include "zircon/call.h"

zx_status_t zx_channel_call(zx_handle_t handle, uint32_t options, zx_time_t deadline,
                            const zx_channel_call_args_t *args, uint32_t *actual_bytes,
                            uint32_t *actual_handles)
{
    zx_status_t status =
        zx_channel_call_noretry(handle, options, deadline, args, actual_bytes, actual_handles);
    while (status == ZX_ERR_INTERNAL_INTR_RETRY)
        status = zx_channel_call_finish(deadline, args, actual_bytes, actual_handles);
    return status;
}

zx_status_t zx_channel_call_etc(zx_handle_t handle, uint32_t options, zx_time_t deadline,
                                zx_channel_call_etc_args_t *args, uint32_t *actual_bytes,
                                uint32_t *actual_handles)
{
    zx_status_t status =
        zx_channel_call_etc_noretry(handle, options, deadline, args, actual_bytes, actual_handles);
    while (status == ZX_ERR_INTERNAL_INTR_RETRY)
        status = zx_channel_call_etc_finish(deadline, args, actual_bytes, actual_handles);
    return status;
}
