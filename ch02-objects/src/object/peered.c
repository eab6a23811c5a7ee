/*: # Objects that come in pairs, implemented */
#include "object/peered.h"

#include "kernel/kmalloc.h"

zx_status_t peered_init_pair(struct peered *a, struct peered *b, const struct kobject_type *type)
{
    struct pair *pair = kzalloc(sizeof *pair);
    if (!pair)
        return ZX_ERR_NO_MEMORY;
    hal_lock_init(&pair->lock);
    pair->ends = 2;
    kobject_init(&a->base, type);
    kobject_init(&b->base, type);
    a->base.related_koid = b->base.koid;
    b->base.related_koid = a->base.koid;
    a->pair = b->pair = pair;
    a->peer = b;
    b->peer = a;
    return ZX_OK;
}

struct kobject *peered_peer(struct kobject *obj)
{
    struct peered *p = container_of(obj, struct peered, base);
    hal_lock_acquire(&p->pair->lock);
    struct kobject *peer = p->peer ? &p->peer->base : NULL;
    if (peer)
        kobject_ref(peer);
    hal_lock_release(&p->pair->lock);
    return peer;
}

void peered_disconnect(struct kobject *obj, zx_signals_t clear, zx_signals_t set)
{
    struct peered *p = container_of(obj, struct peered, base);
    hal_lock_acquire(&p->pair->lock);
    struct peered *peer = p->peer;
    if (peer) {
        peer->peer = NULL;
        p->peer = NULL;
        kobject_ref(&peer->base);
    }
    hal_lock_release(&p->pair->lock);
    if (peer) {
        kobject_signal(&peer->base, clear, set);
        kobject_unref(&peer->base);
    }
}

void peered_release(struct peered *p)
{
    if (__atomic_sub_fetch(&p->pair->ends, 1, __ATOMIC_ACQ_REL) == 0)
        kfree(p->pair);
}
