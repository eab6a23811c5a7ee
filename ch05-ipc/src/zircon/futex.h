/*: # The Zircon ABI: futexes

A futex is any aligned 32-bit integer of a process's memory; the system calls take its address.
The type is Fuchsia's. */
#ifndef ZIRCON_FUTEX_H
#define ZIRCON_FUTEX_H

#include "zircon/types.h"

typedef int32_t zx_futex_t;

#endif
