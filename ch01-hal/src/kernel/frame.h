/*: # Physical frames

The frame allocator hands out physical memory one 4 KiB page (a *frame*) at a time. The HAL feeds it
at boot with the free regions of the memory map (`frame_add_region`); after that the same code
serves all three targets. */
#ifndef ZINC_FRAME_H
#define ZINC_FRAME_H

#include "hal/types.h"

/* Give the allocator the frames in [base, base + size) (rounded inwards to whole pages). */
void frame_add_region(paddr_t base, size_t size);

/* A zero-filled frame, or 0 when memory is exhausted. Frame 0 is never handed out. */
paddr_t frame_alloc(void);
void frame_free(paddr_t pa);

size_t frame_free_count(void);
size_t frame_total_count(void);

#endif
