/*: # VmoClone2TestCase: whose memory is a shared page?

`ZX_INFO_VMO` reports `committed_bytes`, and `ZX_INFO_PROCESS_MAPS` the committed pages of each
mapping. A page that a snapshot shares with its parent is one frame, and Zircon counts it once, in
the VMO that owns it: a fresh snapshot owns nothing. The cases are Fuchsia's `ObjMemAccounting`,
`ZeroPageWrite` and `SplitPageClosure`, with the counts of Zircon's classic accounting (a page
counts whole, where it is owned), and two of Zinc's own: a commit in a child makes the shared pages
its own, as the reference of `zx_vmo_create_child` says, and a mapping of a fresh snapshot shows no
committed page. */
#include "probe.h"
#include "vmo_words.h"
#include "zircon/process.h"
#include "zircon/vm_info.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PAGE 4096u

static uint64_t committed(zx_handle_t vmo)
{
    zx_info_vmo_t info = {.committed_bytes = 0xbadbad};
    EXPECT_OK(zx_object_get_info(vmo, ZX_INFO_VMO, &info, sizeof info, NULL, NULL));
    return info.committed_bytes;
}

static zx_handle_t snapshot(zx_handle_t parent, uint64_t offset, uint64_t size)
{
    zx_handle_t child = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT, offset, size, &child));
    return child;
}

TEST(VmoClone2TestCase, ObjMemAccounting)
{
    zx_handle_t vmo = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(vmo, 0, 1));
    ASSERT_OK(vmo_put(vmo, PAGE, 1));
    EXPECT_EQ(committed(vmo), 2 * PAGE);
    zx_handle_t clone = snapshot(vmo, 0, 2 * PAGE);
    EXPECT_EQ(committed(vmo), 2 * PAGE); /* both pages are still the parent's */
    EXPECT_EQ(committed(clone), 0);
    /* The parent writes page 0: it takes a copy, and the old frame is the clone's alone. */
    ASSERT_OK(vmo_put(vmo, 0, 2));
    EXPECT_EQ(committed(vmo), 2 * PAGE);
    EXPECT_EQ(committed(clone), PAGE);
    /* The clone writes page 1: a copy of its own; page 1's old frame stays the parent's. */
    ASSERT_OK(vmo_put(clone, PAGE, 2));
    EXPECT_EQ(committed(vmo), 2 * PAGE);
    EXPECT_EQ(committed(clone), 2 * PAGE);
    /* Writing pages that are already private changes nothing. */
    ASSERT_OK(vmo_put(vmo, PAGE, 3));
    ASSERT_OK(vmo_put(clone, 0, 3));
    EXPECT_EQ(committed(vmo), 2 * PAGE);
    EXPECT_EQ(committed(clone), 2 * PAGE);
    zx_handle_t both[] = {clone, vmo};
    EXPECT_OK(zx_handle_close_many(both, 2));
}

TEST(VmoClone2TestCase, ZeroPageWrite)
{
    /* A VMO, two snapshots of it and one of the first snapshot, all before any page exists. */
    zx_handle_t vmos[4];
    vmos[0] = vmo_new(PAGE, 0);
    vmos[1] = snapshot(vmos[0], 0, PAGE);
    vmos[2] = snapshot(vmos[0], 0, PAGE);
    vmos[3] = snapshot(vmos[1], 0, PAGE);
    for (unsigned i = 0; i < 4; i++) {
        ASSERT_OK(vmo_put(vmos[i], 0, i + 1));
        for (unsigned j = 0; j < 4; j++) {
            EXPECT_EQ(vmo_get(vmos[j], 0), j <= i ? j + 1 : 0);
            EXPECT_EQ(committed(vmos[j]), j <= i ? PAGE : 0);
        }
    }
    EXPECT_OK(zx_handle_close_many(vmos, 4));
}

TEST(VmoClone2TestCase, SplitPageClosure)
{
    zx_handle_t vmo = vmo_new(PAGE, 0);
    ASSERT_OK(vmo_put(vmo, 0, 1));
    zx_handle_t clone1 = snapshot(vmo, 0, PAGE), clone2 = snapshot(clone1, 0, PAGE);
    ASSERT_OK(vmo_put(clone1, 0, 3));
    ASSERT_OK(vmo_put(clone2, 0, 4));
    EXPECT_EQ(committed(vmo), PAGE);
    EXPECT_EQ(committed(clone1), PAGE);
    EXPECT_EQ(committed(clone2), PAGE);
    EXPECT_OK(zx_handle_close(vmo));
    EXPECT_EQ(vmo_get(clone1, 0), 3);
    EXPECT_EQ(vmo_get(clone2, 0), 4);
    EXPECT_EQ(committed(clone1), PAGE);
    EXPECT_EQ(committed(clone2), PAGE);
    EXPECT_OK(zx_handle_close(clone1));
    EXPECT_EQ(vmo_get(clone2, 0), 4);
    EXPECT_EQ(committed(clone2), PAGE);
    EXPECT_OK(zx_handle_close(clone2));
}

TEST(VmoClone2TestCase, SharedPageOfAClosedOwnerCountsOnce)
{
    /* The parent owns the page the two snapshots share; when the parent goes, exactly one of them
       counts it from then on. */
    zx_handle_t vmo = vmo_new(PAGE, 0);
    ASSERT_OK(vmo_put(vmo, 0, 1));
    zx_handle_t a = snapshot(vmo, 0, PAGE), b = snapshot(vmo, 0, PAGE);
    EXPECT_EQ(committed(a) + committed(b), 0);
    EXPECT_OK(zx_handle_close(vmo));
    EXPECT_EQ(committed(a) + committed(b), PAGE);
    EXPECT_EQ(committed(a) + committed(b), PAGE); /* and asking again does not change it */
    ASSERT_OK(vmo_put(a, 0, 2)); /* a copy of a's own: b is left alone with the old frame */
    EXPECT_EQ(committed(a), PAGE);
    EXPECT_EQ(committed(b), PAGE);
    zx_handle_t both[] = {a, b};
    EXPECT_OK(zx_handle_close_many(both, 2));
}

TEST(VmoClone2TestCase, CommitInChildMakesSharedPagesItsOwn)
{
    zx_handle_t vmo = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(vmo, 0, 5));
    zx_handle_t clone = snapshot(vmo, 0, 2 * PAGE);
    EXPECT_OK(zx_vmo_op_range(clone, ZX_VMO_OP_COMMIT, 0, 2 * PAGE, NULL, 0));
    EXPECT_EQ(committed(clone), 2 * PAGE); /* the shared page copied, the missing one zero-filled */
    EXPECT_EQ(committed(vmo), PAGE);
    EXPECT_EQ(vmo_get(clone, 0), 5);
    zx_handle_t both[] = {clone, vmo};
    EXPECT_OK(zx_handle_close_many(both, 2));
}

TEST(VmoClone2TestCase, MappingOfAFreshSnapshotCommitsNothing)
{
    zx_handle_t vmo = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(vmo, 0, 1));
    ASSERT_OK(vmo_put(vmo, PAGE, 2));
    zx_handle_t clone = snapshot(vmo, 0, 2 * PAGE);
    volatile uint64_t *p = map_here(clone, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 2 * PAGE);
    ASSERT_TRUE(p != NULL);
    EXPECT_EQ(p[0] + p[PAGE / 8], 3); /* both pages mapped, read-only, from the parent's frames */
    zx_koid_t koid = basic(clone).koid;
    zx_info_maps_t maps[64];
    size_t actual = 0, avail = 0, found = 0;
    zx_handle_t self = zx_process_self();
    ASSERT_OK(zx_object_get_info(self, ZX_INFO_PROCESS_MAPS, maps, sizeof maps, &actual, &avail));
    for (size_t i = 0; i < actual; i++) {
        if (maps[i].type == ZX_INFO_MAPS_TYPE_MAPPING && maps[i].u.mapping.vmo_koid == koid) {
            EXPECT_EQ(maps[i].u.mapping.committed_pages, 0);
            found++;
        }
    }
    EXPECT_EQ(found, 1);
    p[0] = 7; /* now the first page is the clone's */
    ASSERT_OK(zx_object_get_info(self, ZX_INFO_PROCESS_MAPS, maps, sizeof maps, &actual, &avail));
    for (size_t i = 0; i < actual; i++)
        if (maps[i].type == ZX_INFO_MAPS_TYPE_MAPPING && maps[i].u.mapping.vmo_koid == koid)
            EXPECT_EQ(maps[i].u.mapping.committed_pages, 1);
    unmap_here(p, 2 * PAGE);
    zx_handle_t both[] = {clone, vmo};
    EXPECT_OK(zx_handle_close_many(both, 2));
}

TEST(VmoClone2TestCase, MapRangeReadOnly)
{
    /* Fuchsia's case: a read-only mapping of a clone, filled at once with ZX_VM_MAP_RANGE, commits
       nothing in the clone and leaves the parent's pages as they were. */
    zx_handle_t vmo = vmo_new(5 * PAGE, 0);
    for (uint64_t i = 0; i < 5; i++)
        ASSERT_OK(vmo_put(vmo, i * PAGE, 77));
    EXPECT_EQ(committed(vmo), 5 * PAGE);
    zx_handle_t clone = snapshot(vmo, 0, 5 * PAGE);
    uintptr_t addr;
    ASSERT_OK(zx_vmar_map(zx_vmar_root_self(), ZX_VM_MAP_RANGE | ZX_VM_PERM_READ, 0, clone, 0,
                          5 * PAGE, &addr));
    EXPECT_EQ(committed(clone), 0);
    EXPECT_EQ(committed(vmo), 5 * PAGE);
    EXPECT_EQ(*(volatile uint64_t *)(addr + 4 * PAGE), 77);
    unmap_here((volatile uint64_t *)addr, 5 * PAGE);
    zx_handle_t both[] = {clone, vmo};
    EXPECT_OK(zx_handle_close_many(both, 2));
}

TEST(VmoClone2TestCase, MapRangeOfAWritableCloneStillCopiesOnWrite)
{
    /* The filled entries of shared pages are read-only: a store through them copies first. */
    zx_handle_t vmo = vmo_new(PAGE, 0);
    ASSERT_OK(vmo_put(vmo, 0, 1));
    zx_handle_t clone = snapshot(vmo, 0, PAGE);
    uintptr_t addr;
    uint32_t options = ZX_VM_MAP_RANGE | ZX_VM_PERM_READ | ZX_VM_PERM_WRITE;
    ASSERT_OK(zx_vmar_map(zx_vmar_root_self(), options, 0, clone, 0, PAGE, &addr));
    *(volatile uint64_t *)addr = 2;
    EXPECT_EQ(vmo_get(clone, 0), 2);
    EXPECT_EQ(vmo_get(vmo, 0), 1);
    EXPECT_EQ(committed(clone), PAGE);
    unmap_here((volatile uint64_t *)addr, PAGE);
    zx_handle_t both[] = {clone, vmo};
    EXPECT_OK(zx_handle_close_many(both, 2));
}
