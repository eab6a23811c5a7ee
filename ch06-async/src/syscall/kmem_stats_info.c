/*: # The kernel's memory, as the root resource sees it

`ZX_INFO_KMEM_STATS` needs a handle to a resource (`ZX_ERR_WRONG_TYPE` for another object) with
`ZX_RIGHT_INSPECT`; Zinc's one resource is the root resource. The answer comes from the frame
allocator (kernel/frame.h): the frames it was given are the total, its free list is the free part.
What the machine has beyond them (the kernel's image, the memory the HAL kept at boot) is wired.
Zinc does not tell the used frames apart by user (heap, VMOs, page tables, messages), so they are
all `other_bytes`, and those fields are 0: the sum still adds up, as Fuchsia's reference asks. The
stress program of this chapter (user/thread-stress.c) counts with it what 10,000 blocked threads
cost. */
#include "kernel/frame.h"
#include "object/resource.h"
#include "syscall/info.h"
#include "zircon/kmem_stats.h"

static zx_status_t kmem_stats(const struct info_request *req)
{
    uint64_t total = (uint64_t)frame_total_count() * PAGE_SIZE;
    uint64_t free = (uint64_t)frame_free_count() * PAGE_SIZE;
    zx_info_kmem_stats_t stats = {
        .total_bytes = total,
        .free_bytes = free,
        .wired_bytes = hal_pmem_size() > total ? hal_pmem_size() - total : 0,
        .other_bytes = total - free,
    };
    return info_single_record(req, &stats, sizeof stats);
}
INFO_TOPIC(ZX_INFO_KMEM_STATS, ZX_OBJ_TYPE_RESOURCE, ZX_RIGHT_INSPECT, kmem_stats);
