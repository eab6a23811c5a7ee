/*: # Event, implemented */
#include "object/event.h"

#include "kernel/kmalloc.h"

struct event {
    struct kobject base;
};

static void event_destroy(struct kobject *obj)
{
    kfree(container_of(obj, struct event, base));
}

const struct kobject_type event_type = {
    .name = "event",
    .type = ZX_OBJ_TYPE_EVENT,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHT_SIGNAL,
    .user_settable = ZX_EVENT_SIGNALED,
    .destroy = event_destroy,
};

zx_status_t event_create(struct kobject **out)
{
    struct event *e = kzalloc(sizeof *e);
    if (!e)
        return ZX_ERR_NO_MEMORY;
    kobject_init(&e->base, &event_type);
    *out = &e->base;
    return ZX_OK;
}
