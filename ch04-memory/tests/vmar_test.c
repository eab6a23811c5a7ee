/*: # Tests of VMARs and page faults, with real user programs (in the spirit of VmarTest)

Each test runs one of chapter 1's small programs (`peek` reads a word, `poke` writes one) in an
address space whose test region is managed by a VMAR, and serves its page faults with
`vm_space_fault`, as a thread's loop does. So every check is made through the user's own loads and
stores. */
#include "kernel/ktest.h"
#include "vm_user.h"

#define PS PAGE_SIZE
#define REGION 0x20000000ul
#define REGION_SIZE 0x01000000ul

struct space {
    struct user_run r;
    struct vmar *root;
};

static int space_open(struct space *s, const char *program, uint64_t arg0, uint64_t arg1)
{
    if (user_run_load(&s->r, program, arg0, arg1))
        return -1;
    return vm_space_create(s->r.us.pt, REGION, REGION_SIZE, &s->root) == ZX_OK ? 0 : -1;
}

static void space_close(struct space *s)
{
    kobject_unref(&s->root->base);
    user_run_free(&s->r);
}

/* Run the program from the start with two arguments, serving its page faults (vm_user.h). */
static zx_status_t run(struct space *s, uint64_t arg0, uint64_t arg1)
{
    return vm_user_run(&s->r, s->root, arg0, arg1);
}

static struct vmo *vmo_with(uint64_t size, uint64_t offset, uint64_t value)
{
    struct vmo *v;
    if (vmo_create(size, false, &v) != ZX_OK)
        return NULL;
    if (value)
        vmo_write(v, offset, &value, sizeof value);
    return v;
}

static uint64_t vmo_word(struct vmo *v, uint64_t offset)
{
    uint64_t value = 0;
    vmo_read(v, offset, &value, sizeof value);
    return value;
}

KTEST(mapped_vmo_reads_zero_then_follows_vmo_writes)
{
    struct space s;
    KASSERT_EQ(space_open(&s, "peek", 0, 0), 0);
    struct vmo *v = vmo_with(4 * PS, 0, 0);
    vaddr_t addr;
    KASSERT_EQ(vmar_map(s.root, ZX_VM_PERM_READ, 0, v, 0, 4 * PS, &addr), ZX_OK);
    KEXPECT_GE(addr, REGION);
    KEXPECT_LE(addr + 4 * PS, REGION + REGION_SIZE);
    KEXPECT_EQ(run(&s, addr + PS, 0), ZX_OK);
    KEXPECT_EQ(s.r.outcome.status, 0); /* never written: the shared zero page */
    uint64_t token = ktest_random();
    KEXPECT_EQ(vmo_write(v, PS, &token, sizeof token), ZX_OK);
    KEXPECT_EQ(run(&s, addr + PS, 0), ZX_OK);
    KEXPECT_EQ(s.r.outcome.status, token); /* the write replaced the page under the mapping */
    kobject_unref(&v->base);
    space_close(&s);
}

KTEST(user_store_commits_the_vmo_page)
{
    struct space s;
    KASSERT_EQ(space_open(&s, "poke", 0, 0), 0);
    struct vmo *v = vmo_with(2 * PS, 0, 0);
    vaddr_t addr;
    KASSERT_EQ(vmar_map(s.root, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, v, 0, 2 * PS, &addr), ZX_OK);
    kobject_unref(&v->base); /* the mapping keeps it alive */
    uint64_t token = ktest_random();
    KEXPECT_EQ(run(&s, addr + PS + 16, token), ZX_OK);
    KEXPECT_EQ(vmo_word(v, PS + 16), token);
    space_close(&s);
}

KTEST(faults_outside_mappings_and_against_permissions_are_refused)
{
    struct space s;
    KASSERT_EQ(space_open(&s, "poke", 0, 0), 0);
    struct vmo *v = vmo_with(PS, 0, 0);
    vaddr_t addr;
    KASSERT_EQ(vmar_map(s.root, ZX_VM_PERM_READ, 0, v, 0, PS, &addr), ZX_OK);
    KEXPECT_EQ(run(&s, addr, 1), ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(s.r.outcome.trap.access, HAL_MMU_WRITE);
    KEXPECT_EQ(run(&s, addr + PS, 1), ZX_ERR_NOT_FOUND);
    /* Granting write lets the same store through. */
    KEXPECT_EQ(vmar_protect(s.root, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, addr, PS), ZX_OK);
    KEXPECT_EQ(run(&s, addr, 5), ZX_OK);
    KEXPECT_EQ(vmo_word(v, 0), 5);
    KEXPECT_EQ(vmar_protect(s.root, ZX_VM_PERM_READ, addr, 2 * PS), ZX_ERR_NOT_FOUND); /* a gap */
    kobject_unref(&v->base);
    space_close(&s);
}

KTEST(mapped_snapshot_copies_on_user_write)
{
    struct space s;
    KASSERT_EQ(space_open(&s, "poke", 0, 0), 0);
    uint64_t original = ktest_random() | 1;
    struct vmo *parent = vmo_with(PS, 0, original), *child;
    KASSERT_EQ(vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT, 0, PS, false, &child), ZX_OK);
    vaddr_t pa, ca;
    KASSERT_EQ(vmar_map(s.root, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, parent, 0, PS, &pa), ZX_OK);
    KASSERT_EQ(vmar_map(s.root, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, child, 0, PS, &ca), ZX_OK);
    KEXPECT_EQ(run(&s, ca + 8, 42), ZX_OK); /* the child's page is copied at the store */
    KEXPECT_EQ(vmo_word(child, 8), 42);
    KEXPECT_EQ(vmo_word(parent, 8), 0);
    KEXPECT_EQ(vmo_word(child, 0), original);
    KEXPECT_EQ(run(&s, pa, 43), ZX_OK); /* and the parent keeps its own */
    KEXPECT_EQ(vmo_word(parent, 0), 43);
    KEXPECT_EQ(vmo_word(child, 0), original);
    kobject_unref(&child->base);
    kobject_unref(&parent->base);
    space_close(&s);
}

/* The page table entry at va: its flags (HAL_MMU_*), or 0 when there is none. */
static unsigned entry_flags(struct space *s, vaddr_t va)
{
    paddr_t pa;
    unsigned flags;
    return hal_pt_query(s->r.us.pt, va, &pa, &flags) == 0 ? flags : 0;
}

KTEST(snapshot_takes_write_from_the_parents_entries)
{
    struct space s;
    KASSERT_EQ(space_open(&s, "poke", 0, 0), 0);
    struct vmo *parent = vmo_with(2 * PS, 0, 1), *child;
    vaddr_t pa;
    unsigned rw = ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, r_w = HAL_MMU_READ | HAL_MMU_WRITE;
    KASSERT_EQ(vmar_map(s.root, rw, 0, parent, 0, 2 * PS, &pa), ZX_OK);
    KEXPECT_EQ(run(&s, pa, 2), ZX_OK); /* page 0: a writable entry */
    KEXPECT_TRUE(entry_flags(&s, pa) & HAL_MMU_WRITE);
    KASSERT_EQ(vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PS, false, &child), ZX_OK);
    KEXPECT_EQ(entry_flags(&s, pa) & r_w, HAL_MMU_READ); /* kept, read-only */
    KEXPECT_EQ(run(&s, pa, 3), ZX_OK); /* the store faults and copies */
    KEXPECT_TRUE(entry_flags(&s, pa) & HAL_MMU_WRITE);
    KEXPECT_EQ(vmo_word(parent, 0), 3);
    KEXPECT_EQ(vmo_word(child, 0), 2);
    kobject_unref(&child->base);
    kobject_unref(&parent->base);
    space_close(&s);
}

KTEST(map_range_fills_the_pages_the_vmo_has)
{
    struct space s;
    KASSERT_EQ(space_open(&s, "peek", 0, 0), 0);
    struct vmo *v = vmo_with(4 * PS, 0, 1), *child;
    vmo_write(v, 2 * PS, &(uint64_t){3}, 8);
    vaddr_t a, c, none;
    unsigned rw = ZX_VM_PERM_READ | ZX_VM_PERM_WRITE;
    KASSERT_EQ(vmar_map(s.root, rw | ZX_VM_MAP_RANGE, 0, v, 0, 4 * PS, &a), ZX_OK);
    KEXPECT_TRUE(entry_flags(&s, a) & HAL_MMU_WRITE); /* the VMO's own pages, writable */
    KEXPECT_EQ(entry_flags(&s, a + PS), 0);           /* nothing where the VMO has nothing */
    KEXPECT_TRUE(entry_flags(&s, a + 2 * PS) & HAL_MMU_WRITE);
    KEXPECT_EQ(entry_flags(&s, a + 3 * PS), 0);
    KASSERT_EQ(vmo_create_child(v, ZX_VMO_CHILD_SNAPSHOT, 0, 4 * PS, false, &child), ZX_OK);
    KASSERT_EQ(vmar_map(s.root, rw | ZX_VM_MAP_RANGE, 0, child, 0, 4 * PS, &c), ZX_OK);
    KEXPECT_EQ(entry_flags(&s, c) & (HAL_MMU_READ | HAL_MMU_WRITE), HAL_MMU_READ); /* shared */
    KEXPECT_EQ(entry_flags(&s, c + PS), 0);
    KEXPECT_EQ(vmo_committed_pages(child, 0, 4 * PS), 0); /* and nothing was committed */
    KASSERT_EQ(vmar_map(s.root, ZX_VM_MAP_RANGE, 0, v, 0, 4 * PS, &none), ZX_OK);
    KEXPECT_EQ(entry_flags(&s, none), 0); /* a mapping that may not read shows nothing */
    KEXPECT_EQ(run(&s, c + 2 * PS, 0), ZX_OK);
    KEXPECT_EQ(s.r.outcome.status, 3);
    kobject_unref(&child->base);
    kobject_unref(&v->base);
    space_close(&s);
}

KTEST(unmap_splits_a_mapping)
{
    struct space s;
    KASSERT_EQ(space_open(&s, "peek", 0, 0), 0);
    struct vmo *v = vmo_with(3 * PS, 2 * PS, 7);
    vaddr_t addr;
    KASSERT_EQ(vmar_map(s.root, ZX_VM_PERM_READ, 0, v, 0, 3 * PS, &addr), ZX_OK);
    KEXPECT_EQ(vmar_unmap(s.root, addr + PS, PS), ZX_OK);
    KEXPECT_EQ(run(&s, addr + PS, 0), ZX_ERR_NOT_FOUND);
    KEXPECT_EQ(run(&s, addr + 2 * PS, 0), ZX_OK);
    KEXPECT_EQ(s.r.outcome.status, 7); /* the back half still maps the VMO's third page */
    KEXPECT_EQ(run(&s, addr, 0), ZX_OK);
    KEXPECT_EQ(vmar_unmap(s.root, addr + 1, PS), ZX_ERR_INVALID_ARGS);
    kobject_unref(&v->base);
    space_close(&s);
}

KTEST(specific_mappings_and_overwrite)
{
    struct space s;
    KASSERT_EQ(space_open(&s, "peek", 0, 0), 0);
    struct vmo *a = vmo_with(PS, 0, 1), *b = vmo_with(PS, 0, 2);
    vaddr_t addr;
    KASSERT_EQ(vmar_map(s.root, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, 16 * PS, a, 0, PS, &addr), ZX_OK);
    KEXPECT_EQ(addr, REGION + 16 * PS);
    KEXPECT_EQ(vmar_map(s.root, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, 16 * PS, b, 0, PS, &addr),
               ZX_ERR_ALREADY_EXISTS);
    KEXPECT_EQ(vmar_map(s.root, ZX_VM_PERM_READ | ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE,
                        16 * PS, b, 0, PS, &addr),
               ZX_OK);
    KEXPECT_EQ(run(&s, REGION + 16 * PS, 0), ZX_OK);
    KEXPECT_EQ(s.r.outcome.status, 2);
    KEXPECT_EQ(vmar_map(s.root, ZX_VM_PERM_READ, 16 * PS, b, 0, PS, &addr), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(vmar_map(s.root, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, REGION_SIZE, b, 0, PS, &addr),
               ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(vmar_map(s.root, ZX_VM_PERM_READ, 0, b, 100, PS, &addr), ZX_ERR_INVALID_ARGS);
    kobject_unref(&a->base);
    kobject_unref(&b->base);
    space_close(&s);
}

KTEST(child_vmar_limits_what_it_maps)
{
    struct space s;
    KASSERT_EQ(space_open(&s, "peek", 0, 0), 0);
    struct vmar *child;
    KASSERT_EQ(vmar_allocate(s.root, ZX_VM_CAN_MAP_READ, 0, 8 * PS, &child), ZX_OK);
    KEXPECT_GE(child->start, REGION);
    struct vmo *v = vmo_with(PS, 0, 9);
    vaddr_t addr;
    KEXPECT_EQ(vmar_map(child, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, v, 0, PS, &addr),
               ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(vmar_map(child, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, 0, v, 0, PS, &addr),
               ZX_ERR_ACCESS_DENIED);
    KASSERT_EQ(vmar_map(child, ZX_VM_PERM_READ, 0, v, 0, PS, &addr), ZX_OK);
    KEXPECT_GE(addr, child->start);
    KEXPECT_EQ(run(&s, addr, 0), ZX_OK);
    KEXPECT_EQ(s.r.outcome.status, 9);
    KEXPECT_EQ(vmar_allocate(child, ZX_VM_CAN_MAP_WRITE, 0, PS, &child), ZX_ERR_ACCESS_DENIED);
    /* Destroying the child unmaps what it held, and it refuses further use. */
    KEXPECT_EQ(vmar_destroy(child), ZX_OK);
    KEXPECT_EQ(run(&s, addr, 0), ZX_ERR_NOT_FOUND);
    KEXPECT_EQ(vmar_map(child, ZX_VM_PERM_READ, 0, v, 0, PS, &addr), ZX_ERR_BAD_STATE);
    kobject_unref(&child->base);
    kobject_unref(&v->base);
    space_close(&s);
}

KTEST(placement_is_random_but_repeatable)
{
    struct space s1, s2;
    KASSERT_EQ(space_open(&s1, "peek", 0, 0), 0);
    KASSERT_EQ(space_open(&s2, "peek", 0, 0), 0);
    struct vmo *v = vmo_with(PS, 0, 0);
    vaddr_t a1, a2, b1;
    KASSERT_EQ(vmar_map(s1.root, ZX_VM_PERM_READ, 0, v, 0, PS, &a1), ZX_OK);
    KASSERT_EQ(vmar_map(s2.root, ZX_VM_PERM_READ, 0, v, 0, PS, &a2), ZX_OK);
    KASSERT_EQ(vmar_map(s1.root, ZX_VM_PERM_READ, 0, v, 0, PS, &b1), ZX_OK);
    KEXPECT_EQ(a1, a2); /* the same seed, the same layout */
    KEXPECT_NE(a1, b1);
    KEXPECT_NE(a1, REGION); /* not simply the first free place */
    kobject_unref(&v->base);
    space_close(&s1);
    space_close(&s2);
}
