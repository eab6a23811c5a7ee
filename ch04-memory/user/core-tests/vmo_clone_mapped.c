/*: # VmoClone2TestCase through mappings

A snapshot behaves "as if an eager copy is performed", however its pages are reached. Zinc makes a
snapshot by sharing frames, so the page tables are where this can go wrong: a mapping of the parent
made before the snapshot may hold a writable entry for a frame that is now shared, and a store
through it would land in the child as well. So making a snapshot takes write permission away from
every existing mapping of the pages it shares (`write_protect` in vm/vmo.c); the next store faults
and copies.

`ParentVmarWrite` and `CloneVmarWrite` are Fuchsia's cases. `MappedWritesInEveryOrder` goes through
the combinations: the parent not mapped, mapped before the snapshot (untouched, read, or written
through the mapping) or mapped after it; the child not mapped, mapped, or mapped and read first;
each side writing through its mapping or with `zx_vmo_write`; the parent first or the child first;
both kinds of snapshot. After every write both sides are read, through their mappings and with
`zx_vmo_read`. The values written carry the number of the combination, so a failure names it. The
last tests add what one mapping of the parent cannot show: a snapshot of part of it, two mappings in
different VMARs, a mapping of a slice, and a grandchild of a mapped child. */
#include <stdbool.h>

#include "vmo_words.h"
#include "zircon/process.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PAGE 4096u
#define RW (ZX_VM_PERM_READ | ZX_VM_PERM_WRITE)

/* One side of a snapshot: its VMO, and its mapping if it has one. */
struct side {
    zx_handle_t vmo;
    volatile uint64_t *map;
};

/* Store value at offset in s: through its mapping if through_map, else with zx_vmo_write. */
static void store(struct side *s, bool through_map, uint64_t offset, uint64_t value)
{
    if (through_map)
        s->map[offset / 8] = value;
    else
        EXPECT_OK(vmo_put(s->vmo, offset, value));
}

/* The word at offset in s, read with zx_vmo_read; its mapping, if any, must show the same. */
static uint64_t seen(struct side *s, uint64_t offset)
{
    uint64_t value = vmo_get(s->vmo, offset);
    if (s->map)
        EXPECT_EQ(s->map[offset / 8], value);
    return value;
}

static zx_handle_t snapshot(zx_handle_t parent, uint32_t kind, uint64_t offset, uint64_t size)
{
    zx_handle_t child = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_vmo_create_child(parent, kind, offset, size, &child));
    return child;
}

static void drop(struct side *s, uint64_t size)
{
    if (s->map)
        unmap_here(s->map, size);
    EXPECT_OK(zx_handle_close(s->vmo));
}

/* Fuchsia's VmarWriteTestHelper: the parent is written through a mapping made before the snapshot,
   the child through one made after; then one side writes again through its mapping. */
static void vmar_write(bool child_writes)
{
    struct side parent = {vmo_new(PAGE, 0), NULL};
    parent.map = map_here(parent.vmo, RW, PAGE);
    ASSERT_TRUE(parent.map != NULL);
    parent.map[0] = 0xdeadbeef;
    struct side child = {snapshot(parent.vmo, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE), NULL};
    child.map = map_here(child.vmo, RW, PAGE);
    ASSERT_TRUE(child.map != NULL);
    (child_writes ? child.map : parent.map)[0] = 0xc0ffee;
    EXPECT_EQ(parent.map[0], child_writes ? 0xdeadbeef : 0xc0ffee);
    EXPECT_EQ(child.map[0], child_writes ? 0xc0ffee : 0xdeadbeef);
    drop(&child, PAGE);
    drop(&parent, PAGE);
}

TEST(VmoClone2TestCase, ParentVmarWrite)
{
    vmar_write(false);
}

TEST(VmoClone2TestCase, CloneVmarWrite)
{
    vmar_write(true);
}

enum parent_mapping { NOT_MAPPED, MAPPED_BEFORE, READ_BEFORE, WRITTEN_BEFORE, MAPPED_AFTER };
enum child_mapping { CHILD_NOT_MAPPED, CHILD_MAPPED, CHILD_READ_FIRST };

struct order {
    uint32_t kind;               /* ZX_VMO_CHILD_SNAPSHOT or ..._AT_LEAST_ON_WRITE */
    enum parent_mapping parent;
    enum child_mapping child;
    bool parent_via_map, child_via_map, parent_first;
};

/* One combination, numbered id: see the top of the file. */
static void write_in_order(const struct order *o, uint64_t id)
{
    uint64_t original = id << 8 | 1, by_parent = id << 8 | 2, by_child = id << 8 | 3;
    struct side parent = {vmo_new(PAGE, 0), NULL}, child = {ZX_HANDLE_INVALID, NULL};
    if (o->parent != NOT_MAPPED && o->parent != MAPPED_AFTER)
        parent.map = map_here(parent.vmo, RW, PAGE);
    store(&parent, o->parent == WRITTEN_BEFORE, 0, original);
    if (o->parent == READ_BEFORE)
        EXPECT_EQ(parent.map[0], original);
    child.vmo = snapshot(parent.vmo, o->kind, 0, PAGE);
    if (o->parent == MAPPED_AFTER)
        parent.map = map_here(parent.vmo, RW, PAGE);
    if (o->child != CHILD_NOT_MAPPED)
        child.map = map_here(child.vmo, RW, PAGE);
    if (o->child == CHILD_READ_FIRST)
        EXPECT_EQ(child.map[0], original);
    EXPECT_EQ(seen(&parent, 0), original);
    EXPECT_EQ(seen(&child, 0), original);
    bool parent_wrote = false, child_wrote = false;
    for (int turn = 0; turn < 2; turn++) {
        if ((turn == 0) == o->parent_first) {
            store(&parent, o->parent_via_map, 0, by_parent);
            parent_wrote = true;
        } else {
            store(&child, o->child_via_map, 0, by_child);
            child_wrote = true;
        }
        EXPECT_EQ(seen(&parent, 0), parent_wrote ? by_parent : original); /* never the child's */
        uint64_t in_child = seen(&child, 0);
        if (child_wrote || o->kind == ZX_VMO_CHILD_SNAPSHOT)
            EXPECT_EQ(in_child, child_wrote ? by_child : original);
        else /* "at least on write": the parent's writes may show until the child writes the page */
            EXPECT_TRUE(in_child == original || in_child == by_parent);
    }
    drop(&child, PAGE);
    EXPECT_EQ(seen(&parent, 0), by_parent);
    drop(&parent, PAGE);
}

TEST(VmoClone2TestCase, MappedWritesInEveryOrder)
{
    static const uint32_t kinds[] = {
        ZX_VMO_CHILD_SNAPSHOT,
        ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE,
    };
    uint64_t id = 0;
    /* 2 kinds x 20 ways to map x 4 ways to write x 2 orders, less a side that writes through a
       mapping it does not have. */
    for (unsigned n = 0; n < 2 * 5 * 3 * 4 * 2; n++) {
        struct order o = {
            .kind = kinds[n % 2],
            .parent = n / 2 % 5,
            .child = n / 10 % 3,
            .parent_via_map = n / 30 % 2,
            .child_via_map = n / 60 % 2,
            .parent_first = n / 120 % 2,
        };
        bool parent_can = !o.parent_via_map || o.parent != NOT_MAPPED;
        if (parent_can && (!o.child_via_map || o.child != CHILD_NOT_MAPPED))
            write_in_order(&o, ++id);
    }
    EXPECT_EQ(id, 2 * (1 + 4 * 2) * (1 + 2 * 2) * 2); /* kinds, parent's ways, child's, orders */
}

TEST(VmoClone2TestCase, SnapshotOfPartOfAMappedParent)
{
    /* Pages 1 and 2 of four, all written through a mapping: page i of the child is i + 1 here. */
    struct side parent = {vmo_new(4 * PAGE, 0), NULL};
    parent.map = map_here(parent.vmo, RW, 4 * PAGE);
    ASSERT_TRUE(parent.map != NULL);
    for (uint64_t i = 0; i < 4; i++)
        parent.map[i * PAGE / 8] = 10 + i;
    struct side child = {snapshot(parent.vmo, ZX_VMO_CHILD_SNAPSHOT, PAGE, 2 * PAGE), NULL};
    for (uint64_t i = 0; i < 4; i++)
        parent.map[i * PAGE / 8] = 20 + i;
    EXPECT_EQ(seen(&child, 0), 11);
    EXPECT_EQ(seen(&child, PAGE), 12);
    child.map = map_here(child.vmo, RW, 2 * PAGE);
    ASSERT_TRUE(child.map != NULL);
    child.map[PAGE / 8] = 32;
    EXPECT_EQ(seen(&parent, 2 * PAGE), 22);
    EXPECT_EQ(seen(&child, 0), 11);
    EXPECT_EQ(seen(&child, PAGE), 32);
    drop(&child, 2 * PAGE);
    drop(&parent, 4 * PAGE);
}

TEST(VmoClone2TestCase, EveryMappingOfTheParentLosesWrite)
{
    /* One mapping in the root VMAR, one in a child VMAR: both were written, so both held writable
       entries when the snapshot was made. */
    zx_handle_t region;
    uintptr_t region_base, addr;
    struct side parent = {vmo_new(PAGE, 0), NULL};
    parent.map = map_here(parent.vmo, RW, PAGE);
    ASSERT_TRUE(parent.map != NULL);
    uint32_t can = ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE;
    ASSERT_OK(zx_vmar_allocate(zx_vmar_root_self(), can, 0, 4 * PAGE, &region, &region_base));
    ASSERT_OK(zx_vmar_map(region, RW, 0, parent.vmo, 0, PAGE, &addr));
    volatile uint64_t *other = (volatile uint64_t *)addr;
    parent.map[0] = 1;
    other[1] = 2;
    struct side child = {snapshot(parent.vmo, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE), NULL};
    other[0] = 3;
    parent.map[1] = 4;
    EXPECT_EQ(seen(&child, 0), 1);
    EXPECT_EQ(seen(&child, 8), 2);
    EXPECT_EQ(seen(&parent, 0), 3);
    EXPECT_EQ(other[1], 4); /* the two mappings of the parent still show the same (new) page */
    EXPECT_OK(zx_vmar_destroy(region));
    EXPECT_OK(zx_handle_close(region));
    drop(&child, PAGE);
    drop(&parent, PAGE);
}

TEST(VmoClone2TestCase, MappedSliceOfTheParentLosesWrite)
{
    /* A slice's mapping shows its parent's pages: a snapshot of the parent must protect it too. */
    struct side parent = {vmo_new(2 * PAGE, 0), NULL}, slice = {ZX_HANDLE_INVALID, NULL};
    ASSERT_OK(zx_vmo_create_child(parent.vmo, ZX_VMO_CHILD_SLICE, PAGE, PAGE, &slice.vmo));
    slice.map = map_here(slice.vmo, RW, PAGE);
    ASSERT_TRUE(slice.map != NULL);
    slice.map[0] = 5;
    struct side child = {snapshot(parent.vmo, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PAGE), NULL};
    struct side of_slice = {snapshot(slice.vmo, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE), NULL};
    slice.map[0] = 6;
    EXPECT_EQ(seen(&parent, PAGE), 6);
    EXPECT_EQ(seen(&child, PAGE), 5);
    EXPECT_EQ(seen(&of_slice, 0), 5);
    drop(&of_slice, PAGE);
    drop(&child, 2 * PAGE);
    drop(&slice, PAGE);
    drop(&parent, 2 * PAGE);
}

TEST(VmoClone2TestCase, GrandchildOfAMappedChild)
{
    /* The child's own copy, mapped writable, becomes shared with a grandchild. */
    struct side parent = {vmo_new(PAGE, 0), NULL};
    ASSERT_OK(vmo_put(parent.vmo, 0, 1));
    struct side child = {snapshot(parent.vmo, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE), NULL};
    child.map = map_here(child.vmo, RW, PAGE);
    ASSERT_TRUE(child.map != NULL);
    child.map[0] = 2;
    struct side grandchild = {snapshot(child.vmo, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE), NULL};
    child.map[0] = 3;
    EXPECT_EQ(seen(&grandchild, 0), 2);
    EXPECT_EQ(seen(&child, 0), 3);
    EXPECT_EQ(seen(&parent, 0), 1);
    drop(&grandchild, PAGE);
    drop(&child, PAGE);
    drop(&parent, PAGE);
}
