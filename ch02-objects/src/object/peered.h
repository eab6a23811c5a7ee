/*: # Objects that come in pairs

An event pair, a channel, a socket, a FIFO: each is created as two objects, two *ends*, and each end
knows the other. The link is weak: an end does not keep its peer alive. When the last handle to one
end goes, the link is cut on both sides and the other end learns it through its `PEER_CLOSED`
signal; from then on, operations that need the peer fail with `ZX_ERR_PEER_CLOSED`.

Both ends share one `struct pair` that holds the lock guarding the two links, so that a peer can
never be found half-gone. */
#ifndef ZINC_PEERED_H
#define ZINC_PEERED_H

#include "object/kobject.h"

struct pair {
    struct hal_lock lock; /* guards both ends' peer fields */
    uint32_t ends;        /* how many ends still exist (atomic): the pair is freed with the last */
};

struct peered {
    struct kobject base;
    struct pair *pair;
    struct peered *peer; /* NULL once the link is cut */
};

/* Initialise a and b as the two ends of one pair of the given type. ZX_ERR_NO_MEMORY. */
zx_status_t peered_init_pair(struct peered *a, struct peered *b, const struct kobject_type *type);

/* The peer of obj, with a new reference, or NULL once it is gone. */
struct kobject *peered_peer(struct kobject *obj);

/* Cut the link (when obj loses its last handle, or is destroyed) and change the peer's signals:
   clear, then set (its PEER_CLOSED signal). */
void peered_disconnect(struct kobject *obj, zx_signals_t clear, zx_signals_t set);

/* Release obj's share of the pair; call from the type's destroy. */
void peered_release(struct peered *p);

#endif
