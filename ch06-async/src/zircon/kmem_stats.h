/*: # The Zircon ABI: the kernel's memory

`ZX_INFO_KMEM_STATS`, asked of the root resource, says how the machine's memory is used: how much
there is, how much is free, and how the rest divides between the kernel heap, VMOs and the rest.
Name, number and layout are Fuchsia's (the first version of the record). */
#ifndef ZIRCON_KMEM_STATS_H
#define ZIRCON_KMEM_STATS_H

#include "zircon/types.h"

#define ZX_INFO_KMEM_STATS ((uint32_t)17u)

typedef struct zx_info_kmem_stats {
    uint64_t total_bytes;        /* the physical memory the kernel manages */
    uint64_t free_bytes;         /* of which not in use */
    uint64_t wired_bytes;        /* memory the kernel took for itself at boot (its image, say) */
    uint64_t total_heap_bytes;   /* the kernel heap */
    uint64_t free_heap_bytes;    /* the part of the heap not in use */
    uint64_t vmo_bytes;          /* committed to VMOs */
    uint64_t mmu_overhead_bytes; /* page tables */
    uint64_t ipc_bytes;          /* messages in flight */
    uint64_t other_bytes;        /* in use, and counted in none of the above */
} zx_info_kmem_stats_t;

#endif
