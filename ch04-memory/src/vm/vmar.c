/*: # Virtual memory address regions, implemented

Each VMAR keeps its children and mappings in a list sorted by address: simple to read, and fast
enough for the tens of mappings a process has (Zircon uses a balanced tree). Every operation runs
with the space's lock held. A mapping that an unmap or protect cuts in the middle is split in two,
each a mapping of its own of the same VMO. Changing or removing a mapping only removes page table
entries; the next access faults and `vmo_fault` puts back what the mapping now allows. */
#include "vm/vmar.h"

#include "kernel/kmalloc.h"

#define ASLR_TRIES 8

uint64_t vm_aslr_seed = 0x5a494e43; /* "ZINC": the same layout on every run, unless changed */

static void vmar_destroy_locked(struct vmar *top);

static void vmar_free(struct kobject *obj)
{
    struct vmar *v = container_of(obj, struct vmar, base);
    if (!v->parent) { /* the root: the space goes with it */
        hal_lock_acquire(&v->space->lock);
        vmar_destroy_locked(v);
        hal_lock_release(&v->space->lock);
        kfree(v->space);
    } else {
        kobject_unref(&v->parent->base);
    }
    kfree(v);
}

const struct kobject_type vmar_type = {
    .name = "vmar",
    .type = ZX_OBJ_TYPE_VMAR,
    /* Fuchsia's ZX_DEFAULT_VMAR_RIGHTS: nothing to wait for (a VMAR has no signals), no properties;
       vmar_rights adds the access rights. */
    .default_rights = (ZX_RIGHTS_BASIC & ~ZX_RIGHT_WAIT) | ZX_RIGHT_OP_CHILDREN,
    .destroy = vmar_free,
};

zx_rights_t vmar_rights(const struct vmar *v)
{
    return vmar_type.default_rights | (v->flags & ZX_VM_CAN_MAP_READ ? ZX_RIGHT_READ : 0) |
           (v->flags & ZX_VM_CAN_MAP_WRITE ? ZX_RIGHT_WRITE : 0) |
           (v->flags & ZX_VM_CAN_MAP_EXECUTE ? ZX_RIGHT_EXECUTE : 0);
}

static struct vmar *vmar_new(struct vm_space *space, struct vmar *parent, vaddr_t start,
                             size_t size, uint32_t flags)
{
    struct vmar *v = kzalloc(sizeof *v);
    if (!v)
        return NULL;
    kobject_init(&v->base, &vmar_type);
    *v = (struct vmar){v->base, space, parent, start, size, flags, NULL, false};
    return v;
}

zx_status_t vm_space_create(struct hal_pt *pt, vaddr_t start, size_t size, struct vmar **root)
{
    struct vm_space *space = kzalloc(sizeof *space);
    if (!space)
        return ZX_ERR_NO_MEMORY;
    hal_lock_init(&space->lock);
    space->pt = pt;
    space->rng = vm_aslr_seed;
    space->root = vmar_new(space, NULL, start, size, ZX_VM_CAN_MAP_PERMS | ZX_VM_CAN_MAP_SPECIFIC);
    if (!space->root) {
        kfree(space);
        return ZX_ERR_NO_MEMORY;
    }
    *root = space->root;
    return ZX_OK;
}

static uint64_t next_random(struct vm_space *space)
{
    space->rng ^= space->rng << 13; /* xorshift64 */
    space->rng ^= space->rng >> 7;
    space->rng ^= space->rng << 17;
    return space->rng;
}

/* Does [base, base + size) lie inside v and clear of all its entries? */
static bool is_free(struct vmar *v, vaddr_t base, size_t size)
{
    if (base < v->start || size > v->size || base - v->start > v->size - size)
        return false;
    for (struct vmar_entry *e = v->entries; e; e = e->next)
        if (base < e->base + e->size && e->base < base + size)
            return false;
    return true;
}

/* How many random places choose_place tries in v before the lowest gap: none in a VMAR made with
   ZX_VM_COMPACT, whose children Fuchsia keeps close together. */
static int random_tries(const struct vmar *v)
{
    return v->flags & ZX_VM_COMPACT ? 0 : ASLR_TRIES;
}

/* A free place for size bytes in v: a few random tries, then the first gap that fits. */
static zx_status_t choose_place(struct vmar *v, size_t size, vaddr_t *base)
{
    /* LAB ch04-vmar-placement BEGIN: choose where size bytes go in v: up to random_tries(v)
       places drawn at random from the space's generator (next_random), each a page-aligned start at
       which the whole range fits inside v, the first that is free winning; then, if all were taken,
       the lowest gap between v's entries that is large enough; ZX_ERR_NO_MEMORY when no gap is.
       stub:
    (void)next_random;
    (void)random_tries;
    vaddr_t candidate = v->start;
    for (struct vmar_entry *e = v->entries; e; e = e->next)
        candidate = e->base + e->size;
    if (!is_free(v, candidate, size))
        return ZX_ERR_NO_MEMORY;
    *base = candidate;
    return ZX_OK;
    */
    if (size > v->size)
        return ZX_ERR_NO_MEMORY;
    uint64_t slots = (v->size - size) / PAGE_SIZE + 1;
    for (int i = 0; i < random_tries(v); i++) {
        vaddr_t candidate = v->start + (next_random(v->space) % slots) * PAGE_SIZE;
        if (is_free(v, candidate, size)) {
            *base = candidate;
            return ZX_OK;
        }
    }
    vaddr_t candidate = v->start;
    for (struct vmar_entry *e = v->entries; e; e = e->next) {
        if (e->base - candidate >= size)
            break;
        candidate = e->base + e->size;
    }
    if (!is_free(v, candidate, size))
        return ZX_ERR_NO_MEMORY;
    *base = candidate;
    return ZX_OK;
    /* LAB END */
}

/* A place for size bytes aligned to align (a power of two, at least a page) in v: room for the
   range and the slack an alignment may need, from choose_place, and the first aligned address in
   it. */
static zx_status_t place(struct vmar *v, size_t size, size_t align, vaddr_t *base)
{
    vaddr_t room;
    zx_status_t status = choose_place(v, size + (align - PAGE_SIZE), &room);
    if (status == ZX_OK)
        *base = (room + align - 1) & ~(vaddr_t)(align - 1);
    return status;
}

/* The alignment that ZX_VM_ALIGN_* in options ask for (a page if none): log2 of it in the top byte,
   from 10 to 32; ZX_ERR_INVALID_ARGS for any other. */
static zx_status_t alignment(uint32_t options, size_t *align)
{
    uint32_t log2 = options >> ZX_VM_ALIGN_BASE;
    if (log2 && (log2 < 10 || log2 > 32))
        return ZX_ERR_INVALID_ARGS;
    *align = log2 > PAGE_SHIFT ? (size_t)1 << log2 : PAGE_SIZE;
    return ZX_OK;
}

static void insert(struct vmar *v, struct vmar_entry *e)
{
    struct vmar_entry **link = &v->entries;
    while (*link && (*link)->base < e->base)
        link = &(*link)->next;
    e->next = *link;
    *link = e;
}

static struct vm_mapping *mapping_new(struct vmar *v, vaddr_t base, size_t size, struct vmo *vmo,
                                      uint64_t vmo_offset, uint32_t perms)
{
    struct vm_mapping *m = kzalloc(sizeof *m);
    if (!m)
        return NULL;
    *m = (struct vm_mapping){v->space->pt, base, size, vmo, vmo_offset, perms, NULL};
    kobject_ref(&vmo->base);
    vmo_add_mapping(vmo, m);
    return m;
}

static void mapping_free(struct vm_mapping *m)
{
    vmo_remove_mapping(m->vmo, m);
    hal_pt_unmap(m->pt, m->base, m->size);
    kobject_unref(&m->vmo->base);
    kfree(m);
}

/* Unlink entry *link from v and free it with what it holds: a mapping, or its reference to a child
   VMAR that has been emptied already. */
static void drop_entry(struct vmar *v, struct vmar_entry **link)
{
    struct vmar_entry *e = *link;
    *link = e->next;
    if (e->mapping)
        mapping_free(e->mapping);
    else
        kobject_unref(&e->child->base);
    kfree(e);
}

/* Empty top and every VMAR below it, and mark them dead. A loop, not a recursion: a program chooses
   how deeply VMARs nest, and the kernel stack is small. It goes down while the first entry is a
   child with entries, drops entries there, and climbs back through `parent` once a VMAR is empty; a
   child is kept alive by its entry until the entry is dropped. */
static void vmar_destroy_locked(struct vmar *top)
{
    struct vmar *v = top;
    for (;;) {
        struct vmar_entry *e = v->entries;
        if (e && e->child && e->child->entries) {
            v = e->child;
        } else if (e) {
            if (e->child)
                e->child->dead = true;
            drop_entry(v, &v->entries);
        } else {
            v->dead = true;
            if (v == top)
                return;
            v = v->parent;
        }
    }
}

/* Remove entry *link from v and release what it holds, the whole subtree of a child VMAR. */
static void remove_entry(struct vmar *v, struct vmar_entry **link)
{
    if ((*link)->child)
        vmar_destroy_locked((*link)->child);
    drop_entry(v, link);
}

/* The options of vmar_map: the system call's, and the most the mapping may allow. */
#define MAP_OPTIONS                                                                                \
    (ZX_VM_PERMS | ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE | ZX_VM_MAP_RANGE |                   \
     ZX_VM_REQUIRE_NON_RESIZABLE | ZX_VM_ALIGN_MASK | ZX_VM_CAN_MAP_PERMS)

/* What a child VMAR keeps of the options that made it. */
#define VMAR_FLAGS (ZX_VM_CAN_MAP_PERMS | ZX_VM_CAN_MAP_SPECIFIC | ZX_VM_COMPACT)

zx_status_t vmar_allocate(struct vmar *parent, uint32_t flags, size_t offset, size_t size,
                          struct vmar **out)
{
    size_t align;
    if (!size || size % PAGE_SIZE || offset % PAGE_SIZE ||
        (flags & ~(VMAR_FLAGS | ZX_VM_SPECIFIC | ZX_VM_ALIGN_MASK)) ||
        alignment(flags, &align) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = ZX_OK;
    struct vm_space *space = parent->space;
    hal_lock_acquire(&space->lock);
    uint32_t can = flags & VMAR_FLAGS;
    vaddr_t base = parent->start + offset;
    /* A child may map no more than its parent, but it may place things at chosen addresses even if
       its parent may not (ZX_VM_CAN_MAP_SPECIFIC), as Fuchsia's reference says. */
    if (parent->dead)
        status = ZX_ERR_BAD_STATE;
    else if (can & ZX_VM_CAN_MAP_PERMS & ~parent->flags ||
             ((flags & ZX_VM_SPECIFIC) && !(parent->flags & ZX_VM_CAN_MAP_SPECIFIC)))
        status = ZX_ERR_ACCESS_DENIED;
    else if (offset > parent->size || size > parent->size - offset) /* or larger than the parent */
        status = ZX_ERR_INVALID_ARGS;
    else if ((flags & ZX_VM_SPECIFIC) && base % align)
        status = ZX_ERR_INVALID_ARGS;
    else if (flags & ZX_VM_SPECIFIC)
        status = is_free(parent, base, size) ? ZX_OK : ZX_ERR_ALREADY_EXISTS; /* as a map */
    else if (offset)
        status = ZX_ERR_INVALID_ARGS;
    else
        status = place(parent, size, align, &base);
    struct vmar *child = NULL;
    struct vmar_entry *e = NULL;
    if (status == ZX_OK) {
        child = vmar_new(space, parent, base, size, can);
        e = child ? kzalloc(sizeof *e) : NULL;
        if (!e) {
            kfree(child);
            status = ZX_ERR_NO_MEMORY;
        }
    }
    if (status == ZX_OK) {
        kobject_ref(&parent->base); /* the child's reference to its parent */
        kobject_ref(&child->base);  /* the entry's */
        *e = (struct vmar_entry){base, size, child, NULL, NULL};
        insert(parent, e);
        *out = child;
    }
    hal_lock_release(&space->lock);
    return status;
}

/* Cut the mapping of entry e at addr (inside it): e keeps the front, a new entry after it the
   back. */
static zx_status_t split(struct vmar *v, struct vmar_entry *e, vaddr_t addr)
{
    /* LAB ch04-vmar-split BEGIN: cut the mapping of e in two at addr: e and its mapping keep [base,
       addr), and a new entry, linked right after e, holds a new mapping of the same VMO for [addr,
       end), at the matching offset in the VMO and with the same permissions. ZX_ERR_NO_MEMORY, with
       nothing changed, if either allocation fails.
       stub:
    (void)v;
    (void)e;
    (void)addr;
    return ZX_ERR_NOT_SUPPORTED;
    */
    struct vm_mapping *m = e->mapping;
    struct vmar_entry *back = kzalloc(sizeof *back);
    struct vm_mapping *bm = back ? mapping_new(v, addr, m->base + m->size - addr, m->vmo,
                                               m->vmo_offset + (addr - m->base), m->perms)
                                 : NULL;
    if (!bm) {
        kfree(back);
        return ZX_ERR_NO_MEMORY;
    }
    m->size = addr - m->base;
    e->size = m->size;
    *back = (struct vmar_entry){addr, bm->size, NULL, bm, e->next};
    e->next = back;
    return ZX_OK;
    /* LAB END */
}

/* Split mappings so that [addr, end) starts and ends on entry boundaries. A child VMAR cut by
   either end cannot be split: ZX_ERR_INVALID_ARGS. */
static zx_status_t cut(struct vmar *v, vaddr_t addr, vaddr_t end)
{
    for (struct vmar_entry *e = v->entries; e; e = e->next) {
        vaddr_t points[2] = {addr, end};
        for (int i = 0; i < 2; i++) {
            if (points[i] <= e->base || points[i] >= e->base + e->size)
                continue;
            if (e->child)
                return ZX_ERR_INVALID_ARGS;
            zx_status_t status = split(v, e, points[i]);
            if (status != ZX_OK)
                return status;
        }
    }
    return ZX_OK;
}

static zx_status_t unmap_locked(struct vmar *v, vaddr_t addr, size_t len)
{
    zx_status_t status = cut(v, addr, addr + len);
    for (struct vmar_entry **link = &v->entries; status == ZX_OK && *link;) {
        if ((*link)->base >= addr && (*link)->base + (*link)->size <= addr + len)
            remove_entry(v, link);
        else
            link = &(*link)->next;
    }
    return status;
}

zx_status_t vmar_map(struct vmar *v, uint32_t options, size_t offset, struct vmo *vmo,
                     uint64_t vmo_offset, size_t len, vaddr_t *addr)
{
    uint32_t perms = options & ZX_VM_PERMS, most = options & ZX_VM_CAN_MAP_PERMS;
    most = most ? most : ZX_VM_CAN_MAP_PERMS; /* no limit named: any the VMAR allows */
    bool specific = options & (ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE); /* either is a place */
    size_t align;
    len = PAGE_ROUND_UP(len);
    if (!len || offset % PAGE_SIZE || vmo_offset % PAGE_SIZE || vmo_offset > VMO_MAX_SIZE ||
        (options & ~MAP_OPTIONS) || (!specific && offset) || alignment(options, &align) != ZX_OK ||
        ((options & ZX_VM_MAP_RANGE) && (options & ZX_VM_SPECIFIC_OVERWRITE)))
        return ZX_ERR_INVALID_ARGS;
    if ((options & ZX_VM_REQUIRE_NON_RESIZABLE) && vmo->resizable)
        return ZX_ERR_NOT_SUPPORTED;
    struct vm_space *space = v->space;
    hal_lock_acquire(&space->lock);
    zx_status_t status = ZX_OK;
    vaddr_t base = v->start + offset;
    if (v->dead)
        status = ZX_ERR_BAD_STATE;
    else if ((perms << 7) & ~(v->flags & most) || /* ZX_VM_PERM_x << 7 is ZX_VM_CAN_MAP_x */
             (specific && !(v->flags & ZX_VM_CAN_MAP_SPECIFIC)))
        status = ZX_ERR_ACCESS_DENIED;
    else if (offset > v->size || len > v->size - offset) /* a mapping larger than v, too */
        status = ZX_ERR_INVALID_ARGS;
    else if (!specific)
        status = place(v, len, align, &base);
    else if (base % align)
        status = ZX_ERR_INVALID_ARGS;
    else if (options & ZX_VM_SPECIFIC_OVERWRITE)
        status = unmap_locked(v, base, len);
    else if (!is_free(v, base, len))
        status = ZX_ERR_ALREADY_EXISTS;
    struct vmar_entry *e = status == ZX_OK ? kzalloc(sizeof *e) : NULL;
    struct vm_mapping *m = NULL;
    if (status == ZX_OK) {
        uint64_t root_offset = vmo_offset;
        struct vmo *root = vmo_root(vmo, &root_offset);
        m = e ? mapping_new(v, base, len, root, root_offset, perms | most) : NULL;
        status = m ? ZX_OK : ZX_ERR_NO_MEMORY;
    }
    if (status == ZX_OK && (options & ZX_VM_MAP_RANGE) && (status = vmo_map_range(m)) != ZX_OK)
        mapping_free(m); /* the page tables ran out of memory */
    if (status == ZX_OK) {
        *e = (struct vmar_entry){.base = base, .size = len, .mapping = m};
        insert(v, e);
        *addr = base;
    } else {
        kfree(e);
    }
    hal_lock_release(&space->lock);
    return status;
}

zx_status_t vmar_unmap(struct vmar *v, vaddr_t addr, size_t len)
{
    len = PAGE_ROUND_UP(len);
    if (addr % PAGE_SIZE || !len || addr < v->start || len > v->size ||
        addr - v->start > v->size - len)
        return ZX_ERR_INVALID_ARGS;
    hal_lock_acquire(&v->space->lock);
    zx_status_t status = v->dead ? ZX_ERR_BAD_STATE : unmap_locked(v, addr, len);
    hal_lock_release(&v->space->lock);
    return status;
}

zx_status_t vmar_protect(struct vmar *v, uint32_t perms, vaddr_t addr, size_t len)
{
    len = PAGE_ROUND_UP(len);
    if (perms & ~ZX_VM_PERMS || addr % PAGE_SIZE || !len || addr < v->start || len > v->size ||
        addr - v->start > v->size - len)
        return ZX_ERR_INVALID_ARGS;
    hal_lock_acquire(&v->space->lock);
    zx_status_t status = ZX_OK;
    if (v->dead)
        status = ZX_ERR_BAD_STATE;
    else if ((perms << 7) & ~v->flags)
        status = ZX_ERR_ACCESS_DENIED;
    /* The whole range must be mappings, with no gap. */
    vaddr_t covered = addr;
    for (struct vmar_entry *e = v->entries; status == ZX_OK && e && covered < addr + len;
         e = e->next) {
        if (e->base + e->size <= covered)
            continue;
        if (e->base > covered || e->child)
            break;
        if ((perms << 7) & ~e->mapping->perms)
            status = ZX_ERR_ACCESS_DENIED; /* more than its VMO's handle allowed */
        covered = e->base + e->size;
    }
    if (status == ZX_OK && covered < addr + len)
        status = ZX_ERR_NOT_FOUND;
    if (status == ZX_OK)
        status = cut(v, addr, addr + len);
    for (struct vmar_entry *e = v->entries; status == ZX_OK && e; e = e->next) {
        if (e->base >= addr && e->base + e->size <= addr + len) {
            e->mapping->perms = perms | (e->mapping->perms & ZX_VM_CAN_MAP_PERMS);
            /* refilled by faults, with the new rights */
            hal_pt_unmap(v->space->pt, e->base, e->size);
        }
    }
    hal_lock_release(&v->space->lock);
    return status;
}

zx_status_t vmar_destroy(struct vmar *v)
{
    hal_lock_acquire(&v->space->lock);
    zx_status_t status = v->dead ? ZX_ERR_BAD_STATE : ZX_OK;
    if (status == ZX_OK && v->parent) { /* leave the parent, whose entry held a reference */
        for (struct vmar_entry **link = &v->parent->entries; *link; link = &(*link)->next) {
            if ((*link)->child == v) {
                remove_entry(v->parent, link);
                break;
            }
        }
    } else if (status == ZX_OK) {
        vmar_destroy_locked(v);
    }
    hal_lock_release(&v->space->lock);
    return status;
}

zx_status_t vm_space_fault(struct vm_space *space, vaddr_t va, unsigned access)
{
    hal_lock_acquire(&space->lock);
    struct vmar *v = space->root;
    struct vm_mapping *m = NULL;
    while (v && !m) {
        struct vmar_entry *e = v->entries;
        while (e && !(va >= e->base && va < e->base + e->size))
            e = e->next;
        v = e ? e->child : NULL;
        m = e ? e->mapping : NULL;
    }
    zx_status_t status = ZX_ERR_NOT_FOUND;
    if (m) {
        uint32_t need = access == HAL_MMU_WRITE  ? ZX_VM_PERM_WRITE
                        : access == HAL_MMU_EXEC ? ZX_VM_PERM_EXECUTE
                                                 : ZX_VM_PERM_READ;
        status = m->perms & need ? vmo_fault(m, va, access == HAL_MMU_WRITE) : ZX_ERR_ACCESS_DENIED;
    }
    hal_lock_release(&space->lock);
    return status;
}
