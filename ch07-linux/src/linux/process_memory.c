/*: # Looking into another process's memory, implemented

The mapping is found with a walk of the VMAR tree (vm/vmar_walk.h), which holds the address
space's lock: the visitor only notes the VMO (with a reference) and where in it the address falls,
and the bytes are read after the walk, with no lock held. A read that crosses from one mapping
into the next walks again for the next one. */
#include "linux/process_memory.h"

#include "vm/mapping.h"
#include "vm/vmar_walk.h"
#include "vm/vmo.h"
#include "zircon/vmar.h"

/* p's root VMAR, with a reference, or NULL once its address space is gone. */
static struct vmar *space_of(struct process *p)
{
    hal_lock_acquire(&p->lock); /* the provider clears p->space under it (vm/process_space.c) */
    struct vmar *root = p->space;
    if (root)
        kobject_ref(&root->base);
    hal_lock_release(&p->lock);
    return root;
}

/* What the walk looks for (addr) and finds: the VMO, the offset of addr in it, and how many bytes
   from there the mapping covers. */
struct place {
    vaddr_t addr;
    struct vmo *vmo; /* a reference; NULL if nothing readable is mapped at addr */
    uint64_t offset;
    size_t left;
};

static void find_place(const struct vmar_node *node, void *arg)
{
    struct place *pl = arg;
    struct vm_mapping *m = node->mapping;
    if (!m || pl->vmo || pl->addr < m->base || pl->addr - m->base >= m->size ||
        !(m->perms & ZX_VM_PERM_READ))
        return;
    kobject_ref(&m->vmo->base);
    pl->vmo = m->vmo;
    pl->offset = m->vmo_offset + (pl->addr - m->base);
    pl->left = m->size - (pl->addr - m->base);
}

size_t process_memory_read(struct process *p, vaddr_t addr, void *buf, size_t len)
{
    struct vmar *root = space_of(p);
    size_t done = 0;
    while (root && done < len) {
        struct place pl = {.addr = addr + done};
        if (vmar_walk(root, find_place, &pl) != ZX_OK || !pl.vmo)
            break;
        size_t n = len - done < pl.left ? len - done : pl.left;
        zx_status_t status = vmo_read(pl.vmo, pl.offset, (char *)buf + done, n);
        kobject_unref(&pl.vmo->base);
        if (status != ZX_OK)
            break;
        done += n;
    }
    if (root)
        kobject_unref(&root->base);
    return done;
}

struct usage {
    uint64_t mapped, resident;
};

static void count_mapping(const struct vmar_node *node, void *arg)
{
    struct usage *u = arg;
    struct vm_mapping *m = node->mapping;
    if (!m)
        return;
    u->mapped += m->size;
    u->resident += vmo_committed_pages(m->vmo, m->vmo_offset, m->size);
}

void process_memory_usage(struct process *p, uint64_t *mapped_bytes, uint64_t *resident_pages)
{
    struct usage u = {0, 0};
    struct vmar *root = space_of(p);
    if (root) {
        vmar_walk(root, count_mapping, &u);
        kobject_unref(&root->base);
    }
    *mapped_bytes = u.mapped;
    *resident_pages = u.resident;
}
