/*: # Virtual memory objects

A VMO is memory as an object: a size, and pages that exist only once something is written to them
(reads of a page never written see zeros). Processes share memory by sharing VMOs, and map them into
their address spaces (chapter 4's VMARs). Children are VMOs made from a range of another:

- a **snapshot** (`ZX_VMO_CHILD_SNAPSHOT`, and `..._AT_LEAST_ON_WRITE`, which Zinc serves the same
  way) sees the parent's contents as they were, and diverges both ways: each side's later writes are
  its own. Nothing is copied when the child is made; the two share frames, and a write to a shared
  frame copies it first (copy-on-write), a store through a mapping too: the parent's mappings lose
  write permission on the shared pages when the child is made. Dropping the child undoes the sharing
  at the same cost, one reference per page.
- a **slice** (`ZX_VMO_CHILD_SLICE`) is a window onto the parent's own pages: writes through either
  are seen by both.

A **physical** VMO (`vmo_create_physical`) is a window onto a fixed range of physical memory, for
drivers: its pages are that range's frames, there from the start and never committed, copied or
freed by the VMO. It has slices but no snapshots (`ZX_ERR_NOT_SUPPORTED`, as in Fuchsia), cannot be
resized, and its pages cannot be committed, decommitted or zeroed as ranges.

A VMO signals `ZX_VMO_ZERO_CHILDREN` while it has no child. */
#ifndef ZINC_VMO_H
#define ZINC_VMO_H

#include "object/kobject.h"
#include "vm/mapping.h"
#include "vm/page_tree.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"

struct vmo {
    struct kobject base;
    struct hal_lock lock; /* guards size and pages */
    uint64_t size;        /* bytes, a multiple of the page size */
    uint64_t content_size; /* ZX_PROP_VMO_CONTENT_SIZE: how many bytes hold content, any number */
    bool resizable;
    bool snapshot; /* made as a snapshot child: its pages started as its parent's */
    /* a physical VMO: page i is the frame at phys_base + i pages; pages stays empty */
    bool physical;
    paddr_t phys_base;
    /* a pager-backed VMO: who supplies its missing pages (vm/pager.h) */
    struct pager_source *pager;
    struct page_tree pages;
    struct vm_mapping *mappings; /* where this VMO is mapped (vm/mapping.h); guarded by lock */
    /* a slice: the VMO whose pages it shows (with a reference), from slice_offset */
    struct vmo *slice_of;
    uint64_t slice_offset;
    /* The family, guarded by the global family lock (vmo.c): parent is weak, cleared if it dies
       first. */
    struct vmo *parent, *first_child, *next_sibling;
};

extern const struct kobject_type vmo_type;

/* A VMO of size bytes (rounded up to pages). ZX_ERR_OUT_OF_RANGE above VMO_MAX_SIZE. */
zx_status_t vmo_create(uint64_t size, bool resizable, struct vmo **out);

/* A physical VMO over [paddr, paddr + size) (size rounded up to pages): ZX_ERR_INVALID_ARGS if
   paddr is not page-aligned or the range wraps. The system call (zx_vmo_create_physical) waits for
   resources. */
zx_status_t vmo_create_physical(paddr_t paddr, uint64_t size, struct vmo **out);

/* Copy between the VMO and kernel memory. ZX_ERR_OUT_OF_RANGE past the end; ZX_ERR_NO_MEMORY if a
   page could not be committed (a write commits the pages it touches). */
zx_status_t vmo_read(struct vmo *v, uint64_t offset, void *buf, size_t len);
zx_status_t vmo_write(struct vmo *v, uint64_t offset, const void *buf, size_t len);

/* The size; setting it rounds it up to pages, zeroes the rest of the last page, and makes the size
   asked for the content size. */
uint64_t vmo_size(struct vmo *v);
zx_status_t vmo_set_size(struct vmo *v, uint64_t size);

/* The content size, which starts as the size asked for at creation (unrounded). Setting it changes
   no size, and zeroes the VMO from the new content size to its end; ZX_ERR_NOT_SUPPORTED for a
   physical VMO. */
uint64_t vmo_content_size(struct vmo *v);
zx_status_t vmo_set_content_size(struct vmo *v, uint64_t size);

/* ZX_VMO_OP_COMMIT, DECOMMIT or ZERO over [offset, offset + len); or one of the cache operations
   ZX_VMO_OP_CACHE_*, which check the range and have nothing to do (vmo.c). */
zx_status_t vmo_op_range(struct vmo *v, uint32_t op, uint64_t offset, uint64_t len);

/* A child of kind ZX_VMO_CHILD_SNAPSHOT(_AT_LEAST_ON_WRITE) or ZX_VMO_CHILD_SLICE over [offset,
   offset + size) of v; resizable only for snapshots. */
zx_status_t vmo_create_child(struct vmo *v, uint32_t kind, uint64_t offset, uint64_t size,
                             bool resizable, struct vmo **out);

/* What object_get_info tells about a VMO, read under its locks. A slice's mappings are kept on its
   root (vm/mapping.h), so they count there. */
struct vmo_description {
    zx_koid_t parent_koid;
    size_t children, mappings, address_spaces;
    uint64_t committed_pages;
};
void vmo_describe(struct vmo *v, struct vmo_description *d);

/* How many of the pages [offset, offset + len) of v have a frame that v owns: a frame shared with
   snapshots counts once, in its owner (vmo.c). Always 0 for a physical VMO, as in Fuchsia: its
   frames are not memory it consumes. */
uint64_t vmo_committed_pages(struct vmo *v, uint64_t offset, uint64_t len);

/* Mappings. m->vmo and m->vmo_offset must already name the root VMO (vmo_root) and the offset in
   it. */
struct vmo *vmo_root(struct vmo *v, uint64_t *offset);
void vmo_add_mapping(struct vmo *v, struct vm_mapping *m);
void vmo_remove_mapping(struct vmo *v, struct vm_mapping *m);

/* Fill the page table entry for the page at va in mapping m after a fault: commit or copy the page
   for a write, map a shared or never-written page read-only for a read. ZX_ERR_OUT_OF_RANGE past
   the VMO's end, ZX_ERR_NO_MEMORY if no frame is left. */
zx_status_t vmo_fault(struct vm_mapping *m, vaddr_t va, bool write);

/* Fill the page table entries of the new mapping m for every page of its range that the VMO has
   now, as read faults would (ZX_VM_MAP_RANGE): nothing is committed or asked of a pager.
   ZX_ERR_NO_MEMORY if the page table could not grow. */
zx_status_t vmo_map_range(struct vm_mapping *m);

/* For the pager: give page index the bytes at page (PAGE_SIZE of them) unless it has a page
   already. */
zx_status_t vmo_supply_page(struct vmo *v, uint64_t index, const void *page);

#endif
