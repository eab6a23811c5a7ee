/*: # Bare metal: memory in use is frames in use */
#include "kernel/frame.h"
#include "memory_probe.h"

uint64_t memory_in_use(void)
{
    return (uint64_t)(frame_total_count() - frame_free_count()) * PAGE_SIZE;
}
