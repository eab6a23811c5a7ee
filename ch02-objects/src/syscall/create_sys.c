/*: # Creating events, event pairs and channels

Each creation call takes an `options` word that must be 0 for now, makes the object, and hands the caller
one handle per object, with the type's default rights. What other options earn differs, as in Fuchsia's
reference: `ZX_ERR_INVALID_ARGS` for an event or a channel, `ZX_ERR_NOT_SUPPORTED` for an event pair. */
#include "object/channel.h"
#include "object/event.h"
#include "object/eventpair.h"
#include "syscall/handle_give.h"
#include "syscall/sys.h"

zx_status_t sys_event_create(uint32_t options, uaddr_t out)
{
    struct kobject *e;
    if (options != 0)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = event_create(&e);
    return status == ZX_OK ? handle_give(e, e->type->default_rights, out, NULL) : status;
}

/* Hand out both ends of a pair; if the second cannot be handed out, the first is taken back. */
static zx_status_t give_pair(struct kobject *a, struct kobject *b, uaddr_t out0, uaddr_t out1)
{
    zx_handle_t first;
    zx_status_t status = handle_give(a, a->type->default_rights, out0, &first);
    if (status != ZX_OK) {
        kobject_unref(b);
        return status;
    }
    status = handle_give(b, b->type->default_rights, out1, NULL);
    if (status != ZX_OK)
        sys_handle_close(first);
    return status;
}

zx_status_t sys_eventpair_create(uint32_t options, uaddr_t out0, uaddr_t out1)
{
    struct kobject *a, *b;
    if (options != 0)
        return ZX_ERR_NOT_SUPPORTED;
    zx_status_t status = eventpair_create(&a, &b);
    return status == ZX_OK ? give_pair(a, b, out0, out1) : status;
}

zx_status_t sys_channel_create(uint32_t options, uaddr_t out0, uaddr_t out1)
{
    struct kobject *a, *b;
    if (options != 0)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = channel_create(&a, &b);
    return status == ZX_OK ? give_pair(a, b, out0, out1) : status;
}
