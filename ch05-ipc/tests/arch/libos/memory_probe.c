/*: # LibOS: memory in use is the host process's resident set

The second number of `/proc/self/statm` (proc(5)) is the resident set in pages. */
#include <stdio.h>
#include <unistd.h>

#include "memory_probe.h"

uint64_t memory_in_use(void)
{
    unsigned long size = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    if (fscanf(f, "%lu %lu", &size, &resident) != 2)
        resident = 0;
    fclose(f);
    return (uint64_t)resident * (uint64_t)sysconf(_SC_PAGESIZE);
}
