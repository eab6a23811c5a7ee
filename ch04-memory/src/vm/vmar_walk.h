/*: # Walking a VMAR tree

For the reports of `object_get_info` (syscall/vm_info.c): every child VMAR and mapping under a VMAR,
in depth-first pre-order, which for a tree of non-overlapping ranges sorted by address is ascending
address order. The walk holds the space's lock throughout, so it sees one consistent tree; the
visitor must therefore neither sleep nor touch user memory (a copy to user memory may fault, and the
fault would want the same lock). It may take VMO locks, which come after the space's. */
#ifndef ZINC_VMAR_WALK_H
#define ZINC_VMAR_WALK_H

#include "vm/vmar.h"

struct vmar_node {
    size_t depth;               /* 1 for the VMAR walked from's entries, 2 for theirs, ... */
    vaddr_t base;
    size_t size;
    struct vmar *vmar;          /* a child VMAR, or ... */
    struct vm_mapping *mapping; /* ... a mapping */
};

/* Visit everything under v, in order. ZX_ERR_BAD_STATE, and no visit, if v was destroyed. */
zx_status_t vmar_walk(struct vmar *v, void (*visit)(const struct vmar_node *node, void *arg),
                      void *arg);

#endif
