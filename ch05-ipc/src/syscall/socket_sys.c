/*: # The socket system calls

`socket_create` takes `ZX_SOCKET_STREAM` or `ZX_SOCKET_DATAGRAM` and gives two handles with the
socket's default rights: the basic ones, `READ` and `WRITE`, both property rights (for the
thresholds), `SIGNAL`, `SIGNAL_PEER` and `MANAGE_SOCKET` (for dispositions). Writing needs
`ZX_RIGHT_WRITE`, reading `ZX_RIGHT_READ`, `socket_set_disposition` `ZX_RIGHT_MANAGE_SOCKET`. As
in Zircon, the arguments that need no object are checked first: a NULL buffer with a size, an
unknown option or disposition is `ZX_ERR_INVALID_ARGS` whatever the handle.

A write copies what the socket can take now into a staging buffer (syscall/staging.h) and queues
it; the caller learns in `actual` how much went (a short write, for a stream). A read copies out,
then takes out what it delivered, and starts again if another reader took the same bytes first. A
read whose buffer is bad is `ZX_ERR_INVALID_ARGS` and takes nothing out of a stream; of a
datagram socket it drops the datagram, as Zircon does (Fuchsia's `DatagramSocketBadBufferTest`
expects it). A peek (`ZX_SOCKET_PEEK`) never takes anything out. */
#include "object/socket.h"
#include "syscall/caller.h"
#include "syscall/handle_give.h"
#include "syscall/staging.h"
#include "syscall/sys.h"

_Static_assert(SOCKET_CAPACITY <= ZX_CHANNEL_MAX_MSG_BYTES,
               "a staging message holds a full socket");

static zx_status_t get_socket(zx_handle_t handle, zx_rights_t need, struct kobject **obj)
{
    return caller_handle_get(handle, ZX_OBJ_TYPE_SOCKET, need, obj, NULL);
}

/* Write n to the optional user pointer actual. */
static zx_status_t give_actual(uaddr_t actual, size_t n)
{
    return actual && user_copy_out(actual, &n, sizeof n) != ZX_OK ? ZX_ERR_INVALID_ARGS : ZX_OK;
}

zx_status_t sys_socket_create(uint32_t options, uaddr_t out0, uaddr_t out1)
{
    struct kobject *a, *b;
    zx_status_t status = socket_create(options, &a, &b);
    return status == ZX_OK ? handle_give_pair(a, b, out0, out1) : status;
}

zx_status_t sys_socket_write(zx_handle_t handle, uint32_t options, uaddr_t buffer,
                             size_t buffer_size, uaddr_t actual)
{
    if ((buffer_size > 0 && !buffer) || options != 0)
        return ZX_ERR_INVALID_ARGS;
    struct kobject *s;
    zx_status_t status = get_socket(handle, ZX_RIGHT_WRITE, &s);
    if (status != ZX_OK)
        return status;
    struct message *m = NULL;
    uint32_t room = 0, written = 0;
    status = socket_write_room(s, buffer_size, &room);
    if (status == ZX_OK && room > 0 && (status = staging_from_user(buffer, room, &m)) == ZX_OK)
        status = socket_write(s, m, room, &written);
    if (m)
        message_destroy(m);
    kobject_unref(s);
    return status == ZX_OK ? give_actual(actual, written) : status;
}

/* One read of up to len bytes into buffer: copy out, then take out. *done is false when another
   reader took the bytes in between, and the read must be tried again. */
static zx_status_t read_once(struct kobject *s, bool peek, uaddr_t buffer, size_t len, size_t *got,
                             bool *done)
{
    struct message *m;
    uint64_t ticket;
    *done = true;
    zx_status_t status = socket_read(s, len, &m, &ticket);
    if (status != ZX_OK || !m) {
        *got = 0; /* nothing, or a read of 0 bytes, which takes nothing out */
        return status;
    }
    *got = m->num_bytes;
    status = staging_to_user(buffer, m);
    message_destroy(m);
    if (peek)
        return status;
    if (socket_consume(s, ticket, status == ZX_OK ? (uint32_t)*got : 0) != ZX_OK)
        *done = status != ZX_OK; /* a failed read has nothing to try again for */
    return status;
}

zx_status_t sys_socket_read(zx_handle_t handle, uint32_t options, uaddr_t buffer,
                            size_t buffer_size, uaddr_t actual)
{
    if ((buffer_size > 0 && !buffer) || (options & ~ZX_SOCKET_PEEK))
        return ZX_ERR_INVALID_ARGS;
    struct kobject *s;
    zx_status_t status = get_socket(handle, ZX_RIGHT_READ, &s);
    if (status != ZX_OK)
        return status;
    size_t got;
    bool done;
    do
        status = read_once(s, options & ZX_SOCKET_PEEK, buffer, buffer_size, &got, &done);
    while (!done);
    kobject_unref(s);
    return status == ZX_OK ? give_actual(actual, got) : status;
}

zx_status_t sys_socket_set_disposition(zx_handle_t handle, uint32_t disposition,
                                       uint32_t disposition_peer)
{
    if (!socket_disposition_valid(disposition) || !socket_disposition_valid(disposition_peer))
        return ZX_ERR_INVALID_ARGS;
    struct kobject *s;
    zx_status_t status = get_socket(handle, ZX_RIGHT_MANAGE_SOCKET, &s);
    if (status != ZX_OK)
        return status;
    status = socket_set_disposition(s, disposition, disposition_peer);
    kobject_unref(s);
    return status;
}
