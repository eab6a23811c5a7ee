/*: # Socket, implemented: the object and its state

Both ends' rings, dispositions and thresholds are guarded by the pair's lock (object/peered.h),
like a channel's queues, so that a writer finds its peer and fills its ring in one step. Every
change ends with `socket_update_signals_locked`, which computes both ends' signals afresh from
that state (the table in socket.h) rather than patching bits here and there: a rule that is
written once cannot disagree with itself.

Dispositions are the socket's *shutdown*. Disabling an end's writes is final for what it wrote
before: the peer still reads that, then gets `ZX_ERR_BAD_STATE` instead of waiting for more that
will never come. Writes may be enabled again only once the peer has read everything written
before they were disabled (`ZX_ERR_BAD_STATE` until then), so that nothing old mixes with what
follows. Each end keeps both its own flag and a copy of its peer's (`read_disabled`), because the
peer may be gone and the rule still hold, as Fuchsia's
`SocketTest.SetDispositionOfClosedPeerWithBufferedData` checks. */
#include "object/socket.h"

#include "kernel/kmalloc.h"

#define SOCKET_SIGNALS                                                                             \
    (ZX_SOCKET_READABLE | ZX_SOCKET_WRITABLE | ZX_SOCKET_PEER_CLOSED |                             \
     ZX_SOCKET_PEER_WRITE_DISABLED | ZX_SOCKET_WRITE_DISABLED | ZX_SOCKET_READ_THRESHOLD |         \
     ZX_SOCKET_WRITE_THRESHOLD)

struct socket *socket_of(struct kobject *obj)
{
    return container_of(container_of(obj, struct peered, base), struct socket, p);
}

struct socket *socket_peer_locked(struct socket *s)
{
    return s->p.peer ? container_of(s->p.peer, struct socket, p) : NULL;
}

/* The bytes of data s holds for reading, without the datagrams' length words. */
static uint32_t payload(const struct socket *s)
{
    return ring_used(&s->ring) - s->datagrams * SOCKET_DATAGRAM_HEADER;
}

/* The most one write could put into s's ring now. */
uint32_t socket_room_locked(const struct socket *s)
{
    uint32_t room = ring_room(&s->ring);
    if (!(s->options & ZX_SOCKET_DATAGRAM))
        return room;
    return room > SOCKET_DATAGRAM_HEADER ? room - SOCKET_DATAGRAM_HEADER : 0;
}

static zx_signals_t signals_of(struct socket *s)
{
    struct socket *peer = socket_peer_locked(s);
    zx_signals_t set = 0;
    if (ring_used(&s->ring))
        set |= ZX_SOCKET_READABLE;
    if (peer && !s->write_disabled && socket_room_locked(peer) > 0)
        set |= ZX_SOCKET_WRITABLE;
    if (!peer)
        set |= ZX_SOCKET_PEER_CLOSED;
    if (s->read_disabled)
        set |= ZX_SOCKET_PEER_WRITE_DISABLED;
    if (s->write_disabled)
        set |= ZX_SOCKET_WRITE_DISABLED;
    if (s->read_threshold && payload(s) >= s->read_threshold)
        set |= ZX_SOCKET_READ_THRESHOLD;
    if (peer && s->write_threshold && socket_room_locked(peer) >= s->write_threshold)
        set |= ZX_SOCKET_WRITE_THRESHOLD;
    return set;
}

void socket_update_signals_locked(struct socket *s)
{
    struct socket *peer = socket_peer_locked(s);
    kobject_signal(&s->p.base, SOCKET_SIGNALS, signals_of(s));
    if (peer)
        kobject_signal(&peer->p.base, SOCKET_SIGNALS, signals_of(peer));
}

/* The peer's last handle is gone, or the peer itself: it can no longer be written to. */
static void socket_on_zero_handles(struct kobject *obj)
{
    peered_disconnect(obj, ZX_SOCKET_WRITABLE | ZX_SOCKET_WRITE_THRESHOLD, ZX_SOCKET_PEER_CLOSED);
}

static void socket_destroy(struct kobject *obj)
{
    struct socket *s = socket_of(obj);
    socket_on_zero_handles(obj);
    ring_destroy(&s->ring);
    peered_release(&s->p);
    kfree(s);
}

const struct kobject_type socket_type = {
    .name = "socket",
    .type = ZX_OBJ_TYPE_SOCKET,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHTS_IO | ZX_RIGHTS_PROPERTY | ZX_RIGHT_SIGNAL |
                      ZX_RIGHT_SIGNAL_PEER | ZX_RIGHT_MANAGE_SOCKET,
    .on_zero_handles = socket_on_zero_handles,
    .destroy = socket_destroy,
    .peer = peered_peer,
};

zx_status_t socket_create(uint32_t options, struct kobject **out0, struct kobject **out1)
{
    if (options & ~ZX_SOCKET_CREATE_MASK)
        return ZX_ERR_INVALID_ARGS;
    struct socket *a = kzalloc(sizeof *a), *b = kzalloc(sizeof *b);
    zx_status_t status = a && b ? peered_init_pair(&a->p, &b->p, &socket_type) : ZX_ERR_NO_MEMORY;
    if (status != ZX_OK) {
        kfree(a);
        kfree(b);
        return status;
    }
    a->options = b->options = options;
    ring_init(&a->ring, SOCKET_CAPACITY);
    ring_init(&b->ring, SOCKET_CAPACITY);
    hal_lock_acquire(&a->p.pair->lock);
    socket_update_signals_locked(a);
    hal_lock_release(&a->p.pair->lock);
    *out0 = &a->p.base;
    *out1 = &b->p.base;
    return ZX_OK;
}

/* 0 (no change), or whether writes become disabled; -1 for a value that is neither. */
static int disposition_of(uint32_t d)
{
    switch (d) {
    case 0:
        return 0;
    case ZX_SOCKET_DISPOSITION_WRITE_DISABLED:
        return 1;
    case ZX_SOCKET_DISPOSITION_WRITE_ENABLED:
        return 2;
    default:
        return -1;
    }
}

bool socket_disposition_valid(uint32_t d)
{
    return disposition_of(d) >= 0;
}

zx_status_t socket_set_disposition(struct kobject *obj, uint32_t disposition,
                                   uint32_t disposition_peer)
{
    int mine = disposition_of(disposition), theirs = disposition_of(disposition_peer);
    if (mine < 0 || theirs < 0)
        return ZX_ERR_INVALID_ARGS;
    struct socket *s = socket_of(obj);
    hal_lock_acquire(&s->p.pair->lock);
    struct socket *peer = socket_peer_locked(s);
    zx_status_t status = ZX_OK;
    /* Enabling an end's writes waits until what it wrote while they were enabled before is read. */
    if (theirs == 2 && s->read_disabled && ring_used(&s->ring))
        status = ZX_ERR_BAD_STATE;
    else if (mine == 2 && peer && peer->read_disabled && ring_used(&peer->ring))
        status = ZX_ERR_BAD_STATE;
    if (status == ZX_OK && mine) {
        s->write_disabled = mine == 1;
        if (peer)
            peer->read_disabled = s->write_disabled;
    }
    if (status == ZX_OK && theirs) {
        s->read_disabled = theirs == 1;
        if (peer)
            peer->write_disabled = s->read_disabled;
    }
    socket_update_signals_locked(s);
    hal_lock_release(&s->p.pair->lock);
    return status;
}

/* The length of the datagram at the head of s's ring (which holds one). */
uint32_t socket_datagram_length_locked(const struct socket *s)
{
    uint32_t len;
    ring_peek(&s->ring, 0, &len, sizeof len);
    return len;
}

void socket_info(struct kobject *obj, zx_info_socket_t *info)
{
    struct socket *s = socket_of(obj);
    hal_lock_acquire(&s->p.pair->lock);
    struct socket *peer = socket_peer_locked(s);
    *info = (zx_info_socket_t){
        .options = s->options,
        .rx_buf_max = s->ring.capacity,
        .rx_buf_size = payload(s),
        .rx_buf_available = s->datagrams ? socket_datagram_length_locked(s) : payload(s),
        .tx_buf_max = peer ? peer->ring.capacity : 0,
        .tx_buf_size = peer ? payload(peer) : 0,
    };
    hal_lock_release(&s->p.pair->lock);
}

size_t socket_threshold(struct kobject *obj, bool tx)
{
    struct socket *s = socket_of(obj);
    hal_lock_acquire(&s->p.pair->lock);
    size_t value = tx ? s->write_threshold : s->read_threshold;
    hal_lock_release(&s->p.pair->lock);
    return value;
}

zx_status_t socket_set_threshold(struct kobject *obj, bool tx, size_t value)
{
    struct socket *s = socket_of(obj);
    hal_lock_acquire(&s->p.pair->lock);
    struct socket *peer = socket_peer_locked(s);
    zx_status_t status = ZX_OK;
    if (tx && !peer)
        status = ZX_ERR_PEER_CLOSED;
    else if (value > (tx ? peer : s)->ring.capacity)
        status = ZX_ERR_INVALID_ARGS;
    else if (tx)
        s->write_threshold = value;
    else
        s->read_threshold = value;
    socket_update_signals_locked(s);
    hal_lock_release(&s->p.pair->lock);
    return status;
}
