/*: # Kernel stacks from the frame allocator

A kernel stack must be contiguous, and the frame allocator (kernel/frame.h) hands out one page at a
time, in no promised order. `metal_stack_alloc` gets a run of contiguous frames from it anyway
(stack.c says how), so that a kernel thread's memory comes from the same pool as everything else and
the number of threads is bounded by memory, not by a table in the kernel image. */
#ifndef ZINC_METAL_STACK_H
#define ZINC_METAL_STACK_H

#include "hal/hal.h"

/* The lowest of `pages` contiguous, zero-filled frames, or 0 when no such run can be found. */
paddr_t metal_stack_alloc(size_t pages);

/* Give back a run that metal_stack_alloc returned. */
void metal_stack_free(paddr_t base, size_t pages);

#endif
