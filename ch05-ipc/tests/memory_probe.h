/*: # How much memory the kernel holds

For the benchmarks that weigh something the kernel keeps, a thread say: read the figure before and
after making many of them. On bare metal it is the frames in use, which covers the kernel heap (its
slabs are frames) and, from chapter 6 on, kernel stacks. On LibOS the frames are counted too, and
the rest of the kernel's memory is the host process's: the heap is the host's `malloc`, a kernel
thread is a host thread with a stack of its own; so the figure adds the process's private pages
that are in memory. */
#ifndef ZINC_MEMORY_PROBE_H
#define ZINC_MEMORY_PROBE_H

#include <stdint.h>

/* Bytes of memory in use by the kernel now. */
uint64_t memory_in_use(void);

#endif
