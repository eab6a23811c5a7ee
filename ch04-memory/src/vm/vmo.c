/*: # Virtual memory objects, implemented

Every access goes through `page_for`, which finds the frame behind one page of a VMO:

- a slice forwards to the VMO it shows, at its offset (slices of slices point at the root at
  creation);
- a read of a page never committed finds no frame, and the caller copies zeros;
- a write commits a zeroed frame where there was none, and copies a frame that another VMO still
  shares (`refs > 1`) before changing it. With `write_protect`, which keeps stores through mappings
  from reaching a frame that has just become shared, that is the whole of copy-on-write.

The work is done with the VMO's lock held, page by page, so a concurrent decommit can never free a
frame that is being copied. A physical VMO short-cuts all of it: its page `i` is frame
`phys_base + i` pages, always there, never shared, never given back. A frame's reference count is
shared by VMOs with different locks, so it is changed atomically, and whoever drops it to zero frees
the frame. Lock order: a slice's lock is never held while its root's is taken.

A frame also has an owner, the VMO that committed it, and counts as committed memory there only, as
in Zircon, where a page is counted once, where it is owned: a fresh snapshot owns nothing. An owner
that copies a shared frame, or lets it go, leaves it with no owner; the next VMO still holding it
that counts its pages takes it over (`count_page`), so that the frame is counted again, once. */
#include "vm/vmo.h"

#include <string.h>

#include "kernel/frame.h"
#include "kernel/init.h"
#include "kernel/kmalloc.h"
#include "kernel/panic.h"
#include "vm/pager.h"

static struct hal_lock family_lock = HAL_LOCK_INIT;

/* one frame of zeros, mapped read-only wherever a page was never written */
static paddr_t zero_frame;

static unsigned mmu_flags(uint32_t perms)
{
    return HAL_MMU_USER | (perms & ZX_VM_PERM_READ ? HAL_MMU_READ : 0) |
           (perms & ZX_VM_PERM_WRITE ? HAL_MMU_WRITE : 0) |
           (perms & ZX_VM_PERM_EXECUTE ? HAL_MMU_EXEC : 0);
}

/* Every mapping of v forgets the pages [first, end) of v: the next access faults. v->lock held. */
static void unmap_pages(struct vmo *v, uint64_t first, uint64_t end)
{
    for (struct vm_mapping *m = v->mappings; m; m = m->next_in_vmo) {
        uint64_t from = m->vmo_offset / PAGE_SIZE, to = from + m->size / PAGE_SIZE;
        from = from > first ? from : first;
        to = to < end ? to : end;
        vaddr_t va = m->base + (from * PAGE_SIZE - m->vmo_offset);
        if (from < to)
            hal_pt_unmap(m->pt, va, (to - from) * PAGE_SIZE);
    }
}

/* The frame behind page index of v changed: every mapping of it forgets the old one. v->lock
   held. */
static void invalidate(struct vmo *v, uint64_t index)
{
    unmap_pages(v, index, index + 1);
}

/* Page index of v is now shared with a snapshot: every mapping that may write it keeps it for
   reading only, so that the next store faults and copies. v->lock held. */
static void write_protect(struct vmo *v, uint64_t index)
{
    for (struct vm_mapping *m = v->mappings; m; m = m->next_in_vmo) {
        uint64_t first = m->vmo_offset / PAGE_SIZE, count = m->size / PAGE_SIZE;
        if ((m->perms & ZX_VM_PERM_WRITE) && index >= first && index < first + count)
            hal_pt_protect(m->pt, m->base + (index - first) * PAGE_SIZE, PAGE_SIZE,
                           mmu_flags(m->perms) & ~HAL_MMU_WRITE);
    }
}

/* v lets go of ref. If v owned it, nobody does until another holder counts it (count_page). */
static void drop_page(struct vmo *v, struct page_ref *ref)
{
    struct vmo *owner = v;
    __atomic_compare_exchange_n(&ref->owner, &owner, NULL, false, __ATOMIC_ACQ_REL,
                                __ATOMIC_ACQUIRE);
    if (__atomic_sub_fetch(&ref->refs, 1, __ATOMIC_ACQ_REL) == 0) {
        frame_free(ref->frame);
        kfree(ref);
    }
}

static void release_page(uint64_t index, struct page_ref *ref, void *arg)
{
    struct vmo *v = arg;
    page_tree_set(&v->pages, index, NULL);
    invalidate(v, index);
    drop_page(v, ref);
}

static void vmo_destroy(struct kobject *obj)
{
    struct vmo *v = container_of(obj, struct vmo, base);
    /* v's children become its parent's: a VMO keeps ZX_VMO_ZERO_CHILDREN clear while any descendant
       lives, even one whose own parent has gone (Fuchsia's VmoSignalTestCase.ChildSignalClone). */
    hal_lock_acquire(&family_lock);
    struct vmo *parent = v->parent;
    if (parent) {
        struct vmo **link = &parent->first_child;
        while (*link != v)
            link = &(*link)->next_sibling;
        *link = v->next_sibling;
    }
    while (v->first_child) {
        struct vmo *c = v->first_child;
        v->first_child = c->next_sibling;
        c->parent = parent;
        if (parent) {
            c->next_sibling = parent->first_child;
            parent->first_child = c;
        }
    }
    if (parent && !parent->first_child)
        kobject_signal(&parent->base, 0, ZX_VMO_ZERO_CHILDREN);
    hal_lock_release(&family_lock);
    page_tree_each(&v->pages, 0, VMO_MAX_PAGES, release_page, v);
    page_tree_free(&v->pages);
    if (v->slice_of)
        kobject_unref(&v->slice_of->base);
    if (v->pager)
        pager_source_free(v->pager);
    kfree(v);
}

const struct kobject_type vmo_type = {
    .name = "vmo",
    .type = ZX_OBJ_TYPE_VMO,
    .default_rights =
        ZX_RIGHTS_BASIC | ZX_RIGHTS_IO | ZX_RIGHTS_PROPERTY | ZX_RIGHT_MAP | ZX_RIGHT_SIGNAL,
    .destroy = vmo_destroy,
};

static zx_status_t vmo_new(uint64_t size, bool resizable, struct vmo **out)
{
    if (size > VMO_MAX_SIZE)
        return ZX_ERR_OUT_OF_RANGE;
    struct vmo *v = kzalloc(sizeof *v);
    if (!v)
        return ZX_ERR_NO_MEMORY;
    kobject_init(&v->base, &vmo_type);
    hal_lock_init(&v->lock);
    v->size = PAGE_ROUND_UP(size);
    v->content_size = size;
    v->resizable = resizable;
    kobject_signal(&v->base, 0, ZX_VMO_ZERO_CHILDREN);
    *out = v;
    return ZX_OK;
}

zx_status_t vmo_create(uint64_t size, bool resizable, struct vmo **out)
{
    return vmo_new(size, resizable, out);
}

struct vmo *vmo_root(struct vmo *v, uint64_t *offset)
{
    if (v->slice_of) {
        *offset += v->slice_offset;
        return v->slice_of;
    }
    return v;
}

/* A new page for index of v: a zeroed frame that v owns and alone holds, put in v's tree in place
   of what was there. NULL, and nothing changed, if memory ran out. v->lock held. */
static struct page_ref *new_page(struct vmo *v, uint64_t index)
{
    struct page_ref *mine = kzalloc(sizeof *mine);
    paddr_t fresh = mine ? frame_alloc() : 0;
    if (!fresh || page_tree_set(&v->pages, index, mine) != ZX_OK) {
        if (fresh)
            frame_free(fresh);
        kfree(mine);
        return NULL;
    }
    *mine = (struct page_ref){.frame = fresh, .refs = 1, .owner = v};
    return mine;
}

/* The frame behind page index of v (v->lock held), committing or copying it for a write. *frame is
   0 for a read of a page never written. */
static zx_status_t page_for(struct vmo *v, uint64_t index, bool write, paddr_t *frame)
{
    if (v->physical) {
        *frame = v->phys_base + index * PAGE_SIZE;
        return ZX_OK;
    }
    struct page_ref *ref = page_tree_get(&v->pages, index);
    if (!ref && v->pager) /* only the pager may fill it: ask, and let the caller wait */
        return pager_request(v->pager, index);
    /* LAB ch04-copy-on-write BEGIN: a write may change a frame in place only if v alone holds it
       (refs == 1). A frame that a snapshot shares must first be copied into a new page of v's own
       (new_page), and v must let go of the shared one (drop_page), which the other holders keep.
       stub:
    if (!write || ref) {
        *frame = ref ? ref->frame : 0;
        return ZX_OK;
    }
    struct page_ref *mine = new_page(v, index);
    if (!mine)
        return ZX_ERR_NO_MEMORY;
    */
    if (!write || (ref && __atomic_load_n(&ref->refs, __ATOMIC_ACQUIRE) == 1)) {
        *frame = ref ? ref->frame : 0;
        return ZX_OK;
    }
    struct page_ref *mine = new_page(v, index);
    if (!mine)
        return ZX_ERR_NO_MEMORY;
    if (ref) { /* shared with a snapshot: this VMO takes a copy of its own */
        memcpy(hal_pmem_ptr(mine->frame), hal_pmem_ptr(ref->frame), PAGE_SIZE);
        drop_page(v, ref);
    }
    /* LAB END */
    invalidate(v, index); /* mappings of v may still map the old frame, or the zero frame */
    *frame = mine->frame;
    return ZX_OK;
}

/* page_for, waiting (with v->lock released) while a pager supplies the page. ZX_ERR_CANCELED if the
   caller must stop meanwhile, ZX_ERR_OUT_OF_RANGE if the VMO shrank below the page meanwhile. */
static zx_status_t page_for_waiting(struct vmo *v, uint64_t index, bool write, paddr_t *frame)
{
    zx_status_t status;
    uint64_t seen = pager_supplies();
    while ((status = page_for(v, index, write, frame)) == ZX_ERR_SHOULD_WAIT) {
        hal_lock_release(&v->lock);
        status = pager_wait(seen);
        seen = pager_supplies();
        hal_lock_acquire(&v->lock);
        if (status != WAIT_RESTART)
            return status;
        if (index * PAGE_SIZE >= v->size)
            return ZX_ERR_OUT_OF_RANGE;
    }
    return status;
}

/* Copy len bytes at offset between v and buf, in the direction write says. */
static zx_status_t transfer(struct vmo *v, uint64_t offset, uint8_t *buf, size_t len, bool write)
{
    if (v->slice_of) {
        hal_lock_acquire(&v->lock);
        bool inside = offset <= v->size && len <= v->size - offset;
        hal_lock_release(&v->lock);
        return inside ? transfer(v->slice_of, v->slice_offset + offset, buf, len, write)
                      : ZX_ERR_OUT_OF_RANGE;
    }
    zx_status_t status = ZX_OK;
    hal_lock_acquire(&v->lock);
    if (offset > v->size || len > v->size - offset)
        status = ZX_ERR_OUT_OF_RANGE;
    while (status == ZX_OK && len > 0) {
        size_t in_page = offset % PAGE_SIZE,
               n = PAGE_SIZE - in_page < len ? PAGE_SIZE - in_page : len;
        paddr_t frame;
        status = page_for_waiting(v, offset / PAGE_SIZE, write, &frame);
        if (status != ZX_OK)
            break;
        if (write)
            memcpy((uint8_t *)hal_pmem_ptr(frame) + in_page, buf, n);
        else if (frame || v->physical) /* a physical range may start at frame 0 */
            memcpy(buf, (uint8_t *)hal_pmem_ptr(frame) + in_page, n);
        else
            memset(buf, 0, n);
        offset += n;
        buf += n;
        len -= n;
    }
    hal_lock_release(&v->lock);
    return status;
}

zx_status_t vmo_create_physical(paddr_t paddr, uint64_t size, struct vmo **out)
{
    if (paddr % PAGE_SIZE || PAGE_ROUND_UP(size) < size || PAGE_ROUND_UP(size) > UINT64_MAX - paddr)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = vmo_new(size, false, out);
    if (status == ZX_OK) {
        (*out)->physical = true;
        (*out)->phys_base = paddr;
    }
    return status;
}

zx_status_t vmo_read(struct vmo *v, uint64_t offset, void *buf, size_t len)
{
    return transfer(v, offset, buf, len, false);
}

zx_status_t vmo_write(struct vmo *v, uint64_t offset, const void *buf, size_t len)
{
    return transfer(v, offset, (uint8_t *)buf, len, true);
}

uint64_t vmo_size(struct vmo *v)
{
    hal_lock_acquire(&v->lock);
    uint64_t size = v->size;
    hal_lock_release(&v->lock);
    return size;
}

/* Write zeros over the len bytes at offset, within one page of v (not a slice). A page that is not
   there reads as zeros already and stays uncommitted, unless a pager has yet to supply it. */
static zx_status_t zero_bytes(struct vmo *v, uint64_t offset, size_t len)
{
    static const uint8_t zeros[PAGE_SIZE];
    hal_lock_acquire(&v->lock);
    bool zero = !v->pager && !page_tree_get(&v->pages, offset / PAGE_SIZE);
    hal_lock_release(&v->lock);
    return zero || !len ? ZX_OK : vmo_write(v, offset, zeros, len);
}

zx_status_t vmo_set_size(struct vmo *v, uint64_t size)
{
    if (!v->resizable)
        return ZX_ERR_UNAVAILABLE;
    if (size > VMO_MAX_SIZE)
        return ZX_ERR_OUT_OF_RANGE;
    hal_lock_acquire(&v->lock);
    uint64_t new_size = PAGE_ROUND_UP(size);
    if (new_size < v->size) { /* no mapping may show a page past the end, not even the zero page */
        unmap_pages(v, new_size / PAGE_SIZE, v->size / PAGE_SIZE);
        page_tree_each(&v->pages, new_size / PAGE_SIZE, v->size / PAGE_SIZE, release_page, v);
    }
    bool shrank_pager_vmo = v->pager && new_size < v->size;
    v->size = new_size;
    v->content_size = size;
    hal_lock_release(&v->lock);
    if (shrank_pager_vmo)
        pager_resized();
    return zero_bytes(v, size, new_size - size); /* past the size asked for, as in Zircon */
}

uint64_t vmo_content_size(struct vmo *v)
{
    hal_lock_acquire(&v->lock);
    uint64_t size = v->content_size;
    hal_lock_release(&v->lock);
    return size;
}

zx_status_t vmo_set_content_size(struct vmo *v, uint64_t size)
{
    uint64_t base = 0;
    if (vmo_root(v, &base)->physical)
        return ZX_ERR_NOT_SUPPORTED; /* device memory has no content to speak of */
    hal_lock_acquire(&v->lock);
    v->content_size = size;
    uint64_t end = v->size;
    hal_lock_release(&v->lock);
    return size < end ? vmo_op_range(v, ZX_VMO_OP_ZERO, size, end - size) : ZX_OK;
}

/* The cache operations. Zinc maps all memory cached, and its targets keep caches coherent with
   memory: x86_64 (and the LibOS on it) in hardware, and QEMU's riscv64 has no caches to maintain.
   So an operation only checks its range, as Zircon's CacheOp does before it works: a length of 0 is
   ZX_ERR_INVALID_ARGS. */
static bool is_cache_op(uint32_t op)
{
    return op >= ZX_VMO_OP_CACHE_SYNC && op <= ZX_VMO_OP_CACHE_CLEAN_INVALIDATE;
}

static zx_status_t cache_op(struct vmo *v, uint64_t offset, uint64_t len)
{
    uint64_t size = vmo_size(v);
    if (!len)
        return ZX_ERR_INVALID_ARGS;
    return offset > size || len > size - offset ? ZX_ERR_OUT_OF_RANGE : ZX_OK;
}

zx_status_t vmo_op_range(struct vmo *v, uint32_t op, uint64_t offset, uint64_t len)
{
    if (is_cache_op(op))
        return cache_op(v, offset, len);
    if (op != ZX_VMO_OP_COMMIT && op != ZX_VMO_OP_DECOMMIT && op != ZX_VMO_OP_ZERO)
        return ZX_ERR_INVALID_ARGS;
    if (v->slice_of) { /* a slice's pages are its root's */
        uint64_t size = vmo_size(v);
        if (offset > size || len > size - offset)
            return ZX_ERR_OUT_OF_RANGE;
        return vmo_op_range(v->slice_of, op, v->slice_offset + offset, len);
    }
    if (v->physical) /* its frames are fixed: nothing to commit or give back */
        return ZX_ERR_NOT_SUPPORTED;
    if (op == ZX_VMO_OP_DECOMMIT) {
        /* Fuchsia decommits only page-aligned ranges of a VMO that is neither a snapshot nor the
           parent of one (nor a slice of such a VMO): ZX_ERR_INVALID_ARGS and ZX_ERR_NOT_SUPPORTED
           otherwise. */
        if (offset % PAGE_SIZE || len % PAGE_SIZE)
            return ZX_ERR_INVALID_ARGS;
        bool snapshots = v->snapshot;
        hal_lock_acquire(&family_lock);
        for (struct vmo *c = v->first_child; c; c = c->next_sibling)
            snapshots |= c->snapshot;
        hal_lock_release(&family_lock);
        if (snapshots)
            return ZX_ERR_NOT_SUPPORTED;
    }
    hal_lock_acquire(&v->lock);
    zx_status_t status = ZX_OK;
    if (offset > v->size || len > v->size - offset) {
        status = ZX_ERR_OUT_OF_RANGE;
    } else if (op == ZX_VMO_OP_COMMIT) {
        /* A write's rule commits a page where there is none, and copies one that is shared. */
        for (uint64_t page = offset / PAGE_SIZE; status == ZX_OK && page * PAGE_SIZE < offset + len;
             page++) {
            paddr_t frame;
            status = page_for_waiting(v, page, true, &frame);
        }
    } else {
        /* Whole pages are given back: they read as zeros again. ZERO clears the partial pages at
           its ends. */
        uint64_t first = PAGE_ROUND_UP(offset) / PAGE_SIZE,
                 end = PAGE_ROUND_DOWN(offset + len) / PAGE_SIZE;
        if (first < end)
            page_tree_each(&v->pages, first, end, release_page, v);
        if (op == ZX_VMO_OP_ZERO) {
            uint64_t head_end = first * PAGE_SIZE < offset + len ? first * PAGE_SIZE : offset + len;
            uint64_t tail_start = end * PAGE_SIZE > head_end ? end * PAGE_SIZE : head_end;
            hal_lock_release(&v->lock);
            status = zero_bytes(v, offset, head_end - offset);
            if (status == ZX_OK && offset + len > tail_start)
                status = zero_bytes(v, tail_start, offset + len - tail_start);
            return status;
        }
    }
    hal_lock_release(&v->lock);
    return status;
}

/* Share the source's pages [offset, offset + size) with the new child: one more reference each, and
   the source's mappings may no longer write them in place. */
struct share {
    struct vmo *source, *child;
    uint64_t first;
    zx_status_t status;
};

static void share_page(uint64_t index, struct page_ref *ref, void *arg)
{
    struct share *s = arg;
    if (s->status == ZX_OK)
        s->status = page_tree_set(&s->child->pages, index - s->first, ref);
    if (s->status == ZX_OK) {
        __atomic_fetch_add(&ref->refs, 1, __ATOMIC_ACQ_REL);
        write_protect(s->source, index);
    }
}

zx_status_t vmo_create_child(struct vmo *v, uint32_t kind, uint64_t offset, uint64_t size,
                             bool resizable, struct vmo **out)
{
    /* The checks in Fuchsia's order: an unaligned offset is INVALID_ARGS, a size too large
       OUT_OF_RANGE. Then a slice must lie within its parent (INVALID_ARGS, an end past 2^64
       included), and a resizable VMO has no slices (NOT_SUPPORTED); a snapshot may start or end
       beyond its parent, where it reads zeros, but not past 2^64 (OUT_OF_RANGE). */
    struct vmo *child;
    uint64_t base = 0;
    struct vmo *root = vmo_root(v, &base); /* a child of a slice is one of a range of its root */
    if (offset % PAGE_SIZE)
        return ZX_ERR_INVALID_ARGS;
    if (size > VMO_MAX_SIZE)
        return ZX_ERR_OUT_OF_RANGE;
    if (kind == ZX_VMO_CHILD_SLICE) {
        uint64_t parent_size = vmo_size(v);
        if (offset > parent_size || PAGE_ROUND_UP(size) > parent_size - offset)
            return ZX_ERR_INVALID_ARGS;
        if (v->resizable)
            return ZX_ERR_NOT_SUPPORTED;
    } else if (PAGE_ROUND_UP(size) > UINT64_MAX - offset) {
        return ZX_ERR_OUT_OF_RANGE;
    } else if (root->physical) {
        return ZX_ERR_NOT_SUPPORTED; /* a copy of device memory would not be device memory */
    } else if (root->pager) {
        /* a snapshot would read zeros where the pager has yet to supply */
        return ZX_ERR_NOT_SUPPORTED;
    }
    zx_status_t status = vmo_new(size, resizable, &child); /* its content size is size, unrounded */
    if (status != ZX_OK)
        return status;
    if (kind == ZX_VMO_CHILD_SLICE) {
        kobject_ref(&root->base);
        child->slice_of = root;
        child->slice_offset = base + offset;
    } else {
        /* A snapshot of a slice is a snapshot of the root's range. */
        struct vmo *source = root;
        /* a slice shows no more than its size */
        uint64_t window = v->slice_of ? vmo_size(v) : UINT64_MAX;
        uint64_t from = offset < window ? base + offset : UINT64_MAX;
        child->snapshot = true;
        uint64_t limit = v->slice_of ? base + window : UINT64_MAX; /* the slice's end */
        hal_lock_acquire(&source->lock);
        uint64_t end = from + child->size < from ? UINT64_MAX : from + child->size;
        if (end > source->size)
            end = source->size;
        if (end > limit)
            end = limit;
        struct share s = {.source = source, .child = child, .first = from / PAGE_SIZE};
        if (from < end)
            page_tree_each(&source->pages, from / PAGE_SIZE, end / PAGE_SIZE, share_page, &s);
        hal_lock_release(&source->lock);
        if ((status = s.status) != ZX_OK) {
            kobject_unref(&child->base);
            return status;
        }
    }
    hal_lock_acquire(&family_lock);
    child->parent = v;
    child->next_sibling = v->first_child;
    v->first_child = child;
    kobject_signal(&v->base, ZX_VMO_ZERO_CHILDREN, 0);
    hal_lock_release(&family_lock);
    *out = child;
    return ZX_OK;
}

void vmo_add_mapping(struct vmo *v, struct vm_mapping *m)
{
    hal_lock_acquire(&v->lock);
    m->next_in_vmo = v->mappings;
    v->mappings = m;
    hal_lock_release(&v->lock);
}

void vmo_remove_mapping(struct vmo *v, struct vm_mapping *m)
{
    hal_lock_acquire(&v->lock);
    for (struct vm_mapping **link = &v->mappings; *link; link = &(*link)->next_in_vmo) {
        if (*link == m) {
            *link = m->next_in_vmo;
            break;
        }
    }
    hal_lock_release(&v->lock);
}

struct count {
    struct vmo *v;
    uint64_t pages;
};

/* A page counts where it is owned; one that nobody owns any more (its owner copied it or let it go
   while others still share it) becomes the property of the first holder that counts it. */
static void count_page(uint64_t index, struct page_ref *ref, void *arg)
{
    struct count *c = arg;
    struct vmo *none = NULL;
    if (__atomic_load_n(&ref->owner, __ATOMIC_ACQUIRE) == c->v ||
        __atomic_compare_exchange_n(&ref->owner, &none, c->v, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE))
        c->pages++;
}

uint64_t vmo_committed_pages(struct vmo *v, uint64_t offset, uint64_t len)
{
    struct count c = {.v = v, .pages = 0};
    uint64_t first = offset / PAGE_SIZE, end = PAGE_ROUND_UP(offset + len) / PAGE_SIZE;
    hal_lock_acquire(&v->lock);
    if (!v->physical && first < end)
        page_tree_each(&v->pages, first, end < VMO_MAX_PAGES ? end : VMO_MAX_PAGES, count_page, &c);
    hal_lock_release(&v->lock);
    return c.pages;
}

void vmo_describe(struct vmo *v, struct vmo_description *d)
{
    *d = (struct vmo_description){0};
    hal_lock_acquire(&family_lock);
    if (v->parent)
        d->parent_koid = v->parent->base.koid;
    for (struct vmo *c = v->first_child; c; c = c->next_sibling)
        d->children++;
    hal_lock_release(&family_lock);
    hal_lock_acquire(&v->lock);
    for (struct vm_mapping *m = v->mappings; m; m = m->next_in_vmo) {
        d->mappings++;
        /* an address space counts once, at its first mapping */
        struct vm_mapping *seen = v->mappings;
        while (seen != m && seen->pt != m->pt)
            seen = seen->next_in_vmo;
        d->address_spaces += seen == m;
    }
    hal_lock_release(&v->lock);
    d->committed_pages = vmo_committed_pages(v, 0, VMO_MAX_SIZE);
}

/* Point m's entry for page index of its VMO at frame (0: a page never written), writable only if
   this is a write or the page is the VMO's alone. m->vmo->lock held. */
static zx_status_t fill_entry(struct vm_mapping *m, uint64_t index, paddr_t frame, bool write)
{
    struct vmo *v = m->vmo;
    vaddr_t va = m->base + (index * PAGE_SIZE - m->vmo_offset);
    unsigned flags = mmu_flags(m->perms);
    struct page_ref *ref = v->physical ? NULL : page_tree_get(&v->pages, index);
    if (!write && !v->physical && (!ref || __atomic_load_n(&ref->refs, __ATOMIC_ACQUIRE) > 1))
        flags &= ~HAL_MMU_WRITE; /* zeros, or shared with a snapshot: a write must fault again */
    if (!frame && !v->physical)
        frame = zero_frame;
    hal_pt_unmap(m->pt, va, PAGE_SIZE);
    return hal_pt_map(m->pt, va, frame, PAGE_SIZE, flags) == 0 ? ZX_OK : ZX_ERR_NO_MEMORY;
}

zx_status_t vmo_fault(struct vm_mapping *m, vaddr_t va, bool write)
{
    struct vmo *v = m->vmo;
    uint64_t offset = m->vmo_offset + (PAGE_ROUND_DOWN(va) - m->base);
    hal_lock_acquire(&v->lock);
    if (offset >= v->size) {
        hal_lock_release(&v->lock);
        return ZX_ERR_OUT_OF_RANGE;
    }
    paddr_t frame;
    zx_status_t status = page_for(v, offset / PAGE_SIZE, write, &frame);
    if (status == ZX_OK)
        status = fill_entry(m, offset / PAGE_SIZE, frame, write);
    hal_lock_release(&v->lock);
    return status;
}

struct fill {
    struct vm_mapping *m;
    zx_status_t status;
};

static void fill_page(uint64_t index, struct page_ref *ref, void *arg)
{
    struct fill *f = arg;
    if (f->status == ZX_OK)
        f->status = fill_entry(f->m, index, ref->frame, false);
}

zx_status_t vmo_map_range(struct vm_mapping *m)
{
    struct vmo *v = m->vmo;
    struct fill f = {.m = m, .status = ZX_OK};
    hal_lock_acquire(&v->lock);
    uint64_t first = m->vmo_offset / PAGE_SIZE, end = first + m->size / PAGE_SIZE;
    if (end > v->size / PAGE_SIZE)
        end = v->size / PAGE_SIZE;
    if (!(m->perms & ZX_VM_PERM_READ)) /* a page table cannot show a page it may not read */
        end = first;
    if (v->physical) /* every page is there: its frame is fixed */
        for (uint64_t i = first; f.status == ZX_OK && i < end; i++)
            f.status = fill_entry(m, i, v->phys_base + i * PAGE_SIZE, false);
    else if (first < end)
        page_tree_each(&v->pages, first, end, fill_page, &f);
    hal_lock_release(&v->lock);
    return f.status;
}

static void zero_frame_init(void)
{
    zero_frame = frame_alloc();
    kassert(zero_frame != 0);
}
INIT_STEP(zero_frame_init, INIT_KERNEL);

zx_status_t vmo_supply_page(struct vmo *v, uint64_t index, const void *page)
{
    zx_status_t status = ZX_OK;
    hal_lock_acquire(&v->lock);
    if (!page_tree_get(&v->pages, index)) {
        struct page_ref *ref = new_page(v, index);
        if (!ref) {
            status = ZX_ERR_NO_MEMORY;
        } else {
            memcpy(hal_pmem_ptr(ref->frame), page, PAGE_SIZE);
            invalidate(v, index);
        }
    }
    if (status == ZX_OK)
        pager_supplied(v->pager, index);
    hal_lock_release(&v->lock);
    return status;
}
