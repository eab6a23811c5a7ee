/*: # Virtual memory address regions

A process's address space is a tree of VMARs. The root covers all of user space; a VMAR can be
divided into child VMARs (`vmar_allocate`) and holds mappings of VMOs (`vmar_map`); every child and
mapping lies inside its parent and none overlap. A VMAR also limits what can be mapped in it:
`ZX_VM_CAN_MAP_READ`, `_WRITE`, `_EXECUTE` (never more than its parent), and `_SPECIFIC` for placing
things at chosen addresses (which a child may have when its parent has not).

Without `ZX_VM_SPECIFIC` (or `ZX_VM_SPECIFIC_OVERWRITE`), the kernel chooses the place, at random:
address-space layout randomisation, aligned as `ZX_VM_ALIGN_*` asks, and in a VMAR made with
`ZX_VM_COMPACT` at the lowest place instead. The random numbers come from a seed (`vm_aslr_seed`),
so that a test run can be repeated exactly.

All VMARs of one address space share a `struct vm_space`: its page table and the one lock that
guards the whole tree. Page faults come here too (`vm_space_fault`): find the mapping that covers
the address, check its permissions, and let the VMO fill the page table (vmo_fault). */
#ifndef ZINC_VMAR_H
#define ZINC_VMAR_H

#include "vm/vmo.h"
#include "zircon/vmar.h"

struct vm_space {
    struct hal_lock lock; /* guards every VMAR's entries and the random state */
    struct hal_pt *pt;
    uint64_t rng;
    struct vmar *root;
};

struct vmar_entry {
    vaddr_t base;
    size_t size;
    struct vmar *child;         /* either a child VMAR (with a reference) ... */
    struct vm_mapping *mapping; /* ... or a mapping */
    struct vmar_entry *next;    /* sorted by base */
};

struct vmar {
    struct kobject base;
    struct vm_space *space;
    struct vmar *parent;
    vaddr_t start;
    size_t size;
    uint32_t flags; /* ZX_VM_CAN_MAP_* */
    struct vmar_entry *entries;
    bool dead;
};

extern const struct kobject_type vmar_type;

/* The rights of a new handle to v, whoever asked for it: the type's defaults, and READ, WRITE and
   EXECUTE for what v may map (ZX_VM_CAN_MAP_*), as Fuchsia's VmAddressRegionDispatcher::Create
   gives them. */
zx_rights_t vmar_rights(const struct vmar *v);
extern uint64_t vm_aslr_seed;

/* A new address space over page table pt, with a root VMAR over [start, start + size) that may map
   anything; the caller owns a reference to the root, which owns the space. */
zx_status_t vm_space_create(struct hal_pt *pt, vaddr_t start, size_t size, struct vmar **root);

/* A page fault at va of the given access (HAL_MMU_READ/WRITE/EXEC) in space: ZX_OK when the page
   table now allows the access; ZX_ERR_SHOULD_WAIT for a page a pager has yet to supply (the caller
   waits and tries again); otherwise the thread's exception: ZX_ERR_NOT_FOUND outside any mapping,
   ZX_ERR_ACCESS_DENIED against its permissions, ZX_ERR_OUT_OF_RANGE past its VMO's end,
   ZX_ERR_BAD_STATE when the pager is gone, ZX_ERR_NO_MEMORY. */
zx_status_t vm_space_fault(struct vm_space *space, vaddr_t va, unsigned access);

/* A child VMAR of size bytes at offset (with ZX_VM_SPECIFIC) or anywhere; flags are its CAN_MAP_*
   set (the permissions within parent's), ZX_VM_COMPACT and ZX_VM_ALIGN_*. */
zx_status_t vmar_allocate(struct vmar *parent, uint32_t flags, size_t offset, size_t size,
                          struct vmar **out);

/* Map len bytes of vmo from vmo_offset with the ZX_VM_PERM_* in options, at offset
   (ZX_VM_SPECIFIC, or ZX_VM_SPECIFIC_OVERWRITE to replace what is there) or anywhere (aligned by
   ZX_VM_ALIGN_*); *addr receives the address. ZX_VM_MAP_RANGE fills the page table at once,
   ZX_VM_REQUIRE_NON_RESIZABLE refuses a resizable vmo (ZX_ERR_NOT_SUPPORTED). */
zx_status_t vmar_map(struct vmar *v, uint32_t options, size_t offset, struct vmo *vmo,
                     uint64_t vmo_offset, size_t len, vaddr_t *addr);

/* Unmap [addr, addr + len), splitting mappings at its ends; a child VMAR must lie wholly inside. */
zx_status_t vmar_unmap(struct vmar *v, vaddr_t addr, size_t len);

/* Change the permissions of the mappings of [addr, addr + len), which must be all mapped. */
zx_status_t vmar_protect(struct vmar *v, uint32_t perms, vaddr_t addr, size_t len);

/* Unmap everything in v and its children; v cannot be used again. */
zx_status_t vmar_destroy(struct vmar *v);

#endif
