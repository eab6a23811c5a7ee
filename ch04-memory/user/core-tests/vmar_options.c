/*: # VmarTest: the options of zx_vmar_allocate and zx_vmar_map

The options beyond permissions and places, as Fuchsia's reference gives them:

- `ZX_VM_ALIGN_1KB` to `ZX_VM_ALIGN_4GB` align the address of a mapping or a child VMAR; any other
  value in the options' top byte is `ZX_ERR_INVALID_ARGS`, and so is a specific place that is not
  aligned (`AlignmentVmarMapTest` and `AlignmentVmarAllocateTest` are Fuchsia's cases);
- `ZX_VM_COMPACT` (allocate only) asks that the child's own mappings and children be kept close
  together: Zinc puts them in its lowest gap;
- `ZX_VM_MAP_RANGE` (map only) fills the page table for the pages the VMO already has, and cannot be
  combined with `ZX_VM_SPECIFIC_OVERWRITE`;
- `ZX_VM_SPECIFIC_OVERWRITE` is a specific place on its own, and `ZX_VM_CAN_MAP_SPECIFIC` may be
  given to a child whose parent lacks it.

The tests work in regions of this process's own address space that they place themselves, at the
first free address aligned to the region's size, as Fuchsia's MakeManualAlignedVmar does: a region
of 64 MiB so aligned gives every alignment up to 32 MiB room, whatever the machine's user address
space (LibOS gives a process 2 GiB), and whatever the kernel's own choice of places would be (the
placement lab's stub only ever looks past the last mapping).

The cases that are Fuchsia's run under Fuchsia's group name, `Vmar`; the others are `VmarTest`. */
#include "probe.h"
#include "vmo_words.h"
#include "zircon/process.h"
#include "zircon/vm_info.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PS 4096u
#define RW (ZX_VM_PERM_READ | ZX_VM_PERM_WRITE)
#define CAN_RW (ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE)
#define REGION (64u << 20)

/* A child VMAR of this process's root, of size bytes (a power of two) with the options given, at
   the first free address aligned to its size; base receives its address. */
static zx_handle_t region(uint32_t options, size_t size, uintptr_t *base)
{
    zx_handle_t h = ZX_HANDLE_INVALID, root = zx_vmar_root_self();
    zx_info_vmar_t info = {0};
    EXPECT_OK(zx_object_get_info(root, ZX_INFO_VMAR, &info, sizeof info, NULL, NULL));
    uintptr_t at = (info.base + size - 1) & ~(uintptr_t)(size - 1);
    for (options |= ZX_VM_SPECIFIC; at + size <= info.base + info.len; at += size)
        if (zx_vmar_allocate(root, options, at - info.base, size, &h, base) == ZX_OK)
            return h;
    EXPECT_TRUE(!"no free place for the region");
    return h;
}

static void close_region(zx_handle_t h)
{
    EXPECT_OK(zx_vmar_destroy(h));
    EXPECT_OK(zx_handle_close(h));
}

/* The alignment options from 1 KiB to 32 MiB, as (log2 << ZX_VM_ALIGN_BASE). */
#define FIRST_ALIGN 10u
#define LAST_ALIGN 25u

TEST(Vmar, AlignmentVmarMapTest)
{
    uintptr_t base, addr;
    zx_handle_t vmo = vmo_new(2 * PS, 0);
    zx_handle_t r = region(CAN_RW | ZX_VM_CAN_MAP_SPECIFIC, REGION, &base);
    EXPECT_EQ(base % REGION, 0);
    EXPECT_STATUS(zx_vmar_map(r, RW | ZX_VM_ALIGN_64KB | ZX_VM_SPECIFIC, PS, vmo, 0, 2 * PS, &addr),
                  ZX_ERR_INVALID_ARGS); /* a specific place must meet the alignment */
    uint32_t at_64k = RW | ZX_VM_ALIGN_64KB | ZX_VM_SPECIFIC;
    ASSERT_OK(zx_vmar_map(r, at_64k, 64 << 10, vmo, 0, 2 * PS, &addr));
    EXPECT_EQ(addr, base + (64 << 10));
    EXPECT_OK(zx_vmar_unmap(r, addr, 2 * PS));
    EXPECT_STATUS(zx_vmar_map(r, RW | (9u << ZX_VM_ALIGN_BASE), 0, vmo, 0, 2 * PS, &addr),
                  ZX_ERR_INVALID_ARGS); /* from 2^10 to 2^32 only */
    EXPECT_STATUS(zx_vmar_map(r, RW | (33u << ZX_VM_ALIGN_BASE), 0, vmo, 0, 2 * PS, &addr),
                  ZX_ERR_INVALID_ARGS);
    for (uint32_t log2 = FIRST_ALIGN; log2 <= LAST_ALIGN; log2++) {
        ASSERT_OK(zx_vmar_map(r, RW | (log2 << ZX_VM_ALIGN_BASE), 0, vmo, 0, 2 * PS, &addr));
        EXPECT_EQ(addr % ((uintptr_t)1 << log2), 0); /* aligned */
        EXPECT_GE(addr, base);
        EXPECT_LE(addr + 2 * PS, base + REGION);
        *(volatile uint64_t *)addr = log2; /* and it is a mapping like any other */
        EXPECT_EQ(vmo_get(vmo, 0), log2);
        EXPECT_OK(zx_vmar_unmap(r, addr, 2 * PS));
    }
    close_region(r);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(Vmar, AlignmentVmarAllocateTest)
{
    uintptr_t base, addr;
    zx_handle_t child;
    zx_handle_t r = region(CAN_RW | ZX_VM_CAN_MAP_SPECIFIC, REGION, &base);
    uint32_t at_64k = CAN_RW | ZX_VM_ALIGN_64KB | ZX_VM_SPECIFIC;
    EXPECT_STATUS(zx_vmar_allocate(r, at_64k, PS, 16 * PS, &child, &addr), ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_vmar_allocate(r, at_64k, 64 << 10, 16 * PS, &child, &addr));
    EXPECT_EQ(addr, base + (64 << 10));
    close_region(child);
    for (uint32_t log2 = 9; log2 <= 33; log2 += 24) { /* from 2^10 to 2^32 only */
        uint32_t aligned = CAN_RW | (log2 << ZX_VM_ALIGN_BASE);
        EXPECT_STATUS(zx_vmar_allocate(r, aligned, 0, PS, &child, &addr), ZX_ERR_INVALID_ARGS);
    }
    for (uint32_t log2 = FIRST_ALIGN; log2 <= LAST_ALIGN; log2++) {
        uint32_t aligned = CAN_RW | (log2 << ZX_VM_ALIGN_BASE);
        ASSERT_OK(zx_vmar_allocate(r, aligned, 0, 16 * PS, &child, &addr));
        EXPECT_EQ(addr % ((uintptr_t)1 << log2), 0); /* aligned */
        EXPECT_GE(addr, base);
        EXPECT_LE(addr + 16 * PS, base + REGION);
        close_region(child);
    }
    close_region(r);
}

TEST(Vmar, MapInCompactTest)
{
    /* Fuchsia's case: mappings in a compact VMAR land inside it. */
    uintptr_t base, a, b;
    zx_handle_t vmo = vmo_new(PS, 0);
    zx_handle_t r = region(CAN_RW | ZX_VM_COMPACT, 16 * PS, &base);
    ASSERT_OK(zx_vmar_map(r, RW, 0, vmo, 0, PS, &a));
    ASSERT_OK(zx_vmar_map(r, RW, 0, vmo, 0, PS, &b));
    EXPECT_TRUE(a >= base && a + PS <= base + 16 * PS);
    EXPECT_TRUE(b >= base && b + PS <= base + 16 * PS);
    close_region(r);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmarTest, CompactVmarKeepsItsMappingsTogether)
{
    /* Zinc keeps a compact VMAR's mappings as close as can be: each goes into the lowest gap (the
       kernel test compact_vmar_takes_the_lowest_gap checks the holes, for the placement lab). */
    uintptr_t base, a, b;
    zx_handle_t vmo = vmo_new(PS, 0);
    zx_handle_t r = region(CAN_RW | ZX_VM_COMPACT, 64 * PS, &base);
    ASSERT_OK(zx_vmar_map(r, RW, 0, vmo, 0, PS, &a));
    ASSERT_OK(zx_vmar_map(r, RW, 0, vmo, 0, PS, &b));
    EXPECT_EQ(a, base);
    EXPECT_EQ(b, base + PS);
    close_region(r);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmarTest, OptionsBelongToTheirCall)
{
    /* Fuchsia's InvalidArgsTest, for the options of this file: each call takes its own. */
    uintptr_t base, addr;
    zx_handle_t child, vmo = vmo_new(4 * PS, 0);
    zx_handle_t r = region(CAN_RW | ZX_VM_CAN_MAP_SPECIFIC, 16 * PS, &base);
    EXPECT_STATUS(zx_vmar_map(r, RW | ZX_VM_COMPACT, 0, vmo, 0, PS, &addr), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmar_allocate(r, CAN_RW | ZX_VM_MAP_RANGE, 0, PS, &child, &addr),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmar_allocate(r, CAN_RW | ZX_VM_REQUIRE_NON_RESIZABLE, 0, PS, &child, &addr),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmar_allocate(r, CAN_RW | ZX_VM_PERM_READ, 0, PS, &child, &addr),
                  ZX_ERR_INVALID_ARGS);
    uint32_t both = ZX_VM_PERM_READ | ZX_VM_SPECIFIC_OVERWRITE | ZX_VM_MAP_RANGE;
    EXPECT_STATUS(zx_vmar_map(r, both, PS, vmo, 0, 4 * PS, &addr), ZX_ERR_INVALID_ARGS);
    close_region(r);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmarTest, MapRangeShowsWhatTheVmoHas)
{
    /* The pages are in the page table at once; from the outside that looks like any mapping. */
    uintptr_t addr;
    zx_handle_t vmo = vmo_new(4 * PS, 0);
    ASSERT_OK(vmo_put(vmo, 0, 11));
    ASSERT_OK(vmo_put(vmo, 2 * PS, 13));
    ASSERT_OK(zx_vmar_map(zx_vmar_root_self(), RW | ZX_VM_MAP_RANGE, 0, vmo, 0, 4 * PS, &addr));
    volatile uint64_t *p = (volatile uint64_t *)addr;
    EXPECT_EQ(p[0] + p[PS / 8] + p[2 * PS / 8] + p[3 * PS / 8], 24);
    p[PS / 8] = 12;
    EXPECT_EQ(vmo_get(vmo, PS), 12);
    unmap_here(p, 4 * PS);
    /* Fuchsia's VmarMapRangeOffsetTest: from an offset in the VMO, with no permission at all, in
       another process's address space. */
    zx_handle_t process, vmar;
    ASSERT_OK(zx_process_create(zx_job_default(), "map-range", 9, 0, &process, &vmar));
    EXPECT_OK(zx_vmar_map(vmar, ZX_VM_MAP_RANGE, 0, vmo, 2 * PS, PS, &addr));
    zx_handle_t handles[] = {vmar, process, vmo};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(VmarTest, SpecificOverwriteIsSpecificOnItsOwn)
{
    uintptr_t base, addr;
    zx_handle_t first = vmo_new(PS, 0), second = vmo_new(PS, 0);
    ASSERT_OK(vmo_put(second, 0, 2));
    zx_handle_t r = region(CAN_RW | ZX_VM_CAN_MAP_SPECIFIC, 4 * PS, &base);
    ASSERT_OK(zx_vmar_map(r, RW | ZX_VM_SPECIFIC, PS, first, 0, PS, &addr));
    ASSERT_OK(zx_vmar_map(r, RW | ZX_VM_SPECIFIC_OVERWRITE, PS, second, 0, PS, &addr));
    EXPECT_EQ(addr, base + PS);
    EXPECT_EQ(*(volatile uint64_t *)addr, 2);
    close_region(r);
    zx_handle_t both[] = {first, second};
    EXPECT_OK(zx_handle_close_many(both, 2));
}

TEST(VmarTest, CanMapSpecificNeedsNotTheParents)
{
    /* "It is NOT an error if the parent does not have ZX_VM_CAN_MAP_SPECIFIC permissions." */
    uintptr_t base, inner_base, addr;
    zx_handle_t inner, vmo = vmo_new(PS, 0);
    zx_handle_t r = region(CAN_RW, 8 * PS, &base);
    EXPECT_STATUS(zx_vmar_map(r, RW | ZX_VM_SPECIFIC, 0, vmo, 0, PS, &addr), ZX_ERR_ACCESS_DENIED);
    ASSERT_OK(zx_vmar_allocate(r, CAN_RW | ZX_VM_CAN_MAP_SPECIFIC, 0, 4 * PS, &inner, &inner_base));
    ASSERT_OK(zx_vmar_map(inner, RW | ZX_VM_SPECIFIC, 2 * PS, vmo, 0, PS, &addr));
    EXPECT_EQ(addr, inner_base + 2 * PS);
    close_region(inner);
    close_region(r);
    EXPECT_OK(zx_handle_close(vmo));
}
