/*: # A ring of bytes

Sockets and FIFOs both hold bytes that one end wrote and the other has not read yet, first in,
first out, up to a fixed capacity: a *ring buffer*. Bytes go in at the tail and come out at the
head; when the tail reaches the end of the storage it carries on at the start, so the storage is
reused without ever moving what it holds.

Two choices keep it simple. The head and the tail are not positions but *counts*: how many bytes
have gone out, and how many in, since the ring was made. Their difference is how many it holds,
with no special case for "full" against "empty" (both would have head and tail at the same
position), and the position of a byte is its count modulo the capacity, so the capacity need not
be a power of two (a FIFO of ten 8-byte elements is an 80-byte ring). 64-bit counts never wrap in
practice: at a byte per nanosecond they would last five centuries.

The storage is frames, `RING_MAX_PAGES` at most (64 KiB), and a frame is taken only when a byte
is first written into its page: a socket that carries a few short messages costs one page, and
one that is never written costs none. Its pages stay with the ring until it is destroyed.

The ring does no locking: its owner guards it (for a socket or a FIFO, the pair's lock). It
copies between its storage and kernel memory only; user memory is the system calls' business. */
#ifndef ZINC_RING_H
#define ZINC_RING_H

#include "hal/hal.h"
#include "zircon/errors.h"
#include "zircon/types.h"

#define RING_MAX_PAGES 16
#define RING_MAX_CAPACITY (RING_MAX_PAGES * PAGE_SIZE)

struct ring {
    uint32_t capacity;             /* bytes, at most RING_MAX_CAPACITY */
    uint64_t head, tail;           /* bytes taken out and put in since ring_init */
    paddr_t pages[RING_MAX_PAGES]; /* the storage; 0 for a page not written yet */
};

/* An empty ring of capacity bytes (0 < capacity <= RING_MAX_CAPACITY); no memory is taken yet. */
void ring_init(struct ring *r, uint32_t capacity);

/* Give the ring's frames back. */
void ring_destroy(struct ring *r);

/* How many bytes it holds, and how many more it could take. */
uint32_t ring_used(const struct ring *r);
uint32_t ring_room(const struct ring *r);

/* Make sure the next len bytes to be put (len <= ring_room) have storage, so that putting them
   cannot fail. ZX_ERR_NO_MEMORY if a frame could not be had. */
zx_status_t ring_reserve(struct ring *r, uint32_t len);

/* Append len bytes from src (len <= ring_room). ZX_ERR_NO_MEMORY if a frame could not be had (never
   after ring_reserve of at least len): the contents are then as they were. */
zx_status_t ring_put(struct ring *r, const void *src, uint32_t len);

/* Copy len bytes into dst, starting offset bytes after the head (offset + len <= ring_used),
   without taking them out. */
void ring_peek(const struct ring *r, uint32_t offset, void *dst, uint32_t len);

/* Take len bytes (len <= ring_used) out at the head. */
void ring_drop(struct ring *r, uint32_t len);

#endif
