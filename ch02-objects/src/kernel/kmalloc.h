/*: # The kernel heap

Kernel objects come and go at the rate user programs create them, and they are small: an event is a
few dozen bytes. `kmalloc` hands out such small blocks, up to `KMALLOC_MAX` bytes; bigger data (a
VMO's pages) is built from frames. On LibOS `kmalloc` is the host's `malloc`, so that the address
sanitizer watches every kernel object; on bare metal it is the slab allocator of
arch/metal/kmalloc.c. Both count the blocks in use, so that a test can see a kernel structure that
is not an object (a Linux file, a directory entry) leak too. */
#ifndef ZINC_KMALLOC_H
#define ZINC_KMALLOC_H

#include <stddef.h>

#define KMALLOC_MAX 2048

/* A block of at least size bytes (size <= KMALLOC_MAX), zero-filled; NULL when memory is
   exhausted. */
void *kzalloc(size_t size);
void kfree(void *p);

/* The census of what the kernel holds (see object/kobject.h): how many blocks are handed out and
   not yet freed, and how many frames the heap holds for them (0 on LibOS). The second depends on
   where each block landed, not only on how many there are: a slab stays while one block of it is
   in use. */
size_t kmalloc_blocks_in_use(void);
size_t kmalloc_frames_in_use(void);

#endif
