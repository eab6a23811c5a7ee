/*: # LibOS: memory in use is frames in use and the host process's private pages

The frames are counted as on bare metal. The rest is what the host process holds privately: the
kernel heap (the host's `malloc`) and host threads' stacks, as pages in memory. `/proc/self/statm`
(proc(5)) gives the resident set and, within it, the shared pages (the memfd of physical memory,
whose frames are already counted, and the program's own files), in pages. */
#include <stdio.h>
#include <unistd.h>

#include "kernel/frame.h"
#include "memory_probe.h"

static uint64_t private_resident_bytes(void)
{
    unsigned long size = 0, resident = 0, shared = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    if (fscanf(f, "%lu %lu %lu", &size, &resident, &shared) != 3)
        resident = shared = 0;
    fclose(f);
    return (uint64_t)(resident - shared) * (uint64_t)sysconf(_SC_PAGESIZE);
}

uint64_t memory_in_use(void)
{
    return (uint64_t)(frame_total_count() - frame_free_count()) * PAGE_SIZE +
           private_resident_bytes();
}
