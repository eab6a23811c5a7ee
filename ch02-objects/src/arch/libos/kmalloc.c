/*: # LibOS: the kernel heap is the host's

The count of blocks in use is atomic: the kernel's threads are the host's, on every CPU. */
#include <stdlib.h>

#include "kernel/kmalloc.h"

static size_t blocks_in_use;

void *kzalloc(size_t size)
{
    void *p = size <= KMALLOC_MAX ? calloc(1, size) : NULL;
    if (p)
        __atomic_fetch_add(&blocks_in_use, 1, __ATOMIC_RELAXED);
    return p;
}

void kfree(void *p)
{
    if (p)
        __atomic_fetch_sub(&blocks_in_use, 1, __ATOMIC_RELAXED);
    free(p);
}

size_t kmalloc_blocks_in_use(void)
{
    return __atomic_load_n(&blocks_in_use, __ATOMIC_RELAXED);
}

size_t kmalloc_frames_in_use(void)
{
    return 0; /* the host's memory, not frames */
}
