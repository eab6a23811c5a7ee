/*: # The Zircon ABI: calls, handle dispositions and handle records

What `zx_channel_call`, `zx_channel_write_etc` and `zx_channel_read_etc` pass, as in Fuchsia's
`zircon/types.h`. A call's message begins with a transaction id (`zx_txid_t`); the kernel picks
those of calls from the upper half, `0x80000000` and above, and leaves the lower half to programs
that match requests and replies themselves. A disposition says what to do with one handle of a
write: move it or duplicate it, check its type, and reduce its rights; the kernel writes back the
status of each that failed. A handle record tells the reader a received handle's type and rights. */
#ifndef ZIRCON_CHANNEL_CALL_H
#define ZIRCON_CHANNEL_CALL_H

#include "zircon/types.h"

typedef uint32_t zx_txid_t;
typedef uint32_t zx_handle_op_t;

#define ZX_HANDLE_OP_MOVE ((zx_handle_op_t)0u)
#define ZX_HANDLE_OP_DUPLICATE ((zx_handle_op_t)1u)

typedef struct zx_handle_disposition {
    zx_handle_op_t operation;
    zx_handle_t handle;
    zx_obj_type_t type; /* ZX_OBJ_TYPE_NONE: any */
    zx_rights_t rights; /* ZX_RIGHT_SAME_RIGHTS, or a subset of the handle's */
    zx_status_t result;
} zx_handle_disposition_t;

typedef struct zx_handle_info {
    zx_handle_t handle;
    zx_obj_type_t type;
    zx_rights_t rights;
    uint32_t unused;
} zx_handle_info_t;

typedef struct zx_channel_call_args {
    const void *wr_bytes;
    const zx_handle_t *wr_handles;
    void *rd_bytes;
    zx_handle_t *rd_handles;
    uint32_t wr_num_bytes;
    uint32_t wr_num_handles;
    uint32_t rd_num_bytes;
    uint32_t rd_num_handles;
} zx_channel_call_args_t;

typedef struct zx_channel_call_etc_args {
    const void *wr_bytes;
    zx_handle_disposition_t *wr_handles;
    void *rd_bytes;
    zx_handle_info_t *rd_handles;
    uint32_t wr_num_bytes;
    uint32_t wr_num_handles;
    uint32_t rd_num_bytes;
    uint32_t rd_num_handles;
} zx_channel_call_etc_args_t;

#endif
