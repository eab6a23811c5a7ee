/*: # A ring of bytes, implemented

Every operation is a walk over *pieces*: runs of bytes that are contiguous in one frame. A run of
the ring's bytes breaks at a page boundary (the frames are not contiguous) and where the storage
wraps around from its end to its start. `piece` finds the first piece of a run; `ring_put` and
`ring_peek` copy piece by piece. `ring_put` first makes sure every page it will write has a frame
(`ring_reserve`, which a caller may also call first for several puts that must all succeed), so
that running out of memory leaves the contents as they were rather than half written. */
#include "object/ring.h"

#include <string.h>

#include "kernel/frame.h"

void ring_init(struct ring *r, uint32_t capacity)
{
    memset(r, 0, sizeof *r);
    r->capacity = capacity;
}

void ring_destroy(struct ring *r)
{
    for (int i = 0; i < RING_MAX_PAGES; i++) {
        if (r->pages[i])
            frame_free(r->pages[i]);
        r->pages[i] = 0;
    }
}

uint32_t ring_used(const struct ring *r)
{
    return (uint32_t)(r->tail - r->head);
}

uint32_t ring_room(const struct ring *r)
{
    return r->capacity - ring_used(r);
}

/* The byte with count `at` lives in page *page at offset *offset; return how many bytes from there
   on, at most len, are contiguous in that page. */
static uint32_t piece(const struct ring *r, uint64_t at, uint32_t len, uint32_t *page,
                      uint32_t *offset)
{
    /* LAB ch05-ring-piece BEGIN: find where the byte counted `at` is stored (its page, and its
       offset in that page), and how many of the len bytes from there on lie next to it in the same
       frame: a run ends at the end of the page, and at the end of the ring's storage, where it
       wraps around.
       stub:
    (void)r;
    *page = 0; // as if the ring were one page long, and never wrapped before that page's end
    *offset = (uint32_t)(at % PAGE_SIZE);
    return len < PAGE_SIZE - *offset ? len : PAGE_SIZE - *offset;
    */
    uint32_t pos = (uint32_t)(at % r->capacity);
    *page = pos / PAGE_SIZE;
    *offset = pos % PAGE_SIZE;
    uint32_t n = PAGE_SIZE - *offset;
    if (n > r->capacity - pos)
        n = r->capacity - pos;
    return n < len ? n : len;
    /* LAB END */
}

zx_status_t ring_reserve(struct ring *r, uint32_t len)
{
    uint32_t page, offset, n;
    for (uint32_t done = 0; done < len; done += n) {
        n = piece(r, r->tail + done, len - done, &page, &offset);
        if (!r->pages[page] && !(r->pages[page] = frame_alloc()))
            return ZX_ERR_NO_MEMORY;
    }
    return ZX_OK;
}

zx_status_t ring_put(struct ring *r, const void *src, uint32_t len)
{
    uint32_t page, offset, n;
    zx_status_t status = ring_reserve(r, len);
    if (status != ZX_OK)
        return status;
    for (uint32_t done = 0; done < len; done += n) {
        n = piece(r, r->tail + done, len - done, &page, &offset);
        memcpy((uint8_t *)hal_pmem_ptr(r->pages[page]) + offset, (const uint8_t *)src + done, n);
    }
    r->tail += len;
    return ZX_OK;
}

void ring_peek(const struct ring *r, uint32_t offset, void *dst, uint32_t len)
{
    uint32_t page, in_page, n;
    for (uint32_t done = 0; done < len; done += n) {
        n = piece(r, r->head + offset + done, len - done, &page, &in_page);
        memcpy((uint8_t *)dst + done, (const uint8_t *)hal_pmem_ptr(r->pages[page]) + in_page, n);
    }
}

void ring_drop(struct ring *r, uint32_t len)
{
    r->head += len;
}
