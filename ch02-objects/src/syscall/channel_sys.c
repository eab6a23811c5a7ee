/*: # channel_write and channel_read

Writing moves handles out of the writer's table into the message: each must exist, carry
`ZX_RIGHT_TRANSFER`, and not be the channel being written to (a channel cannot carry itself). As in
Zircon, the handles named in a write are consumed whether it succeeds or not: a write refused for
its options, its channel handle, its sizes (even a list of more than `ZX_CHANNEL_MAX_MSG_HANDLES`)
or its bytes closes them all, and so does one refused for a handle in the list. Only a list the
kernel cannot read is left alone (or, for a long list, its unreadable part and what follows). The
checks come in Zircon's order: options, the channel handle, the sizes, the bytes, the list. Reading
moves the handles into the reader's table, with the rights they had. In between they are still
handles (object/handle.c): a channel end in flight keeps its peer. A read that fails after taking
its message (a bad pointer) closes the message's handles rather than leave the caller handles it was
never told about.

Bytes travel between user memory and the message's frames a page at a time (`message_bytes_at`), so
a 64 KiB message never needs a 64 KiB kernel buffer. The work on user memory is shared with chapter
5's calls (syscall/channel_msg.h), which name their handles in other forms. */
#include "object/channel.h"
#include "syscall/caller.h"
#include "syscall/channel_msg.h"
#include "syscall/sys.h"

/* Copy num_bytes between user memory at user and the message, in the direction `in` says. */
static zx_status_t copy_bytes(struct message *m, uaddr_t user, uint32_t num_bytes, bool in)
{
    for (uint32_t off = 0, n; off < num_bytes; off += n) {
        uint8_t *k = message_bytes_at(m, off, &n);
        zx_status_t status = in ? user_copy_in(k, user + off, n) : user_copy_out(user + off, k, n);
        if (status != ZX_OK)
            return status;
    }
    return ZX_OK;
}

/* Move the handles named in values out of table t into m. Every valid handle is taken, even after
   an error, because a write consumes them all; the first error is returned. */
static zx_status_t take_handles(struct handle_table *t, struct kobject *channel,
                                const zx_handle_t *values, uint32_t count, struct message *m)
{
    zx_status_t result = ZX_OK;
    for (uint32_t i = 0; i < count; i++) {
        struct kobject *obj = NULL;
        zx_rights_t rights = 0;
        zx_status_t status = handle_table_move_out(t, values[i], &obj, &rights);
        if (status == ZX_OK && obj == channel)
            status = ZX_ERR_NOT_SUPPORTED;
        else if (status == ZX_OK && !(rights & ZX_RIGHT_TRANSFER))
            status = ZX_ERR_ACCESS_DENIED;
        if (status == ZX_OK) {
            m->handles[i] = (struct message_handle){obj, rights};
            m->counted |= 1ull << i;
        } else if (obj) {
            handle_drop(obj);
        }
        if (status != ZX_OK && result == ZX_OK)
            result = status;
    }
    return result;
}

static zx_status_t take_values(const struct handles_in *in, struct handle_table *t,
                               struct kobject *ch, struct message *m)
{
    zx_handle_t values[ZX_CHANNEL_MAX_MSG_HANDLES];
    if (user_copy_in(values, in->user, in->count * sizeof(zx_handle_t)) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    return take_handles(t, ch, values, in->count, m); /* all consumed */
}

/* A write failed before its handles went into a message: close the count handles named at user,
   however many, reading the list a message's worth at a time, up to the first part that cannot be
   read. */
static void close_values(const struct handles_in *in, struct handle_table *t)
{
    zx_handle_t values[ZX_CHANNEL_MAX_MSG_HANDLES];
    for (uint32_t done = 0, n; done < in->count; done += n) {
        n = in->count - done;
        if (n > ZX_CHANNEL_MAX_MSG_HANDLES)
            n = ZX_CHANNEL_MAX_MSG_HANDLES;
        uaddr_t at = in->user + (uint64_t)done * sizeof *values;
        if (user_copy_in(values, at, n * sizeof *values) != ZX_OK)
            return;
        for (uint32_t i = 0; i < n; i++)
            handle_table_close(t, values[i]);
    }
}

struct handles_in handle_values_in(uaddr_t user, uint32_t count)
{
    return (struct handles_in){
        .user = user, .count = count, .take = take_values, .drop = close_values};
}

zx_status_t channel_msg_in(struct handle_table *t, struct kobject *ch, zx_status_t status,
                           uaddr_t bytes, uint32_t num_bytes, const struct handles_in *in,
                           struct message **out)
{
    struct message *m = NULL;
    bool too_big = in->count > ZX_CHANNEL_MAX_MSG_HANDLES || num_bytes > ZX_CHANNEL_MAX_MSG_BYTES;
    if (status == ZX_OK && too_big)
        status = ZX_ERR_OUT_OF_RANGE;
    else if (status == ZX_OK && !(m = message_create(num_bytes, in->count)))
        status = ZX_ERR_NO_MEMORY;
    if (status == ZX_OK)
        status = copy_bytes(m, bytes, num_bytes, true);
    if (status != ZX_OK)
        in->drop(in, t);
    else
        status = in->take(in, t, ch, m);
    if (status != ZX_OK && m)
        message_destroy(m);
    *out = status == ZX_OK ? m : NULL;
    return status;
}

zx_status_t sys_channel_write(zx_handle_t handle, uint32_t options, uaddr_t bytes,
                              uint32_t num_bytes, uaddr_t handles, uint32_t num_handles)
{
    struct kobject *ch = NULL;
    zx_status_t status = ZX_ERR_INVALID_ARGS;
    if (options == 0)
        status = caller_handle_get(handle, ZX_OBJ_TYPE_CHANNEL, ZX_RIGHT_WRITE, &ch, NULL);
    struct handles_in in = handle_values_in(handles, num_handles);
    struct message *m;
    status = channel_msg_in(zx_caller_current()->handles, ch, status, bytes, num_bytes, &in, &m);
    if (status == ZX_OK)
        status = channel_write(ch, m); /* takes m, even on failure */
    if (ch)
        kobject_unref(ch);
    return status;
}

zx_status_t handle_value_out(uaddr_t user, uint32_t i, zx_handle_t value,
                             const struct kobject *obj, zx_rights_t rights)
{
    return user_copy_out(user + i * sizeof value, &value, sizeof value);
}

zx_status_t channel_msg_out(struct handle_table *t, struct message *m, uaddr_t bytes,
                            uaddr_t handles, handle_out_fn out)
{
    zx_status_t status = copy_bytes(m, bytes, m->num_bytes, false);
    for (uint32_t i = 0; i < m->num_handles && status == ZX_OK; i++) {
        zx_handle_t value = ZX_HANDLE_INVALID;
        struct message_handle h = m->handles[i];
        kobject_ref(h.obj); /* for out, which may look at it after the table has it */
        status = m->counted >> i & 1 ? handle_table_move_in(t, h.obj, h.rights, &value)
                            : handle_table_add(t, h.obj, h.rights, &value);
        /* the table took the handle, or ended it; message_destroy ends those not reached */
        m->handles[i].obj = NULL;
        if (status == ZX_OK && out(handles, i, value, h.obj, h.rights) != ZX_OK) {
            handle_table_close(t, value);
            status = ZX_ERR_INVALID_ARGS;
        }
        kobject_unref(h.obj);
    }
    message_destroy(m);
    return status;
}

zx_status_t channel_read_into(struct kobject *ch, uint32_t options, uaddr_t bytes, uaddr_t handles,
                              uint32_t num_bytes, uint32_t num_handles, uaddr_t actual_bytes,
                              uaddr_t actual_handles, handle_out_fn out)
{
    struct message *m = NULL;
    uint32_t nb = 0, nh = 0;
    zx_status_t status = ZX_ERR_INVALID_ARGS;
    if (!(options & ~ZX_CHANNEL_READ_MAY_DISCARD))
        status = channel_read(ch, num_bytes, num_handles, options & ZX_CHANNEL_READ_MAY_DISCARD, &m,
                              &nb, &nh);
    if (status != ZX_OK && status != ZX_ERR_BUFFER_TOO_SMALL)
        return status;
    if ((actual_bytes && user_copy_out(actual_bytes, &nb, sizeof nb) != ZX_OK) ||
        (actual_handles && user_copy_out(actual_handles, &nh, sizeof nh) != ZX_OK)) {
        if (m)
            message_destroy(m); /* it left the channel: its handles close with it */
        return ZX_ERR_INVALID_ARGS;
    }
    return m ? channel_msg_out(zx_caller_current()->handles, m, bytes, handles, out) : status;
}

zx_status_t sys_channel_read(zx_handle_t handle, uint32_t options, uaddr_t bytes, uaddr_t handles,
                             uint32_t num_bytes, uint32_t num_handles, uaddr_t actual_bytes,
                             uaddr_t actual_handles)
{
    struct kobject *ch;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_CHANNEL, ZX_RIGHT_READ, &ch, NULL);
    if (status != ZX_OK)
        return status;
    status = channel_read_into(ch, options, bytes, handles, num_bytes, num_handles, actual_bytes,
                               actual_handles, handle_value_out);
    kobject_unref(ch);
    return status;
}
