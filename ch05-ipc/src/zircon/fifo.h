/*: # The Zircon ABI: FIFOs

A FIFO's signals and its size limit. Names and numbers are Fuchsia's; the limit is one page, and
a FIFO's signals are the channel's three. */
#ifndef ZIRCON_FIFO_H
#define ZIRCON_FIFO_H

#include "zircon/types.h"

#define ZX_FIFO_MAX_SIZE_BYTES ((size_t)4096u) /* elem_count * elem_size, at most */

#define ZX_FIFO_READABLE ((zx_signals_t)1u << 0)
#define ZX_FIFO_WRITABLE ((zx_signals_t)1u << 1)
#define ZX_FIFO_PEER_CLOSED ((zx_signals_t)1u << 2)

#endif
