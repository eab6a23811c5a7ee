/*: # Which frames hold a VMO's pages

A VMO is mostly empty: pages are committed on first write, and may be anywhere in a range of
gigabytes. Its committed pages are kept in a radix tree indexed by page number, up to three levels
of 256 slots, enough for a 64 GiB VMO (`VMO_MAX_SIZE`), with a node being one kernel heap block.
The tree is only as tall as its highest page needs, as Linux's radix trees are: one node for a VMO
of up to 1 MiB, two up to 256 MiB, so that a small VMO's pages are found, visited and freed
without walking through nodes of one slot each (a program's VMOs are mostly small). A leaf
holds a `struct page_ref`: a frame, how many VMOs share it, and which one of them owns it. Sharing
is how copy-on-write works: a snapshot child takes another reference to each of its parent's frames,
and whichever side writes to a shared frame first copies it (vm/vmo.c). Owning is how a shared frame
is counted once, as the committed memory of its owner only. */
#ifndef ZINC_PAGE_TREE_H
#define ZINC_PAGE_TREE_H

#include "hal/hal.h"
#include "zircon/errors.h"
#include "zircon/types.h"

#define PAGE_TREE_BITS 8
#define PAGE_TREE_LEVELS 3
#define VMO_MAX_PAGES ((uint64_t)1 << (PAGE_TREE_BITS * PAGE_TREE_LEVELS))
#define VMO_MAX_SIZE (VMO_MAX_PAGES * PAGE_SIZE)

struct vmo;

/* refs and owner are changed atomically: VMOs with different locks share a page_ref (vmo.c). */
struct page_ref {
    paddr_t frame;
    uint32_t refs;     /* how many VMOs hold this frame */
    struct vmo *owner; /* the one VMO whose committed memory it is, or NULL for none yet */
};

struct page_tree {
    void *root;
    int height; /* the levels in use, 0 to PAGE_TREE_LEVELS: the root is of level LEVELS - height */
};

/* The page at index, or NULL if none is committed. */
struct page_ref *page_tree_get(struct page_tree *t, uint64_t index);

/* Put ref (or NULL, to empty the slot) at index. ZX_ERR_NO_MEMORY if a node could not be made. */
zx_status_t page_tree_set(struct page_tree *t, uint64_t index, struct page_ref *ref);

/* Call fn for every committed page with an index in [first, end), in order; fn may empty that
   slot. */
void page_tree_each(struct page_tree *t, uint64_t first, uint64_t end,
                    void (*fn)(uint64_t index, struct page_ref *ref, void *arg), void *arg);

/* Free the tree's nodes (not the pages: empty it first). */
void page_tree_free(struct page_tree *t);

#endif
