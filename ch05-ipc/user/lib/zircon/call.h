/*: # zx_channel_call, as the vDSO gives it

In Fuchsia `zx_channel_call` and `zx_channel_call_etc` are not system calls but vDSO functions
built on two each (see channel_call.c beside this file). Programs call these. */
#ifndef ZIRCON_CALL_H
#define ZIRCON_CALL_H

#include "zircon/syscalls.h"

zx_status_t zx_channel_call(zx_handle_t handle, uint32_t options, zx_time_t deadline,
                            const zx_channel_call_args_t *args, uint32_t *actual_bytes,
                            uint32_t *actual_handles);

zx_status_t zx_channel_call_etc(zx_handle_t handle, uint32_t options, zx_time_t deadline,
                                zx_channel_call_etc_args_t *args, uint32_t *actual_bytes,
                                uint32_t *actual_handles);

#endif
