/*: # The Zircon ABI: waiting on many objects

One item of `zx_object_wait_many`: a handle, the signals to wait for, and, when the call returns,
the signals the object was asserting. At most `ZX_WAIT_MANY_MAX_ITEMS` items. */
#ifndef ZIRCON_WAIT_MANY_H
#define ZIRCON_WAIT_MANY_H

#include "zircon/types.h"

#define ZX_WAIT_MANY_MAX_ITEMS ((size_t)64u)

typedef struct zx_wait_item {
    zx_handle_t handle;
    zx_signals_t waitfor;
    zx_signals_t pending;
} zx_wait_item_t;

#endif
