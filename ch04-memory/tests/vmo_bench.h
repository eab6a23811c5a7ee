/*: # The VMO benchmark, for the targets that compare it with something */
#ifndef ZINC_VMO_BENCH_H
#define ZINC_VMO_BENCH_H

#include <stdint.h>

/* Nanoseconds per round of: map size bytes of a new VMO, touch every page from user mode, unmap. */
uint64_t bench_map_touch_unmap(uint64_t size, int rounds);

#endif
