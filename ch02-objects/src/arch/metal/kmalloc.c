/*: # Bare metal: a slab allocator

Blocks come in eight sizes, the powers of two from 16 to 2048 bytes. Each block lives in a *slab*:
one frame cut into blocks of a single size, with a small header at the start of the frame that
counts the blocks in use and holds the slab's own free list. A size keeps a list of its slabs that
still have room.

- `kzalloc` takes a block from the first slab with room, or cuts a new frame into a slab.
- `kfree` finds the slab from the block's address alone (it is the start of the block's frame,
  because the direct map keeps frames page-aligned) and gives the block back; a slab whose last
  block comes back returns its frame to the frame allocator, so memory the kernel stops using is
  free again.

The heap counts the blocks it has handed out and the slabs it holds, for the census of
kernel/kmalloc.h. */
#include <string.h>

#include "hal/hal.h"
#include "kernel/frame.h"
#include "kernel/kmalloc.h"
#include "kernel/panic.h"

#define CLASSES 8
#define MIN_SHIFT 4 /* 16 bytes */
#define SLAB_MAGIC 0x736c6162u

struct block {
    struct block *next;
};

struct slab {
    uint32_t magic;
    uint16_t class, used;
    struct block *free;             /* this slab's free blocks */
    struct slab *next_partial;      /* the next slab of this size with room */
    paddr_t frame;
};

static struct {
    struct hal_lock lock;
    struct slab *partial[CLASSES];
    size_t blocks_in_use, slabs;
} heap = {.lock = HAL_LOCK_INIT};

static size_t block_size(int c)
{
    return (size_t)1 << (MIN_SHIFT + c);
}

static int class_of(size_t size)
{
    for (int c = 0; c < CLASSES; c++)
        if (size <= block_size(c))
            return c;
    return -1;
}

/* The first block starts after the header, at the block size (or the header's size, if larger). */
static size_t first_offset(int c)
{
    size_t off = block_size(c);
    while (off < sizeof(struct slab))
        off += block_size(c);
    return off;
}

static struct slab *new_slab(int c)
{
    paddr_t pa = frame_alloc();
    if (!pa)
        return NULL;
    struct slab *s = hal_pmem_ptr(pa);
    *s = (struct slab){.magic = SLAB_MAGIC, .class = (uint16_t)c, .frame = pa};
    for (size_t off = PAGE_SIZE - block_size(c); off >= first_offset(c); off -= block_size(c)) {
        struct block *b = (struct block *)((uint8_t *)s + off);
        b->next = s->free;
        s->free = b;
    }
    return s;
}

void *kzalloc(size_t size)
{
    int c = size <= KMALLOC_MAX ? class_of(size) : -1;
    if (c < 0)
        return NULL;
    hal_lock_acquire(&heap.lock);
    struct slab *s = heap.partial[c];
    if (!s && (s = new_slab(c))) {
        heap.partial[c] = s;
        heap.slabs++;
    }
    struct block *b = NULL;
    if (s) {
        b = s->free;
        s->free = b->next;
        s->used++;
        heap.blocks_in_use++;
        if (!s->free)
            heap.partial[c] = s->next_partial; /* full: off the list of slabs with room */
    }
    hal_lock_release(&heap.lock);
    if (b)
        memset(b, 0, block_size(c));
    return b;
}

void kfree(void *p)
{
    if (!p)
        return;
    struct slab *s = (struct slab *)PAGE_ROUND_DOWN((uintptr_t)p);
    kassert(s->magic == SLAB_MAGIC && s->used > 0);
    int c = s->class;
    hal_lock_acquire(&heap.lock);
    bool was_full = !s->free;
    struct block *b = p;
    b->next = s->free;
    s->free = b;
    s->used--;
    heap.blocks_in_use--;
    if (was_full) {
        s->next_partial = heap.partial[c];
        heap.partial[c] = s;
    }
    if (s->used == 0) {
        struct slab **link = &heap.partial[c];
        while (*link != s)
            link = &(*link)->next_partial;
        *link = s->next_partial;
        s->magic = 0;
        heap.slabs--;
        hal_lock_release(&heap.lock);
        frame_free(s->frame);
        return;
    }
    hal_lock_release(&heap.lock);
}

size_t kmalloc_blocks_in_use(void)
{
    hal_lock_acquire(&heap.lock);
    size_t n = heap.blocks_in_use;
    hal_lock_release(&heap.lock);
    return n;
}

size_t kmalloc_frames_in_use(void)
{
    hal_lock_acquire(&heap.lock);
    size_t n = heap.slabs;
    hal_lock_release(&heap.lock);
    return n;
}
