/*: # Event pair

Two events joined at the hip: each end can signal itself (`object_signal`) or the other
(`object_signal_peer`), and each learns when the other's last handle is closed
(`ZX_EVENTPAIR_PEER_CLOSED`). Programs use one to tie two lifetimes together. */
#ifndef ZINC_EVENTPAIR_H
#define ZINC_EVENTPAIR_H

#include "object/kobject.h"

/* Two new ends; the caller owns a reference to each. ZX_ERR_NO_MEMORY. */
zx_status_t eventpair_create(struct kobject **out0, struct kobject **out1);

extern const struct kobject_type eventpair_type;

#endif
