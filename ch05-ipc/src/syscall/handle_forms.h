/*: # Handle dispositions and handle records

The two richer forms of a message's handle list (zircon/channel_call.h), for the calls that take
them: `zx_channel_write_etc` and `zx_channel_call_etc` send dispositions, `zx_channel_read_etc`
and `zx_channel_call_etc` receive records. They plug into chapter 2's message building
(syscall/channel_msg.h) beside its plain values. */
#ifndef ZINC_HANDLE_FORMS_H
#define ZINC_HANDLE_FORMS_H

#include "syscall/channel_msg.h"

/* A list of count dispositions at user. A handle whose operation is ZX_HANDLE_OP_DUPLICATE stays
   with the writer whatever happens; every other is consumed. The status of each disposition that
   fails is written back to its `result`; the others' are left as they were. */
struct handles_in handle_dispositions_in(uaddr_t user, uint32_t count);

/* Write a received handle as a zx_handle_info_t. */
zx_status_t handle_info_out(uaddr_t user, uint32_t i, zx_handle_t value, const struct kobject *obj,
                            zx_rights_t rights);

#endif
