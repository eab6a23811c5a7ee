/*: # Reading a process's memory, for the tests: through the mappings

A byte at a time would do; a mapping at a time is as simple: find the entry of the root VMAR that
covers the address (a Linux process has no child VMARs) and copy within it. */
#include "process_memory.h"

#include "vm/vmar.h"

static bool copy(struct process *p, vaddr_t va, void *buf, size_t len, bool writing)
{
    struct vmar *root = p->space;
    uint8_t *bytes = buf;
    while (len) {
        struct vmar_entry *e = root->entries;
        while (e && !(va >= e->base && va < e->base + e->size))
            e = e->next;
        if (!e || !e->mapping)
            return false;
        size_t n = e->base + e->size - va < len ? e->base + e->size - va : len;
        uint64_t offset = e->mapping->vmo_offset + (va - e->base);
        zx_status_t status = writing ? vmo_write(e->mapping->vmo, offset, bytes, n)
                                     : vmo_read(e->mapping->vmo, offset, bytes, n);
        if (status != ZX_OK)
            return false;
        va += n;
        bytes += n;
        len -= n;
    }
    return true;
}

bool process_memory_read(struct process *p, vaddr_t va, void *buf, size_t len)
{
    return copy(p, va, buf, len, false);
}

bool process_memory_write(struct process *p, vaddr_t va, const void *buf, size_t len)
{
    return copy(p, va, (void *)buf, len, true);
}
