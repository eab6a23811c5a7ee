/*: # The frame allocator, implemented

xv6's allocator, kept because it is the simplest that works: free frames form a linked list threaded
through the frames themselves (the first eight bytes of a free frame hold the address of the next),
so it needs no memory of its own. Allocation and free are O(1). Freed frames are filled with a
pattern, so that a use after free shows up as garbage rather than as stale data that still looks
right. */
#include "kernel/frame.h"

#include <string.h>

#include "hal/hal.h"
#include "kernel/panic.h"

static struct {
    struct hal_lock lock;
    paddr_t head; /* first free frame; 0 ends the list */
    size_t free, total;
} frames = {.lock = HAL_LOCK_INIT};

static void push(paddr_t pa)
{
    *(paddr_t *)hal_pmem_ptr(pa) = frames.head;
    frames.head = pa;
    frames.free++;
}

void frame_add_region(paddr_t base, size_t size)
{
    paddr_t start = PAGE_ROUND_UP(base), end = PAGE_ROUND_DOWN(base + size);
    if (start == 0)
        start = PAGE_SIZE;
    hal_lock_acquire(&frames.lock);
    /* Pushed from the top down, so that allocation starts at the lowest address. */
    for (paddr_t pa = end; pa > start; pa -= PAGE_SIZE) {
        push(pa - PAGE_SIZE);
        frames.total++;
    }
    hal_lock_release(&frames.lock);
}

paddr_t frame_alloc(void)
{
    hal_lock_acquire(&frames.lock);
    paddr_t pa = frames.head;
    if (pa) {
        frames.head = *(paddr_t *)hal_pmem_ptr(pa);
        frames.free--;
    }
    hal_lock_release(&frames.lock);
    if (pa)
        memset(hal_pmem_ptr(pa), 0, PAGE_SIZE);
    return pa;
}

void frame_free(paddr_t pa)
{
    if (pa == 0 || pa % PAGE_SIZE)
        panic("frame_free: bad frame 0x%lx", (unsigned long)pa);
    memset(hal_pmem_ptr(pa), 0x5a, PAGE_SIZE);
    hal_lock_acquire(&frames.lock);
    push(pa);
    hal_lock_release(&frames.lock);
}

size_t frame_free_count(void)
{
    hal_lock_acquire(&frames.lock); /* other CPUs allocate and free at the same time */
    size_t n = frames.free;
    hal_lock_release(&frames.lock);
    return n;
}

size_t frame_total_count(void)
{
    return frames.total;
}
