/*: # Channel, implemented

Both queues and both peer links are guarded by the pair's lock (object/peered.h), so a writer finds
the peer and queues its message in one step, and can never queue into an end that is going away.
Signals change under that lock too, so `READABLE` is set exactly while a queue is not empty. A
message a catcher takes (chapter 5's `channel_call`, catching its reply) is never queued. */
#include "object/channel.h"

#include "kernel/kmalloc.h"
#include "object/peered.h"

struct channel {
    struct peered p;
    struct message *head, *tail; /* messages for this end to read; guarded by p.pair->lock */
    struct channel_catcher *catchers; /* offered each message first; guarded by p.pair->lock */
};

static struct channel *channel_of(struct kobject *obj)
{
    return container_of(container_of(obj, struct peered, base), struct channel, p);
}

static void channel_on_zero_handles(struct kobject *obj)
{
    peered_disconnect(obj, ZX_CHANNEL_WRITABLE, ZX_CHANNEL_PEER_CLOSED);
}

static void channel_destroy(struct kobject *obj)
{
    struct channel *ch = channel_of(obj);
    peered_disconnect(obj, ZX_CHANNEL_WRITABLE, ZX_CHANNEL_PEER_CLOSED);
    while (ch->head) {
        struct message *m = ch->head;
        ch->head = m->next;
        message_destroy(m);
    }
    peered_release(&ch->p);
    kfree(ch);
}

const struct kobject_type channel_type = {
    .name = "channel",
    .type = ZX_OBJ_TYPE_CHANNEL,
    /* Every basic right but ZX_RIGHT_DUPLICATE, as in Fuchsia: a channel end has one owner. */
    .default_rights = (ZX_RIGHTS_BASIC & ~ZX_RIGHT_DUPLICATE) | ZX_RIGHTS_IO | ZX_RIGHT_SIGNAL |
                      ZX_RIGHT_SIGNAL_PEER,
    .on_zero_handles = channel_on_zero_handles,
    .destroy = channel_destroy,
    .peer = peered_peer,
};

zx_status_t channel_create(struct kobject **out0, struct kobject **out1)
{
    struct channel *a = kzalloc(sizeof *a), *b = kzalloc(sizeof *b);
    zx_status_t status = a && b ? peered_init_pair(&a->p, &b->p, &channel_type) : ZX_ERR_NO_MEMORY;
    if (status != ZX_OK) {
        kfree(a);
        kfree(b);
        return status;
    }
    kobject_signal(&a->p.base, 0, ZX_CHANNEL_WRITABLE);
    kobject_signal(&b->p.base, 0, ZX_CHANNEL_WRITABLE);
    *out0 = &a->p.base;
    *out1 = &b->p.base;
    return ZX_OK;
}

void channel_catcher_add(struct kobject *obj, struct channel_catcher *c)
{
    struct channel *ch = channel_of(obj);
    hal_lock_acquire(&ch->p.pair->lock);
    struct channel_catcher **at = &ch->catchers;
    while (*at)
        at = &(*at)->next;
    c->next = NULL;
    *at = c;
    hal_lock_release(&ch->p.pair->lock);
}

void channel_catcher_remove(struct kobject *obj, struct channel_catcher *c)
{
    struct channel *ch = channel_of(obj);
    hal_lock_acquire(&ch->p.pair->lock);
    for (struct channel_catcher **at = &ch->catchers; *at; at = &(*at)->next) {
        if (*at == c) {
            *at = c->next;
            break;
        }
    }
    hal_lock_release(&ch->p.pair->lock);
}

/* Offer m to ch's catchers, under the pair's lock: true if one took it. */
static bool caught(struct channel *ch, struct message *m)
{
    for (struct channel_catcher **at = &ch->catchers; *at; at = &(*at)->next) {
        struct channel_catcher *c = *at;
        if (c->take(c, m)) {
            *at = c->next;
            return true;
        }
    }
    return false;
}

zx_status_t channel_write(struct kobject *obj, struct message *m)
{
    struct channel *ch = channel_of(obj);
    struct hal_lock *lock = &ch->p.pair->lock;
    hal_lock_acquire(lock);
    struct channel *peer = ch->p.peer ? container_of(ch->p.peer, struct channel, p) : NULL;
    if (!peer) {
        hal_lock_release(lock);
        message_destroy(m);
        return ZX_ERR_PEER_CLOSED;
    }
    if (caught(peer, m)) {
        hal_lock_release(lock);
        return ZX_OK;
    }
    m->next = NULL;
    if (peer->tail)
        peer->tail->next = m;
    else
        peer->head = m;
    peer->tail = m;
    kobject_signal(&peer->p.base, 0, ZX_CHANNEL_READABLE);
    hal_lock_release(lock);
    return ZX_OK;
}

zx_status_t channel_read(struct kobject *obj, uint32_t bytes_cap, uint32_t handles_cap,
                         bool may_discard, struct message **out, uint32_t *actual_bytes,
                         uint32_t *actual_handles)
{
    struct channel *ch = channel_of(obj);
    struct hal_lock *lock = &ch->p.pair->lock;
    hal_lock_acquire(lock);
    struct message *m = ch->head;
    if (!m) {
        zx_status_t status = ch->p.peer ? ZX_ERR_SHOULD_WAIT : ZX_ERR_PEER_CLOSED;
        hal_lock_release(lock);
        return status;
    }
    /* LAB ch02-channel-read-size BEGIN: report the message's size in *actual_bytes and
       *actual_handles, and take it off the queue only if it fits in bytes_cap and handles_cap; if
       it does not fit, answer ZX_ERR_BUFFER_TOO_SMALL, and leave it queued unless may_discard, in
       which case destroy it. Keep ZX_CHANNEL_READABLE set exactly while the queue is not empty.
       stub:
    *actual_bytes = m->num_bytes;
    *actual_handles = m->num_handles;
    ch->head = m->next;
    if (!ch->head) {
        ch->tail = NULL;
        kobject_signal(&ch->p.base, ZX_CHANNEL_READABLE, 0);
    }
    hal_lock_release(lock);
    *out = m;
    return ZX_OK;
    */
    *actual_bytes = m->num_bytes;
    *actual_handles = m->num_handles;
    bool fits = m->num_bytes <= bytes_cap && m->num_handles <= handles_cap;
    if (fits || may_discard) {
        ch->head = m->next;
        if (!ch->head) {
            ch->tail = NULL;
            kobject_signal(&ch->p.base, ZX_CHANNEL_READABLE, 0);
        }
    }
    hal_lock_release(lock);
    if (!fits) {
        if (may_discard)
            message_destroy(m);
        return ZX_ERR_BUFFER_TOO_SMALL;
    }
    *out = m;
    return ZX_OK;
    /* LAB END */
}
