/*: # The Zircon ABI: virtual memory objects

Options, child kinds, operations, the property and the signal of VMOs. Numbers are Fuchsia's. */
#ifndef ZIRCON_VMO_H
#define ZIRCON_VMO_H

#include "zircon/types.h"

#define ZX_VMO_RESIZABLE ((uint32_t)1u << 1)
#define ZX_VMO_DISCARDABLE ((uint32_t)1u << 2) /* known, and refused: see vmo_sys.c */

#define ZX_VMO_CHILD_SNAPSHOT ((uint32_t)1u << 0)
#define ZX_VMO_CHILD_RESIZABLE ((uint32_t)1u << 2)
#define ZX_VMO_CHILD_SLICE ((uint32_t)1u << 3)
#define ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE ((uint32_t)1u << 4)
#define ZX_VMO_CHILD_NO_WRITE ((uint32_t)1u << 5)

#define ZX_VMO_OP_COMMIT ((uint32_t)1u)
#define ZX_VMO_OP_DECOMMIT ((uint32_t)2u)
#define ZX_VMO_OP_CACHE_SYNC ((uint32_t)6u)
#define ZX_VMO_OP_CACHE_INVALIDATE ((uint32_t)7u)
#define ZX_VMO_OP_CACHE_CLEAN ((uint32_t)8u)
#define ZX_VMO_OP_CACHE_CLEAN_INVALIDATE ((uint32_t)9u)
#define ZX_VMO_OP_ZERO ((uint32_t)10u)

/* The property of a VMO's content size, a uint64_t (zx_object_get_property). */
#define ZX_PROP_VMO_CONTENT_SIZE ((uint32_t)17u)

/* Set while a VMO has no children. */
#define ZX_VMO_ZERO_CHILDREN ((zx_signals_t)1u << 3)

#endif
