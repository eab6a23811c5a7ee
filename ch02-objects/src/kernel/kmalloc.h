/*: # The kernel heap

Kernel objects come and go at the rate user programs create them, and they are small: an event is a
few dozen bytes. `kmalloc` hands out such small blocks, up to `KMALLOC_MAX` bytes; bigger data (a
VMO's pages) is built from frames. On LibOS `kmalloc` is the host's `malloc`, so that the address
sanitizer watches every kernel object; on bare metal it is the slab allocator of
arch/metal/kmalloc.c. */
#ifndef ZINC_KMALLOC_H
#define ZINC_KMALLOC_H

#include <stddef.h>

#define KMALLOC_MAX 2048

/* A block of at least size bytes (size <= KMALLOC_MAX), zero-filled; NULL when memory is
   exhausted. */
void *kzalloc(size_t size);
void kfree(void *p);

#endif
