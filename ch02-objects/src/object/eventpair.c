/*: # Event pair, implemented */
#include "object/eventpair.h"

#include "kernel/kmalloc.h"
#include "object/peered.h"

static void eventpair_on_zero_handles(struct kobject *obj)
{
    peered_disconnect(obj, 0, ZX_EVENTPAIR_PEER_CLOSED);
}

static void eventpair_destroy(struct kobject *obj)
{
    struct peered *p = container_of(obj, struct peered, base);
    peered_disconnect(obj, 0, ZX_EVENTPAIR_PEER_CLOSED);
    peered_release(p);
    kfree(p);
}

const struct kobject_type eventpair_type = {
    .name = "eventpair",
    .type = ZX_OBJ_TYPE_EVENTPAIR,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHT_SIGNAL | ZX_RIGHT_SIGNAL_PEER,
    .user_settable = ZX_EVENTPAIR_SIGNALED,
    .on_zero_handles = eventpair_on_zero_handles,
    .destroy = eventpair_destroy,
    .peer = peered_peer,
};

zx_status_t eventpair_create(struct kobject **out0, struct kobject **out1)
{
    struct peered *a = kzalloc(sizeof *a), *b = kzalloc(sizeof *b);
    zx_status_t status = a && b ? peered_init_pair(a, b, &eventpair_type) : ZX_ERR_NO_MEMORY;
    if (status != ZX_OK) {
        kfree(a);
        kfree(b);
        return status;
    }
    *out0 = &a->base;
    *out1 = &b->base;
    return ZX_OK;
}
