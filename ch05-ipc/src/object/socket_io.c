/*: # Socket, implemented: writing and reading

A write goes into the *peer's* ring, a read comes out of the reader's own. The checks follow
Zircon's order, which a program can observe when several things are wrong at once: a write to an
end whose peer is gone is `ZX_ERR_PEER_CLOSED` before anything else, a write of nothing succeeds
(and writes nothing) wherever there is a peer that accepts writes, and a full socket says
`ZX_ERR_SHOULD_WAIT` even to a datagram too large for it ever to fit.

Bytes move between the ring and staging buffers (`struct message`, whose bytes are frames a page
at a time) a piece at a time: one piece never crosses a page of the message. A datagram goes in
as its length word and then its bytes, with storage reserved for both first, so that it is in the
ring whole or not at all. */
#include "object/socket.h"

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

/* The checks of a write (see socket.h); on ZX_OK, *room is what the write would queue now. */
static zx_status_t check_write_locked(struct socket *s, size_t len, uint32_t *room)
{
    struct socket *peer = socket_peer_locked(s);
    if (!peer)
        return ZX_ERR_PEER_CLOSED;
    if (s->write_disabled)
        return ZX_ERR_BAD_STATE;
    *room = 0;
    if (len == 0)
        return ZX_OK;
    if (len > UINT32_MAX)
        return ZX_ERR_INVALID_ARGS;
    uint32_t free = socket_room_locked(peer);
    if (free == 0)
        return ZX_ERR_SHOULD_WAIT;
    if (!(s->options & ZX_SOCKET_DATAGRAM)) {
        *room = min_u32((uint32_t)len, free);
        return ZX_OK;
    }
    if (len > SOCKET_DATAGRAM_MAX)
        return ZX_ERR_OUT_OF_RANGE;
    if (len > free)
        return ZX_ERR_SHOULD_WAIT;
    *room = (uint32_t)len;
    return ZX_OK;
}

zx_status_t socket_write_room(struct kobject *obj, size_t len, uint32_t *room)
{
    struct socket *s = socket_of(obj);
    hal_lock_acquire(&s->p.pair->lock);
    zx_status_t status = check_write_locked(s, len, room);
    hal_lock_release(&s->p.pair->lock);
    return status;
}

/* Append the first len bytes of m to r, which has storage reserved for them. */
static void put_message(struct ring *r, struct message *m, uint32_t len)
{
    for (uint32_t off = 0, n; off < len; off += n) {
        const uint8_t *bytes = message_bytes_at(m, off, &n);
        n = min_u32(n, len - off);
        ring_put(r, bytes, n);
    }
}

zx_status_t socket_write(struct kobject *obj, struct message *m, uint32_t len, uint32_t *written)
{
    struct socket *s = socket_of(obj);
    uint32_t room;
    hal_lock_acquire(&s->p.pair->lock);
    zx_status_t status = check_write_locked(s, len, &room);
    struct socket *peer = socket_peer_locked(s);
    bool datagram = s->options & ZX_SOCKET_DATAGRAM;
    uint32_t n = min_u32(room, len), header = datagram ? SOCKET_DATAGRAM_HEADER : 0;
    if (status == ZX_OK && n > 0)
        status = ring_reserve(&peer->ring, header + n);
    if (status == ZX_OK && n > 0) {
        if (datagram) {
            ring_put(&peer->ring, &n, header);
            peer->datagrams++;
        }
        put_message(&peer->ring, m, n);
        socket_update_signals_locked(s);
    }
    hal_lock_release(&s->p.pair->lock);
    *written = status == ZX_OK ? n : 0;
    return status;
}

zx_status_t socket_read(struct kobject *obj, size_t len, struct message **out, uint64_t *ticket)
{
    struct socket *s = socket_of(obj);
    if (len > UINT32_MAX)
        return ZX_ERR_INVALID_ARGS;
    hal_lock_acquire(&s->p.pair->lock);
    zx_status_t status = ZX_OK;
    struct message *m = NULL;
    if (ring_used(&s->ring) == 0) {
        /* Nothing to read: say whether anything ever will be. */
        if (!socket_peer_locked(s))
            status = ZX_ERR_PEER_CLOSED;
        else
            status = s->read_disabled ? ZX_ERR_BAD_STATE : ZX_ERR_SHOULD_WAIT;
    } else {
        bool datagram = s->options & ZX_SOCKET_DATAGRAM;
        uint32_t skip = datagram ? SOCKET_DATAGRAM_HEADER : 0;
        uint32_t avail = datagram ? socket_datagram_length_locked(s) : ring_used(&s->ring);
        uint32_t n = min_u32((uint32_t)len, avail);
        if (n > 0 && !(m = message_create(n, 0)))
            status = ZX_ERR_NO_MEMORY;
        for (uint32_t off = 0, piece; m && off < n; off += piece) {
            uint8_t *bytes = message_bytes_at(m, off, &piece);
            ring_peek(&s->ring, skip + off, bytes, piece);
        }
        *ticket = s->ring.head;
    }
    hal_lock_release(&s->p.pair->lock);
    *out = m;
    return status;
}

zx_status_t socket_consume(struct kobject *obj, uint64_t ticket, uint32_t len)
{
    struct socket *s = socket_of(obj);
    hal_lock_acquire(&s->p.pair->lock);
    zx_status_t status = ZX_OK;
    if (s->ring.head != ticket || ring_used(&s->ring) == 0) {
        status = ZX_ERR_SHOULD_WAIT; /* another reader was faster */
    } else if (s->options & ZX_SOCKET_DATAGRAM) {
        ring_drop(&s->ring, SOCKET_DATAGRAM_HEADER + socket_datagram_length_locked(s));
        s->datagrams--;
    } else {
        ring_drop(&s->ring, len);
    }
    socket_update_signals_locked(s);
    hal_lock_release(&s->p.pair->lock);
    return status;
}
