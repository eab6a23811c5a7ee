/*: # A process's mappings, as a list, implemented

A Linux process has no child VMARs (nothing in this personality makes one): its mappings are all
in the root, and the walk only has to skip the nodes that are not mappings. */
#include "linux/regions.h"

#include <asm/errno.h>

#include "kernel/kmalloc.h"
#include "vm/vmar_walk.h"

struct walk {
    vaddr_t start, end;
    struct region *regions, **tail;
    bool out_of_memory;
};

static void note_mapping(const struct vmar_node *node, void *arg)
{
    struct walk *w = arg;
    const struct vm_mapping *m = node->mapping;
    if (!m || m->base >= w->end || m->base + m->size <= w->start)
        return;
    struct region *r = kzalloc(sizeof *r);
    if (!r) {
        w->out_of_memory = true;
        return;
    }
    vaddr_t base = m->base > w->start ? m->base : w->start;
    vaddr_t end = m->base + m->size < w->end ? m->base + m->size : w->end;
    *r =
        (struct region){NULL, base, end - base, m->vmo, m->vmo_offset + (base - m->base), m->perms};
    kobject_ref(&m->vmo->base);
    *w->tail = r;
    w->tail = &r->next;
}

int regions_of(struct vmar *root, vaddr_t start, vaddr_t end, struct region **out)
{
    struct walk w = {.start = start, .end = end, .tail = &w.regions};
    if (vmar_walk(root, note_mapping, &w) != ZX_OK || w.out_of_memory) {
        regions_free(w.regions);
        return -ENOMEM;
    }
    *out = w.regions;
    return 0;
}

void regions_free(struct region *r)
{
    while (r) {
        struct region *next = r->next;
        kobject_unref(&r->vmo->base);
        kfree(r);
        r = next;
    }
}
