/*: # Creating events, event pairs and channels

Each creation call takes an `options` word that must be 0 for now, makes the object, and hands the
caller one handle per object, with the type's default rights. What other options earn differs, as in
Fuchsia's reference: `ZX_ERR_INVALID_ARGS` for an event or a channel, `ZX_ERR_NOT_SUPPORTED` for an
event pair. */
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

zx_status_t sys_eventpair_create(uint32_t options, uaddr_t out0, uaddr_t out1)
{
    struct kobject *a, *b;
    if (options != 0)
        return ZX_ERR_NOT_SUPPORTED;
    zx_status_t status = eventpair_create(&a, &b);
    return status == ZX_OK ? handle_give_pair(a, b, out0, out1) : status;
}

zx_status_t sys_channel_create(uint32_t options, uaddr_t out0, uaddr_t out1)
{
    struct kobject *a, *b;
    if (options != 0)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = channel_create(&a, &b);
    return status == ZX_OK ? handle_give_pair(a, b, out0, out1) : status;
}
