/*: # A process's mappings, as a list

`fork` gives each of the parent's mappings to the child, and `mremap` moves a range of mappings to
another place: both must first see the mappings as they are, then change an address space. The
two cannot be done in one step: a walk of the VMAR tree (vm/vmar_walk.h) holds the address space's
lock, and mapping takes it. So the walk only notes each mapping it meets, with a reference to its
VMO, in a list, and the caller works from the list once the walk is over. */
#ifndef ZINC_LINUX_REGIONS_H
#define ZINC_LINUX_REGIONS_H

#include "vm/vmar.h"

/* One mapping, or the part of it inside the range asked for. */
struct region {
    struct region *next;
    vaddr_t base;
    size_t size;
    struct vmo *vmo; /* a reference */
    uint64_t offset; /* where base is in vmo */
    uint32_t perms;  /* ZX_VM_PERM_* */
};

/* The mappings of root that lie in [start, end), cut at its ends, in address order: 0 and *out
   (NULL if there are none), or -ENOMEM. */
int regions_of(struct vmar *root, vaddr_t start, vaddr_t end, struct region **out);

void regions_free(struct region *r);

#endif
