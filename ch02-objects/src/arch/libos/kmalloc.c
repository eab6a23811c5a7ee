/*: # LibOS: the kernel heap is the host's */
#include <stdlib.h>

#include "kernel/kmalloc.h"

void *kzalloc(size_t size)
{
    return size <= KMALLOC_MAX ? calloc(1, size) : NULL;
}

void kfree(void *p)
{
    free(p);
}
