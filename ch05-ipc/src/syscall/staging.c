/*: # Staging buffers, implemented

The copy goes a page of the message at a time, since only a page of it is contiguous in the
kernel. */
#include "syscall/staging.h"

zx_status_t staging_from_user(uaddr_t user, uint32_t len, struct message **out)
{
    struct message *m = message_create(len, 0);
    if (!m)
        return ZX_ERR_NO_MEMORY;
    for (uint32_t off = 0, n; off < len; off += n) {
        uint8_t *bytes = message_bytes_at(m, off, &n);
        if (user_copy_in(bytes, user + off, n) != ZX_OK) {
            message_destroy(m);
            return ZX_ERR_INVALID_ARGS;
        }
    }
    *out = m;
    return ZX_OK;
}

zx_status_t staging_to_user(uaddr_t user, struct message *m)
{
    for (uint32_t off = 0, n; off < m->num_bytes; off += n) {
        uint8_t *bytes = message_bytes_at(m, off, &n);
        if (user_copy_out(user + off, bytes, n) != ZX_OK)
            return ZX_ERR_INVALID_ARGS;
    }
    return ZX_OK;
}
