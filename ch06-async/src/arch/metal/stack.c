/*: # Kernel stacks from the frame allocator, implemented

The free list of the frame allocator is mostly in order: a region is pushed from its top down, so
that successive allocations climb through it, and frames freed together come back in the reverse
order of their freeing. So `metal_stack_alloc` simply asks for frames one by one and keeps the run
they make: a frame that continues the run at either end extends it, and any other frame starts a new
run, the old one being set aside. When the run is long enough, the frames set aside go back to the
allocator. They are threaded into a list through their own first word while they wait, so the search
needs no memory of its own.

On a fresh machine the first frames asked for already make a run. On a fragmented one the search may
take many frames before it finds one, all of free memory at worst, and then gives them all back: it
is linear in free memory, which a teaching kernel can afford for something as rare as starting a
kernel thread (a production kernel keeps a buddy allocator, or maps its stacks into a virtual area
page by page). `metal_stack_free` frees from the top down, so that the next search finds the run
climbing again. */
#include "stack.h"

#include <string.h>

#include "kernel/frame.h"
#include "kernel/panic.h"

static struct {
    struct hal_lock lock;
    paddr_t head; /* runs kept aside and not in use, linked through their first word */
} spare = {.lock = HAL_LOCK_INIT};

static void free_run(paddr_t base, size_t pages)
{
    for (size_t i = pages; i > 0; i--)
        frame_free(base + (i - 1) * PAGE_SIZE);
}

static paddr_t find_run(size_t pages)
{
    paddr_t aside = 0, run = 0;
    size_t length = 0;
    while (length < pages) {
        paddr_t pa = frame_alloc();
        if (!pa)
            break;
        if (length && pa == run + length * PAGE_SIZE) {
            length++;
        } else if (length && pa + PAGE_SIZE == run) {
            run = pa;
            length++;
        } else {
            for (size_t i = 0; i < length; i++) { /* set the old run aside */
                paddr_t old = run + i * PAGE_SIZE;
                *(paddr_t *)hal_pmem_ptr(old) = aside;
                aside = old;
            }
            run = pa;
            length = 1;
        }
    }
    while (aside) {
        paddr_t next = *(paddr_t *)hal_pmem_ptr(aside);
        frame_free(aside);
        aside = next;
    }
    if (length < pages) {
        free_run(run, length);
        return 0;
    }
    return run;
}

void metal_stack_reserve(unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        paddr_t run = find_run(METAL_STACK_RUN);
        if (!run)
            panic("no memory for kernel stacks");
        *(paddr_t *)hal_pmem_ptr(run) = spare.head;
        spare.head = run;
    }
}

paddr_t metal_stack_alloc(bool *kept)
{
    hal_lock_acquire(&spare.lock);
    paddr_t run = spare.head;
    if (run)
        spare.head = *(paddr_t *)hal_pmem_ptr(run);
    hal_lock_release(&spare.lock);
    *kept = run != 0;
    if (!run)
        return find_run(METAL_STACK_RUN);
    memset(hal_pmem_ptr(run), 0, METAL_STACK_RUN * PAGE_SIZE);
    return run;
}

void metal_stack_free(paddr_t base, bool kept)
{
    if (!kept) {
        free_run(base, METAL_STACK_RUN);
        return;
    }
    hal_lock_acquire(&spare.lock);
    *(paddr_t *)hal_pmem_ptr(base) = spare.head;
    spare.head = base;
    hal_lock_release(&spare.lock);
}
