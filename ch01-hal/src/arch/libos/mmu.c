/*: # LibOS: page tables made of `mmap`

A LibOS page table has two halves. The *record* is a software page table, a four-level radix tree
shaped like x86_64's, that says which frame backs each user page and with which permissions;
`hal_pt_query` reads it. The *effect* is the host's own page table: the process maps the memfd at
each user page, at the frame's offset, with the matching protection, so user code touching the page
reaches the frame.

The process has only one host address space, so only one table can be in effect at a time: the
*live* one. `hal_pt_activate` only records which table this CPU wants; when the CPU is about to run
user code (`libos_mmu_sync`, with its turn at the address space, see turn.c), a table that is not
live is made live: the user range is wiped (a single `mmap` of inaccessible memory over it) and the
table's record replayed, merging runs of adjacent pages into one `mmap` each. Changes to the live
table are applied to the host at once; changes to others only to their record. A switch costs in
proportion to the size of the address space: the price LibOS pays for running on a host, and why
zCore calls shared host page tables its known problem. Pages without `HAL_MMU_USER` are kept
inaccessible to user code. */
#include <stdlib.h>
#include <sys/mman.h>

#include "kernel/panic.h"
#include "libos.h"

#define LEVELS 4
#define ENTRIES 512
#define PTE_PRESENT 0x100u
#define PTE_FLAGS 0xfffu
#define PTE_ADDR (~(uint64_t)PTE_FLAGS)

struct node {
    /* inner levels: a struct node *; leaves: frame | flags | PTE_PRESENT */
    uint64_t entry[ENTRIES];
};

struct hal_pt {
    struct node *root;
};

static struct hal_lock mmu_lock = HAL_LOCK_INIT;
static struct hal_pt *live;                 /* the table the host address space holds */
static __thread struct hal_pt *cpu_pt;     /* the table this CPU activated */

void libos_mmu_init(void)
{
    void *p = mmap((void *)HAL_USER_BASE, HAL_USER_END - HAL_USER_BASE, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != (void *)HAL_USER_BASE)
        panic("cannot reserve the user address range 0x%lx-0x%lx", HAL_USER_BASE, HAL_USER_END);
}

static unsigned index_at(vaddr_t va, int level)
{
    return (va >> (PAGE_SHIFT + 9 * (LEVELS - 1 - level))) & (ENTRIES - 1);
}

/* The leaf entry for va, creating the inner nodes on the way if create is set; NULL if absent or if
   memory for a node ran out. */
static uint64_t *walk(struct hal_pt *pt, vaddr_t va, bool create)
{
    struct node *n = pt->root;
    for (int level = 0; level < LEVELS - 1; level++) {
        uint64_t *e = &n->entry[index_at(va, level)];
        if (!*e) {
            if (!create)
                return NULL;
            struct node *child = calloc(1, sizeof *child);
            if (!child)
                return NULL;
            *e = (uint64_t)(uintptr_t)child;
        }
        n = (struct node *)(uintptr_t)*e;
    }
    return &n->entry[index_at(va, LEVELS - 1)];
}

static int host_prot(unsigned flags)
{
    if (!(flags & HAL_MMU_USER))
        return PROT_NONE;
    return (flags & HAL_MMU_READ ? PROT_READ : 0) |
           (flags & HAL_MMU_WRITE ? PROT_READ | PROT_WRITE : 0) |
           (flags & HAL_MMU_EXEC ? PROT_EXEC : 0);
}

static void host_map(vaddr_t va, paddr_t pa, size_t len, unsigned flags)
{
    if (mmap((void *)va, len, host_prot(flags), MAP_SHARED | MAP_FIXED, libos_pmem_fd(), pa) ==
        MAP_FAILED)
        panic("host mmap of 0x%lx failed", (unsigned long)va);
}

static void host_unmap(vaddr_t va, size_t len)
{
    if (mmap((void *)va, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
             -1, 0) == MAP_FAILED)
        panic("host unmap of 0x%lx failed", (unsigned long)va);
}

static bool valid_range(vaddr_t va, size_t len)
{
    return va % PAGE_SIZE == 0 && len % PAGE_SIZE == 0 && len > 0 && va >= HAL_USER_BASE &&
           va < HAL_USER_END && len <= HAL_USER_END - va;
}

struct hal_pt *hal_pt_create(void)
{
    struct hal_pt *pt = malloc(sizeof *pt);
    if (!pt)
        return NULL;
    pt->root = calloc(1, sizeof *pt->root);
    if (!pt->root) {
        free(pt);
        return NULL;
    }
    return pt;
}

static void free_node(struct node *n, int level)
{
    if (level < LEVELS - 1)
        for (int i = 0; i < ENTRIES; i++)
            if (n->entry[i])
                free_node((struct node *)(uintptr_t)n->entry[i], level + 1);
    free(n);
}

void hal_pt_destroy(struct hal_pt *pt)
{
    hal_lock_acquire(&mmu_lock);
    if (live == pt) {
        host_unmap(HAL_USER_BASE, HAL_USER_END - HAL_USER_BASE);
        live = NULL;
    }
    if (cpu_pt == pt)
        cpu_pt = NULL;
    hal_lock_release(&mmu_lock);
    free_node(pt->root, 0);
    free(pt);
}

int hal_pt_map(struct hal_pt *pt, vaddr_t va, paddr_t pa, size_t len, unsigned flags)
{
    if (!valid_range(va, len) || pa % PAGE_SIZE || pa + len > hal_pmem_size())
        return HAL_EINVAL;
    int err = 0;
    hal_lock_acquire(&mmu_lock);
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        uint64_t *e = walk(pt, va + off, false);
        if (e && *e) {
            err = HAL_EEXIST;
            goto out;
        }
    }
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        uint64_t *e = walk(pt, va + off, true);
        if (!e) {
            hal_lock_release(&mmu_lock);
            if (off)
                hal_pt_unmap(pt, va, off); /* undo the part that was mapped */
            return HAL_ENOMEM;
        }
        *e = (pa + off) | (flags & PTE_FLAGS) | PTE_PRESENT;
    }
    if (live == pt)
        host_map(va, pa, len, flags);
out:
    hal_lock_release(&mmu_lock);
    return err;
}

/* Does the table hold nothing? The look starts at the entry just cleared, from index, and goes
   both ways: a mapping is a run of entries, so a table still in use shows a neighbour at once,
   where a look from entry 0 would walk the empty entries before the run, on every unmap. */
static bool node_empty(const struct node *n, unsigned index)
{
    for (unsigned d = 0; d <= ENTRIES / 2; d++)
        if (n->entry[(index + d) % ENTRIES] || n->entry[(index - d) % ENTRIES])
            return false;
    return true;
}

/* Clear the entries that map [va, last] in n (a node of the given level, 0 for the root) and below
   it, and free the nodes that serve only [va, last] and hold nothing any more, visiting only the
   nodes that exist, as the bare-metal tables do (x86_64/mmu.c). */
static void clear(struct node *n, int level, vaddr_t va, vaddr_t last)
{
    uint64_t span = (uint64_t)PAGE_SIZE << (9 * (LEVELS - 1 - level)); /* what one entry covers */
    for (vaddr_t at = va;;) {
        vaddr_t end = (at & ~(span - 1)) + span - 1;
        uint64_t *e = &n->entry[index_at(at, level)];
        if (level == LEVELS - 1) {
            *e = 0;
        } else if (*e) {
            struct node *child = (struct node *)(uintptr_t)*e;
            clear(child, level + 1, at, end < last ? end : last);
            if (node_empty(child, index_at(at, level + 1))) {
                free(child);
                *e = 0;
            }
        }
        if (end >= last)
            return;
        at = end + 1;
    }
}

int hal_pt_unmap(struct hal_pt *pt, vaddr_t va, size_t len)
{
    if (!valid_range(va, len))
        return HAL_EINVAL;
    hal_lock_acquire(&mmu_lock);
    clear(pt->root, 0, va, va + len - 1);
    if (live == pt)
        host_unmap(va, len);
    hal_lock_release(&mmu_lock);
    return 0;
}

int hal_pt_protect(struct hal_pt *pt, vaddr_t va, size_t len, unsigned flags)
{
    if (!valid_range(va, len))
        return HAL_EINVAL;
    hal_lock_acquire(&mmu_lock);
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        uint64_t *e = walk(pt, va + off, false);
        if (e && *e) {
            *e = (*e & PTE_ADDR) | (flags & PTE_FLAGS) | PTE_PRESENT;
            if (live == pt)
                mprotect((void *)(va + off), PAGE_SIZE, host_prot(flags));
        }
    }
    hal_lock_release(&mmu_lock);
    return 0;
}

int hal_pt_query(struct hal_pt *pt, vaddr_t va, paddr_t *pa, unsigned *flags)
{
    if (va % PAGE_SIZE || va < HAL_USER_BASE || va >= HAL_USER_END)
        return HAL_EINVAL;
    hal_lock_acquire(&mmu_lock);
    uint64_t *e = walk(pt, va, false);
    uint64_t entry = e ? *e : 0;
    hal_lock_release(&mmu_lock);
    if (!entry)
        return HAL_ENOENT;
    *pa = entry & PTE_ADDR;
    *flags = entry & PTE_FLAGS & ~PTE_PRESENT;
    return 0;
}

/* Replay the record of a table onto the host, one mmap per run of pages that are adjacent in both
   user and physical memory and share their flags. */
struct run {
    vaddr_t va;
    paddr_t pa;
    size_t len;
    unsigned flags;
};

static void flush_run(struct run *r)
{
    if (r->len)
        host_map(r->va, r->pa, r->len, r->flags);
    r->len = 0;
}

static void replay(struct node *n, int level, vaddr_t base, struct run *r)
{
    size_t span = (size_t)1 << (PAGE_SHIFT + 9 * (LEVELS - 1 - level));
    for (int i = 0; i < ENTRIES; i++) {
        uint64_t e = n->entry[i];
        vaddr_t va = base + i * span;
        if (!e)
            continue;
        if (level < LEVELS - 1) {
            replay((struct node *)(uintptr_t)e, level + 1, va, r);
            continue;
        }
        paddr_t pa = e & PTE_ADDR;
        unsigned flags = e & PTE_FLAGS & ~PTE_PRESENT;
        if (!(r->len && r->va + r->len == va && r->pa + r->len == pa && r->flags == flags)) {
            flush_run(r);
            *r = (struct run){va, pa, 0, flags};
        }
        r->len += PAGE_SIZE;
    }
}

void hal_pt_activate(struct hal_pt *pt)
{
    cpu_pt = pt;
}

void libos_mmu_sync(void)
{
    if (!cpu_pt)
        panic("user code run with no page table active");
    hal_lock_acquire(&mmu_lock);
    if (live != cpu_pt) {
        host_unmap(HAL_USER_BASE, HAL_USER_END - HAL_USER_BASE);
        struct run r = {0};
        replay(cpu_pt->root, 0, 0, &r);
        flush_run(&r);
        live = cpu_pt;
    }
    hal_lock_release(&mmu_lock);
}
