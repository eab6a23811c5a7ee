/*: # Handle dispositions and handle records, implemented

A disposition is checked in Zircon's order: its operation, the handle, that it is not the channel
written to, the `TRANSFER` right, the type it claims, the `DUPLICATE` right for a duplication, and
rights that are a subset of the handle's. A moved handle leaves the writer's table at once, even
when a later check fails, since a write consumes it; a duplicated one is only looked up, and the
message holds a new reference that becomes a handle when it is read. */
#include "syscall/handle_forms.h"

#include "object/kobject.h"
#include "zircon/channel_call.h"

#define CHUNK ZX_CHANNEL_MAX_MSG_HANDLES

/* Check one disposition d against obj, which the writer holds with rights; the rights the message
   gets, in *give. */
static zx_status_t check(const zx_handle_disposition_t *d, struct kobject *ch, struct kobject *obj,
                         zx_rights_t rights, zx_rights_t *give)
{
    if (obj == ch)
        return ZX_ERR_NOT_SUPPORTED;
    if (!(rights & ZX_RIGHT_TRANSFER))
        return ZX_ERR_ACCESS_DENIED;
    if (d->type != ZX_OBJ_TYPE_NONE && d->type != obj->type->type)
        return ZX_ERR_WRONG_TYPE;
    if (d->operation == ZX_HANDLE_OP_DUPLICATE && !(rights & ZX_RIGHT_DUPLICATE))
        return ZX_ERR_ACCESS_DENIED;
    if (d->rights != ZX_RIGHT_SAME_RIGHTS && d->rights & ~rights)
        return ZX_ERR_INVALID_ARGS;
    *give = d->rights == ZX_RIGHT_SAME_RIGHTS ? rights : d->rights;
    return ZX_OK;
}

/* Put the handle of disposition d into slot i of m, or say why not (and consume it if moved). */
static zx_status_t take_one(struct handle_table *t, struct kobject *ch,
                            const zx_handle_disposition_t *d, uint32_t i, struct message *m)
{
    bool move = d->operation != ZX_HANDLE_OP_DUPLICATE;
    struct kobject *obj = NULL;
    zx_rights_t rights = 0, give = 0;
    zx_status_t status = move ? handle_table_move_out(t, d->handle, &obj, &rights)
                              : handle_table_get(t, d->handle, ZX_OBJ_TYPE_NONE, 0, &obj, &rights);
    if (status == ZX_OK && d->operation != ZX_HANDLE_OP_MOVE && move)
        status = ZX_ERR_INVALID_ARGS;
    else if (status == ZX_OK)
        status = check(d, ch, obj, rights, &give);
    if (status == ZX_OK) {
        m->handles[i] = (struct message_handle){obj, give};
        if (move)
            m->counted |= 1ull << i;
    } else if (obj) {
        if (move)
            handle_drop(obj);
        else
            kobject_unref(obj);
    }
    return status;
}

static zx_status_t take_dispositions(const struct handles_in *in, struct handle_table *t,
                                     struct kobject *ch, struct message *m)
{
    zx_handle_disposition_t d[CHUNK];
    if (user_copy_in(d, in->user, in->count * sizeof *d) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t result = ZX_OK;
    for (uint32_t i = 0; i < in->count; i++) {
        zx_status_t status = take_one(t, ch, &d[i], i, m);
        if (status == ZX_OK)
            continue;
        uaddr_t at = in->user + i * sizeof *d + offsetof(zx_handle_disposition_t, result);
        user_copy_out(at, &status, sizeof status); /* the caller's loss if it cannot be told */
        if (result == ZX_OK)
            result = status;
    }
    return result;
}

/* Consume what a failed write must: every handle not to be duplicated, a chunk at a time. */
static void drop_dispositions(const struct handles_in *in, struct handle_table *t)
{
    zx_handle_disposition_t d[CHUNK];
    for (uint32_t done = 0, n; done < in->count; done += n) {
        n = in->count - done < CHUNK ? in->count - done : CHUNK;
        if (user_copy_in(d, in->user + (uint64_t)done * sizeof *d, n * sizeof *d) != ZX_OK)
            return;
        for (uint32_t i = 0; i < n; i++)
            if (d[i].operation != ZX_HANDLE_OP_DUPLICATE)
                handle_table_close(t, d[i].handle);
    }
}

struct handles_in handle_dispositions_in(uaddr_t user, uint32_t count)
{
    return (struct handles_in){
        .user = user, .count = count, .take = take_dispositions, .drop = drop_dispositions};
}

zx_status_t handle_info_out(uaddr_t user, uint32_t i, zx_handle_t value, const struct kobject *obj,
                            zx_rights_t rights)
{
    zx_handle_info_t info = {.handle = value, .type = obj->type->type, .rights = rights};
    return user_copy_out(user + i * sizeof info, &info, sizeof info);
}
