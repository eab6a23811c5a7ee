/*: # Channel messages, implemented */
#include "object/message.h"

#include <string.h>

#include "kernel/frame.h"
#include "kernel/kmalloc.h"

struct message *message_create(uint32_t num_bytes, uint32_t num_handles)
{
    _Static_assert(ZX_CHANNEL_MAX_MSG_HANDLES <= 64, "`counted` has a bit for every handle");
    if (num_bytes > ZX_CHANNEL_MAX_MSG_BYTES || num_handles > ZX_CHANNEL_MAX_MSG_HANDLES)
        return NULL;
    size_t head = sizeof(struct message) + num_handles * sizeof(struct message_handle);
    bool inline_bytes = head + num_bytes <= KMALLOC_MAX;
    struct message *m = kzalloc(head + (inline_bytes ? num_bytes : 0));
    if (!m)
        return NULL;
    m->num_bytes = num_bytes;
    if (inline_bytes)
        m->inline_bytes = (uint8_t *)m + head;
    for (uint32_t i = 0; !inline_bytes && i * PAGE_SIZE < num_bytes; i++) {
        if (!(m->pages[i] = frame_alloc())) {
            message_destroy(m);
            return NULL;
        }
    }
    m->num_handles = num_handles;
    return m;
}

void message_destroy(struct message *m)
{
    for (uint32_t i = 0; i < ZX_CHANNEL_MAX_MSG_BYTES / PAGE_SIZE && m->pages[i]; i++)
        frame_free(m->pages[i]);
    for (uint32_t i = 0; i < m->num_handles; i++) {
        struct kobject *obj = m->handles[i].obj;
        if (obj && (m->counted >> i & 1))
            kobject_handle_removed(obj); /* may be the object's last handle */
        if (obj)
            kobject_unref(obj);
    }
    kfree(m);
}

uint8_t *message_bytes_at(struct message *m, uint32_t offset, uint32_t *contiguous)
{
    if (m->inline_bytes) {
        *contiguous = m->num_bytes - offset;
        return m->inline_bytes + offset;
    }
    uint32_t in_page = offset % PAGE_SIZE;
    *contiguous = PAGE_SIZE - in_page;
    if (*contiguous > m->num_bytes - offset)
        *contiguous = m->num_bytes - offset;
    return (uint8_t *)hal_pmem_ptr(m->pages[offset / PAGE_SIZE]) + in_page;
}

void message_write(struct message *m, uint32_t offset, const void *src, uint32_t len)
{
    const uint8_t *s = src;
    for (uint32_t n; len > 0; offset += n, s += n, len -= n) {
        uint8_t *d = message_bytes_at(m, offset, &n);
        if (n > len)
            n = len;
        memcpy(d, s, n);
    }
}

void message_read(struct message *m, uint32_t offset, void *dst, uint32_t len)
{
    uint8_t *d = dst;
    for (uint32_t n; len > 0; offset += n, d += n, len -= n) {
        const uint8_t *s = message_bytes_at(m, offset, &n);
        if (n > len)
            n = len;
        memcpy(d, s, n);
    }
}
