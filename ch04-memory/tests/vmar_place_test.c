/*: # Tests of placement and splitting (the labs' own)

The tests of `vmar_test.c` check that a mapping lands somewhere sensible; these check *where*, in
VMARs small enough to fill: that placement depends on the seed and nothing else, that a full VMAR
says `ZX_ERR_NO_MEMORY`, that a hole, once opened, is found again however it was made, and that a
protect in the middle of a mapping leaves three mappings whose pages are still the right pages of
the VMO. Like `vmar_test.c`, they run chapter 1's `poke` program and serve its page faults, so every
check of a mapping is made with a real user store. */
#include "kernel/ktest.h"
#include "vm_user.h"

#define PS PAGE_SIZE
#define REGION 0x30000000ul
#define REGION_SIZE (16 * PS)

struct place {
    struct user_run r;
    struct vmar *root;
    struct vmo *vmo; /* one page per mapping, from this VMO */
};

static int place_open(struct place *p, size_t region_size)
{
    if (user_run_load(&p->r, "poke", 0, 0))
        return -1;
    if (vm_space_create(p->r.us.pt, REGION, region_size, &p->root) != ZX_OK)
        return -1;
    return vmo_create(8 * PS, false, &p->vmo) == ZX_OK ? 0 : -1;
}

static void place_close(struct place *p)
{
    kobject_unref(&p->vmo->base);
    kobject_unref(&p->root->base);
    user_run_free(&p->r);
}

/* Store value at va from user mode, serving page faults: ZX_OK, or the fault that could not be
   served. */
static zx_status_t poke(struct place *p, vaddr_t va, uint64_t value)
{
    return vm_user_run(&p->r, p->root, va, value);
}

static zx_status_t map(struct place *p, size_t len, vaddr_t *addr)
{
    return vmar_map(p->root, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, p->vmo, 0, len, addr);
}

static zx_status_t map_at(struct place *p, size_t offset, size_t len)
{
    vaddr_t addr;
    return vmar_map(p->root, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, offset, p->vmo, 0, len, &addr);
}

static uint64_t vmo_word(struct vmo *v, uint64_t offset)
{
    uint64_t value = 0;
    vmo_read(v, offset, &value, sizeof value);
    return value;
}

KTEST(placement_depends_on_the_seed_only)
{
    uint64_t saved = vm_aslr_seed;
    vaddr_t first[2], again, other;
    struct place p;
    for (int i = 0; i < 2; i++) {
        KASSERT_EQ(place_open(&p, 4096 * PS), 0);
        KEXPECT_EQ(map(&p, PS, &first[i]), ZX_OK);
        place_close(&p);
    }
    vm_aslr_seed = saved ^ 0x9e3779b97f4a7c15ull;
    KASSERT_EQ(place_open(&p, 4096 * PS), 0);
    KEXPECT_EQ(map(&p, PS, &other), ZX_OK);
    place_close(&p);
    vm_aslr_seed = saved;
    KASSERT_EQ(place_open(&p, 4096 * PS), 0);
    KEXPECT_EQ(map(&p, PS, &again), ZX_OK);
    place_close(&p);
    KEXPECT_EQ(first[0], first[1]); /* the same seed, the same place */
    KEXPECT_EQ(again, first[0]);
    KEXPECT_NE(other, first[0]); /* another seed, another place (one chance in 4096 of the same) */
}

KTEST(placement_fills_every_hole_then_says_no_memory)
{
    struct place p;
    KASSERT_EQ(place_open(&p, REGION_SIZE), 0);
    vaddr_t addr[16];
    bool taken[16] = {false};
    for (int i = 0; i < 16; i++) {
        KASSERT_EQ(map(&p, PS, &addr[i]), ZX_OK);
        KASSERT_TRUE(addr[i] >= REGION && addr[i] < REGION + REGION_SIZE && addr[i] % PS == 0);
        KEXPECT_TRUE(!taken[(addr[i] - REGION) / PS]); /* no two mappings overlap */
        taken[(addr[i] - REGION) / PS] = true;
    }
    vaddr_t more;
    KEXPECT_EQ(map(&p, PS, &more), ZX_ERR_NO_MEMORY);
    /* Open one hole in the middle of the address range: the next mapping must find it, every
       time. */
    for (int round = 0; round < 4; round++) {
        vaddr_t hole = REGION + (5 + 3 * round) * PS;
        KEXPECT_EQ(vmar_unmap(p.root, hole, PS), ZX_OK);
        KEXPECT_EQ(map(&p, PS, &more), ZX_OK);
        KEXPECT_EQ(more, hole);
    }
    KEXPECT_EQ(map(&p, PS, &more), ZX_ERR_NO_MEMORY);
    place_close(&p);
}

KTEST(placement_finds_the_only_gap_that_fits)
{
    struct place p;
    KASSERT_EQ(place_open(&p, REGION_SIZE), 0);
    /* Pages 0-3 and 8-15 taken: the only room for four pages is 4-7. */
    KASSERT_EQ(map_at(&p, 0, 4 * PS), ZX_OK);
    KASSERT_EQ(map_at(&p, 8 * PS, 8 * PS), ZX_OK);
    vaddr_t addr;
    KEXPECT_EQ(map(&p, 5 * PS, &addr), ZX_ERR_NO_MEMORY);
    KEXPECT_EQ(map(&p, 4 * PS, &addr), ZX_OK);
    KEXPECT_EQ(addr, REGION + 4 * PS);
    KEXPECT_EQ(map(&p, PS, &addr), ZX_ERR_NO_MEMORY);
    KEXPECT_EQ(map(&p, 17 * PS, &addr), ZX_ERR_INVALID_ARGS); /* larger than the VMAR, as Fuchsia */
    place_close(&p);
}

KTEST(protect_splits_a_mapping_in_three)
{
    struct place p;
    KASSERT_EQ(place_open(&p, REGION_SIZE), 0);
    vaddr_t addr;
    KASSERT_EQ(vmar_map(p.root, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE | ZX_VM_SPECIFIC, 4 * PS, p.vmo,
                        PS, 3 * PS, &addr),
               ZX_OK);
    KEXPECT_EQ(poke(&p, addr + PS, 1), ZX_OK); /* its page table entry exists before the protect */
    KEXPECT_EQ(vmar_protect(p.root, ZX_VM_PERM_READ, addr + PS, PS), ZX_OK);
    KEXPECT_EQ(poke(&p, addr + PS, 2), ZX_ERR_ACCESS_DENIED); /* the middle is read-only now */
    KEXPECT_EQ(vmo_word(p.vmo, 2 * PS), 1);
    /* The ends are still writable, and still the VMO's pages 1 and 3. */
    KEXPECT_EQ(poke(&p, addr, 3), ZX_OK);
    KEXPECT_EQ(poke(&p, addr + 2 * PS + 8, 4), ZX_OK);
    KEXPECT_EQ(vmo_word(p.vmo, PS), 3);
    KEXPECT_EQ(vmo_word(p.vmo, 3 * PS + 8), 4);
    /* Three mappings now: unmapping the front leaves the others, and the hole takes a mapping
       again. */
    KEXPECT_EQ(vmar_unmap(p.root, addr, PS), ZX_OK);
    KEXPECT_EQ(poke(&p, addr, 5), ZX_ERR_NOT_FOUND);
    KEXPECT_EQ(poke(&p, addr + 2 * PS, 6), ZX_OK);
    KEXPECT_EQ(vmo_word(p.vmo, 3 * PS), 6);
    KEXPECT_EQ(map_at(&p, 4 * PS, PS), ZX_OK);
    /* A protect across the end of a mapping and a gap is refused; one across two mappings is
       not. */
    KEXPECT_EQ(vmar_protect(p.root, ZX_VM_PERM_READ, addr + 2 * PS, 2 * PS), ZX_ERR_NOT_FOUND);
    KEXPECT_EQ(vmar_protect(p.root, ZX_VM_PERM_READ, addr + PS, 2 * PS), ZX_OK);
    KEXPECT_EQ(poke(&p, addr + 2 * PS, 7), ZX_ERR_ACCESS_DENIED);
    place_close(&p);
}

KTEST(compact_vmar_takes_the_lowest_gap)
{
    /* No random tries in a VMAR made with ZX_VM_COMPACT: its mappings pack from the bottom, and a
       hole is filled before anything above it. */
    struct place p;
    KASSERT_EQ(place_open(&p, REGION_SIZE), 0);
    struct vmar *compact;
    vaddr_t a, b, c;
    uint32_t flags = ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE | ZX_VM_COMPACT;
    KASSERT_EQ(vmar_allocate(p.root, flags, 0, 8 * PS, &compact), ZX_OK);
    KASSERT_EQ(vmar_map(compact, ZX_VM_PERM_READ, 0, p.vmo, 0, PS, &a), ZX_OK);
    KASSERT_EQ(vmar_map(compact, ZX_VM_PERM_READ, 0, p.vmo, 0, 2 * PS, &b), ZX_OK);
    KEXPECT_EQ(a, compact->start);
    KEXPECT_EQ(b, compact->start + PS);
    KEXPECT_EQ(vmar_unmap(compact, a, PS), ZX_OK);
    KEXPECT_EQ(vmar_map(compact, ZX_VM_PERM_READ, 0, p.vmo, 0, PS, &c), ZX_OK);
    KEXPECT_EQ(c, compact->start);
    KEXPECT_EQ(vmar_map(compact, ZX_VM_PERM_READ, 0, p.vmo, 0, 2 * PS, &c), ZX_OK);
    KEXPECT_EQ(c, compact->start + 3 * PS);
    KEXPECT_EQ(vmar_destroy(compact), ZX_OK); /* the child holds its parent: let go of it first */
    kobject_unref(&compact->base);
    place_close(&p);
}
