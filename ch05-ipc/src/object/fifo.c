/*: # FIFO, implemented

Both ends' queues are guarded by the pair's lock, and after every change both ends' signals are
computed afresh, as for a socket. Counts of elements are bytes divided by the element size: the
ring only ever holds whole elements, since every write and read moves whole ones. */
#include "object/fifo.h"

#include "kernel/kmalloc.h"

#define FIFO_SIGNALS (ZX_FIFO_READABLE | ZX_FIFO_WRITABLE | ZX_FIFO_PEER_CLOSED)

static struct fifo *fifo_of(struct kobject *obj)
{
    return container_of(container_of(obj, struct peered, base), struct fifo, p);
}

static struct fifo *peer_locked(struct fifo *f)
{
    return f->p.peer ? container_of(f->p.peer, struct fifo, p) : NULL;
}

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

static void update_one(struct fifo *f)
{
    struct fifo *peer = peer_locked(f);
    zx_signals_t set = 0;
    if (ring_used(&f->ring))
        set |= ZX_FIFO_READABLE;
    if (peer && ring_room(&peer->ring))
        set |= ZX_FIFO_WRITABLE;
    if (!peer)
        set |= ZX_FIFO_PEER_CLOSED;
    kobject_signal(&f->p.base, FIFO_SIGNALS, set);
}

static void update_signals_locked(struct fifo *f)
{
    update_one(f);
    if (peer_locked(f))
        update_one(peer_locked(f));
}

static void fifo_on_zero_handles(struct kobject *obj)
{
    peered_disconnect(obj, ZX_FIFO_WRITABLE, ZX_FIFO_PEER_CLOSED);
}

static void fifo_destroy(struct kobject *obj)
{
    struct fifo *f = fifo_of(obj);
    fifo_on_zero_handles(obj);
    ring_destroy(&f->ring);
    peered_release(&f->p);
    kfree(f);
}

const struct kobject_type fifo_type = {
    .name = "fifo",
    .type = ZX_OBJ_TYPE_FIFO,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHTS_IO | ZX_RIGHT_SIGNAL | ZX_RIGHT_SIGNAL_PEER,
    .on_zero_handles = fifo_on_zero_handles,
    .destroy = fifo_destroy,
    .peer = peered_peer,
};

zx_status_t fifo_create(size_t elem_count, size_t elem_size, uint32_t options,
                        struct kobject **out0, struct kobject **out1)
{
    /* Each factor is bounded first, so that the product cannot overflow. */
    if (!elem_count || !elem_size || elem_count > ZX_FIFO_MAX_SIZE_BYTES ||
        elem_size > ZX_FIFO_MAX_SIZE_BYTES || elem_count * elem_size > ZX_FIFO_MAX_SIZE_BYTES)
        return ZX_ERR_OUT_OF_RANGE;
    if (options != 0)
        return ZX_ERR_INVALID_ARGS;
    struct fifo *a = kzalloc(sizeof *a), *b = kzalloc(sizeof *b);
    zx_status_t status = a && b ? peered_init_pair(&a->p, &b->p, &fifo_type) : ZX_ERR_NO_MEMORY;
    if (status != ZX_OK) {
        kfree(a);
        kfree(b);
        return status;
    }
    a->elem_size = b->elem_size = (uint32_t)elem_size;
    ring_init(&a->ring, (uint32_t)(elem_count * elem_size));
    ring_init(&b->ring, (uint32_t)(elem_count * elem_size));
    hal_lock_acquire(&a->p.pair->lock);
    update_signals_locked(a);
    hal_lock_release(&a->p.pair->lock);
    *out0 = &a->p.base;
    *out1 = &b->p.base;
    return ZX_OK;
}

static zx_status_t check_write_locked(struct fifo *f, size_t elem_size, size_t count,
                                      uint32_t *room)
{
    struct fifo *peer = peer_locked(f);
    if (!peer)
        return ZX_ERR_PEER_CLOSED;
    if (elem_size != f->elem_size || count == 0)
        return ZX_ERR_OUT_OF_RANGE;
    uint32_t free = ring_room(&peer->ring) / f->elem_size;
    if (free == 0)
        return ZX_ERR_SHOULD_WAIT;
    *room = count < free ? (uint32_t)count : free;
    return ZX_OK;
}

zx_status_t fifo_write_room(struct kobject *obj, size_t elem_size, size_t count, uint32_t *room)
{
    struct fifo *f = fifo_of(obj);
    hal_lock_acquire(&f->p.pair->lock);
    zx_status_t status = check_write_locked(f, elem_size, count, room);
    hal_lock_release(&f->p.pair->lock);
    return status;
}

zx_status_t fifo_write(struct kobject *obj, struct message *m, uint32_t count, uint32_t *written)
{
    struct fifo *f = fifo_of(obj);
    uint32_t room = 0;
    hal_lock_acquire(&f->p.pair->lock);
    zx_status_t status = check_write_locked(f, f->elem_size, count, &room);
    struct fifo *peer = peer_locked(f);
    uint32_t bytes = min_u32(room, count) * f->elem_size;
    if (status == ZX_OK)
        status = ring_reserve(&peer->ring, bytes);
    for (uint32_t off = 0, n; status == ZX_OK && off < bytes; off += n) {
        const uint8_t *data = message_bytes_at(m, off, &n);
        n = min_u32(n, bytes - off);
        ring_put(&peer->ring, data, n);
    }
    if (status == ZX_OK)
        update_signals_locked(f);
    hal_lock_release(&f->p.pair->lock);
    *written = status == ZX_OK ? bytes / f->elem_size : 0;
    return status;
}

zx_status_t fifo_read(struct kobject *obj, size_t elem_size, size_t count, struct message **out,
                      uint64_t *ticket)
{
    struct fifo *f = fifo_of(obj);
    if (elem_size != f->elem_size || count == 0)
        return ZX_ERR_OUT_OF_RANGE;
    hal_lock_acquire(&f->p.pair->lock);
    zx_status_t status = ZX_OK;
    struct message *m = NULL;
    uint32_t held = ring_used(&f->ring) / f->elem_size;
    if (held == 0) {
        status = peer_locked(f) ? ZX_ERR_SHOULD_WAIT : ZX_ERR_PEER_CLOSED;
    } else {
        uint32_t bytes = (count < held ? (uint32_t)count : held) * f->elem_size;
        if (!(m = message_create(bytes, 0)))
            status = ZX_ERR_NO_MEMORY;
        for (uint32_t off = 0, n; m && off < bytes; off += n) {
            uint8_t *data = message_bytes_at(m, off, &n);
            ring_peek(&f->ring, off, data, n);
        }
        *ticket = f->ring.head;
    }
    hal_lock_release(&f->p.pair->lock);
    *out = m;
    return status;
}

zx_status_t fifo_consume(struct kobject *obj, uint64_t ticket, uint32_t count)
{
    struct fifo *f = fifo_of(obj);
    hal_lock_acquire(&f->p.pair->lock);
    zx_status_t status = ZX_ERR_SHOULD_WAIT; /* another reader was faster */
    if (f->ring.head == ticket) {
        ring_drop(&f->ring, count * f->elem_size);
        update_signals_locked(f);
        status = ZX_OK;
    }
    hal_lock_release(&f->p.pair->lock);
    return status;
}
