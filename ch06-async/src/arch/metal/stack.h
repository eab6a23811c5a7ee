/*: # Kernel stacks from the frame allocator

A kernel stack must be contiguous, and the frame allocator (kernel/frame.h) hands out one page at a
time, in no promised order. `metal_stack_alloc` gets a run of contiguous frames from it anyway
(stack.c says how), so that a kernel thread's memory comes from the same pool as everything else and
the number of threads is bounded by memory, not by a table in the kernel image. Each run is
`METAL_STACK_RUN` pages: a thread's guard page, stack and record (thread.c). */
#ifndef ZINC_METAL_STACK_H
#define ZINC_METAL_STACK_H

#include "hal/hal.h"

#define METAL_STACK_RUN 5

/* Keep n runs aside at boot, for the first threads to run on (stack.c says why). */
void metal_stack_reserve(unsigned n);

/* The lowest of METAL_STACK_RUN contiguous, zero-filled frames, or 0 when no such run can be found;
   *kept says whether it is one of the runs kept aside. */
paddr_t metal_stack_alloc(bool *kept);

/* Give back a run that metal_stack_alloc returned, with what it said in *kept. */
void metal_stack_free(paddr_t base, bool kept);

#endif
