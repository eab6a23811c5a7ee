/*: # A mapping: a range of a VMO placed in an address space

A mapping belongs to a VMAR (vm/vmar.c) and points at a VMO. Page tables only ever hold what a
mapping allows, and are filled lazily, one page per fault (`vmo_fault`). Because a page table entry
is a cache of "which frame is behind this page of the VMO", the VMO keeps a list of its mappings and
removes the entries of a page whenever the frame behind it changes: when the page is committed,
copied on write or given back, or falls past the VMO's end. It also takes write permission away from
a page's entries when the page becomes shared with a snapshot, so that the next store copies it. A
mapping of a slice is kept on the slice's root VMO, with the offset moved accordingly.

A mapping also remembers the most it may ever allow, as Zircon's does: a mapping made through a
handle to a VMO that lacks the write right may not be made writable later by `zx_vmar_protect`,
whatever rights the VMAR's handle has. Those are `ZX_VM_CAN_MAP_*` bits beside the permissions. */
#ifndef ZINC_MAPPING_H
#define ZINC_MAPPING_H

#include "hal/hal.h"

struct vmo;

struct vm_mapping {
    struct hal_pt *pt;
    vaddr_t base;
    size_t size;
    struct vmo *vmo; /* the VMO whose pages these are (a reference): never a slice */
    uint64_t vmo_offset;
    uint32_t perms; /* ZX_VM_PERM_* it has, and the ZX_VM_CAN_MAP_* it may ever be given */
    struct vm_mapping *next_in_vmo;
};

#endif
