/*: # Tests of fork's copy of memory

Two processes, made by hand: the parent's memory holds random bytes, the child's is made by
`linux_fork_memory`, and then each writes. Each must see its own writes only: a child that shared
the parent's VMO instead of a snapshot of it would pass the first check and fail every other. */
#include "kernel/ktest.h"
#include "linux/fork.h"
#include "linux/process_memory.h"
#include "vm/vmar.h"

#define BASE 0x20000000ul
#define PAGES 3

/* A process with a VMO of PAGES pages of random words mapped read-write at BASE, and their first
   word; NULL if one cannot be made. */
static struct process *parent_with_memory(uint64_t *first)
{
    struct process *p;
    struct vmo *vmo;
    vaddr_t addr;
    if (process_create(job_root(), "fork-parent", &p) != ZX_OK)
        return NULL;
    if (vmo_create(PAGES * PAGE_SIZE, false, &vmo) != ZX_OK) {
        kobject_unref(&p->base);
        return NULL;
    }
    for (size_t i = 0; i < PAGES * PAGE_SIZE / 8; i += 64) {
        uint64_t w = ktest_random();
        vmo_write(vmo, i * 8, &w, sizeof w);
        if (i == 0)
            *first = w;
    }
    struct vmar *root = p->space;
    zx_status_t status = vmar_map(root, ZX_VM_SPECIFIC | ZX_VM_PERM_READ | ZX_VM_PERM_WRITE,
                                  BASE - root->start, vmo, 0, PAGES * PAGE_SIZE, &addr);
    kobject_unref(&vmo->base);
    if (status != ZX_OK) {
        kobject_unref(&p->base);
        return NULL;
    }
    return p;
}

static uint64_t read_word(struct process *p, vaddr_t va)
{
    uint64_t w = 0;
    KEXPECT_EQ(process_memory_read(p, va, &w, sizeof w), sizeof w);
    return w;
}

/* Store w at va of p as its own write would: into the VMO of its one mapping, at BASE (a store to
   a snapshot's page copies it first). */
static void write_word(struct process *p, vaddr_t va, uint64_t w)
{
    struct vmar_entry *e = ((struct vmar *)p->space)->entries;
    KASSERT_TRUE(e && e->mapping && e->base == BASE && va - BASE < e->size);
    KEXPECT_EQ(vmo_write(e->mapping->vmo, e->mapping->vmo_offset + (va - BASE), &w, sizeof w),
               ZX_OK);
}

KTEST(fork_memory_starts_as_the_parents)
{
    uint64_t first;
    struct process *parent = parent_with_memory(&first), *child;
    KASSERT_TRUE(parent != NULL);
    KASSERT_TRUE(process_create(job_root(), "fork-child", &child) == ZX_OK);
    KEXPECT_EQ(linux_fork_memory(parent, child, 0, 0), 0);
    KEXPECT_EQ(read_word(child, BASE), first);
    struct vmar_entry *e = ((struct vmar *)child->space)->entries;
    struct vmar_entry *theirs = ((struct vmar *)parent->space)->entries;
    KEXPECT_TRUE(e && e->base == BASE && e->size == PAGES * PAGE_SIZE && e->mapping &&
                 (e->mapping->perms & ZX_VM_PERMS) == (ZX_VM_PERM_READ | ZX_VM_PERM_WRITE));
    KEXPECT_TRUE(e && e->mapping && theirs && e->mapping->perms == theirs->mapping->perms);
    kobject_unref(&child->base);
    kobject_unref(&parent->base);
}

KTEST(fork_memory_writes_are_each_sides_own)
{
    uint64_t first, mine = ktest_random() | 1, theirs = ~mine;
    struct process *parent = parent_with_memory(&first), *child;
    KASSERT_TRUE(parent != NULL);
    KASSERT_TRUE(process_create(job_root(), "fork-child", &child) == ZX_OK);
    KEXPECT_EQ(linux_fork_memory(parent, child, 0, 0), 0);
    uint64_t parent_page2 = read_word(parent, BASE + PAGE_SIZE);
    write_word(child, BASE, mine);
    write_word(parent, BASE + PAGE_SIZE, theirs);
    KEXPECT_EQ(read_word(child, BASE), mine);
    KEXPECT_EQ(read_word(parent, BASE), first);
    KEXPECT_EQ(read_word(parent, BASE + PAGE_SIZE), theirs);
    KEXPECT_EQ(read_word(child, BASE + PAGE_SIZE), parent_page2);
    kobject_unref(&child->base);
    kobject_unref(&parent->base);
}

KTEST(fork_memory_writes_the_child_tid_in_the_child_only)
{
    uint64_t first;
    int tid = 2 + (int)(ktest_random() % 30000);
    struct process *parent = parent_with_memory(&first), *child;
    KASSERT_TRUE(parent != NULL);
    KASSERT_TRUE(process_create(job_root(), "fork-child", &child) == ZX_OK);
    KEXPECT_EQ(linux_fork_memory(parent, child, BASE + 2 * PAGE_SIZE, tid), 0);
    int seen = 0, before = 0;
    KEXPECT_EQ(process_memory_read(child, BASE + 2 * PAGE_SIZE, &seen, sizeof seen), sizeof seen);
    KEXPECT_EQ(process_memory_read(parent, BASE + 2 * PAGE_SIZE, &before, sizeof before),
               sizeof before);
    KEXPECT_EQ(seen, tid);
    KEXPECT_NE(before, tid);
    kobject_unref(&child->base);
    kobject_unref(&parent->base);
}

/* The pages the VMO of p's one mapping (at BASE) owns. */
static uint64_t owned_pages(struct process *p)
{
    struct vmar_entry *e = ((struct vmar *)p->space)->entries;
    if (!e || !e->mapping)
        return ~0ull;
    return vmo_committed_pages(e->mapping->vmo, 0, PAGES * PAGE_SIZE);
}

KTEST(fork_memory_shares_pages_until_written)
{
    uint64_t first, w = ktest_random();
    struct process *parent = parent_with_memory(&first), *child;
    KASSERT_TRUE(parent != NULL);
    KASSERT_TRUE(process_create(job_root(), "fork-child", &child) == ZX_OK);
    KEXPECT_EQ(linux_fork_memory(parent, child, 0, 0), 0);
    KEXPECT_EQ(owned_pages(parent), PAGES);
    KEXPECT_EQ(owned_pages(child), 0); /* nothing copied: every page is the parent's */
    write_word(child, BASE + PAGE_SIZE, w);
    KEXPECT_EQ(owned_pages(child), 1); /* the page written, and only it */
    KEXPECT_EQ(read_word(child, BASE), first);
    kobject_unref(&child->base);
    kobject_unref(&parent->base);
}
