/*: # FIFO

A FIFO is a pair of ends, each with a queue of fixed-size *elements* that the other end wrote: at
most `elem_count` elements of `elem_size` bytes, both chosen at creation, and at most a page in
all (`ZX_FIFO_MAX_SIZE_BYTES`). Fuchsia made it for one job: the control plane of a shared-memory
transport. A block driver and its client share a VMO holding the data, and pass each other small
fixed records through a FIFO ("read 8 blocks into offset 4096", "done, status OK"). A FIFO is
cheaper than a socket or a channel because it does less: no handles, no message boundaries to
keep, no lengths, no modes; a read or a write moves whole elements, as many as fit (a short
write) or as many as there are.

Each end's queue is a ring (object/ring.h) of `elem_count * elem_size` bytes, which need not be a
power of two. Signals: `ZX_FIFO_READABLE` while this end's queue holds an element,
`ZX_FIFO_WRITABLE` while the peer exists and its queue has room, `ZX_FIFO_PEER_CLOSED` once the
peer is gone; an end may still read what its peer wrote before it went.

As for sockets (object/socket.h), the system calls stage user bytes outside the lock: a write
asks `fifo_write_room`, stages, and calls `fifo_write`; a read is `fifo_read` then
`fifo_consume`. */
#ifndef ZINC_FIFO_H
#define ZINC_FIFO_H

#include "object/message.h"
#include "object/peered.h"
#include "object/ring.h"
#include "zircon/fifo.h"

struct fifo {
    struct peered p;
    uint32_t elem_size; /* fixed */
    struct ring ring;   /* the elements for this end to read; guarded by p.pair->lock */
};

extern const struct kobject_type fifo_type;

/* Two new ends. ZX_ERR_OUT_OF_RANGE when either size is 0 or the product is over a page, then
   ZX_ERR_INVALID_ARGS for options other than 0, ZX_ERR_NO_MEMORY. The caller owns a reference to
   each. */
zx_status_t fifo_create(size_t elem_count, size_t elem_size, uint32_t options,
                        struct kobject **out0, struct kobject **out1);

/* The checks of a write of count elements of elem_size bytes, in Zircon's order:
   ZX_ERR_PEER_CLOSED, ZX_ERR_OUT_OF_RANGE (the wrong element size, or no elements),
   ZX_ERR_SHOULD_WAIT (the peer's queue is full). On ZX_OK, *room is how many of them the write
   would queue now. */
zx_status_t fifo_write_room(struct kobject *obj, size_t elem_size, size_t count, uint32_t *room);

/* Queue the first count elements of m at the peer, or as many as fit (*written), with the checks
 * again. */
zx_status_t fifo_write(struct kobject *obj, struct message *m, uint32_t count, uint32_t *written);

/* A copy of the up to count elements a read would take (ZX_ERR_OUT_OF_RANGE as above, then
   ZX_ERR_SHOULD_WAIT, or ZX_ERR_PEER_CLOSED when the queue is empty for good, ZX_ERR_NO_MEMORY);
   *ticket names the read position. Nothing is taken out yet. */
zx_status_t fifo_read(struct kobject *obj, size_t elem_size, size_t count, struct message **out,
                      uint64_t *ticket);

/* Take out the count elements that the fifo_read that gave ticket returned; ZX_ERR_SHOULD_WAIT if
   another read took elements out since (the read must start again). */
zx_status_t fifo_consume(struct kobject *obj, uint64_t ticket, uint32_t count);

#endif
