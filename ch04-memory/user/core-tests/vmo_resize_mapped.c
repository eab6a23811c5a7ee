/*: # VmoTestCase: resizing a VMO that is mapped

A mapping may be longer than its VMO, and a resizable VMO may shrink under its mappings. Fuchsia's
reference warns of the hazard: a thread that touches a mapped page past the VMO's new end faults
(`ZX_EXCP_FATAL_PAGE_FAULT`), and a system call given such a page as a buffer fails. That must hold
for every page a mapping had already filled in: a page of the VMO's own, a never-written page shown
as the zero page, and a page shared with a snapshot and mapped read-only, so `zx_vmo_set_size`
removes them all from every mapping (vm/vmo.c). When the VMO grows again, the same mapping shows the
new pages, zeros. */
#include "access_probe.h"
#include "probe.h"
#include "vmo_words.h"
#include "zircon/process.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PAGE 4096u
#define RW (ZX_VM_PERM_READ | ZX_VM_PERM_WRITE)

/* Can the kernel copy the word at p, as a system call's buffer? */
static zx_status_t kernel_reads(const volatile uint64_t *p)
{
    zx_handle_t scratch = vmo_new(PAGE, 0);
    zx_status_t status = zx_vmo_write(scratch, (const void *)p, 0, sizeof *p);
    EXPECT_OK(zx_handle_close(scratch));
    return status;
}

TEST(VmoTestCase, ResizeHazard)
{
    /* Fuchsia's case: a page read through the mapping (the zero page) faults, loads and stores,
       once the VMO has shrunk to nothing. */
    zx_handle_t vmo = vmo_new(2 * PAGE, ZX_VMO_RESIZABLE);
    volatile uint64_t *p = map_here(vmo, RW, 2 * PAGE);
    ASSERT_TRUE(p != NULL);
    EXPECT_EQ(p[1], 0);
    ASSERT_OK(zx_vmo_set_size(vmo, 0));
    EXPECT_EQ(load_fault(p + 1), ZX_EXCP_FATAL_PAGE_FAULT);
    EXPECT_EQ(store_fault(p + 1), ZX_EXCP_FATAL_PAGE_FAULT);
    EXPECT_OK(zx_handle_close(vmo));
    unmap_here(p, 2 * PAGE);
}

TEST(VmoTestCase, ShrinkUnmapsEveryPagePastTheEnd)
{
    /* Pages 0 and 2 are the VMO's own, 1 and 3 never written: after the reads below, two mappings
       show all four, the odd ones as the zero page. */
    zx_handle_t vmo = vmo_new(4 * PAGE, ZX_VMO_RESIZABLE);
    ASSERT_OK(vmo_put(vmo, 0, 7));
    ASSERT_OK(vmo_put(vmo, 2 * PAGE, 9));
    volatile uint64_t *a = map_here(vmo, RW, 4 * PAGE);
    volatile uint64_t *b = map_here(vmo, ZX_VM_PERM_READ, 4 * PAGE);
    ASSERT_TRUE(a != NULL && b != NULL);
    for (unsigned i = 0; i < 4; i++)
        EXPECT_EQ(a[i * PAGE / 8] + b[i * PAGE / 8], i == 0 ? 14 : i == 2 ? 18 : 0);
    ASSERT_OK(zx_vmo_set_size(vmo, PAGE));
    EXPECT_EQ(a[0], 7); /* the page before the end stays */
    for (unsigned i = 1; i < 4; i++) {
        EXPECT_EQ(load_fault(a + i * PAGE / 8), ZX_EXCP_FATAL_PAGE_FAULT);
        EXPECT_EQ(load_fault(b + i * PAGE / 8), ZX_EXCP_FATAL_PAGE_FAULT);
        EXPECT_STATUS(kernel_reads(a + i * PAGE / 8), ZX_ERR_INVALID_ARGS);
        EXPECT_STATUS(kernel_reads(b + i * PAGE / 8), ZX_ERR_INVALID_ARGS);
    }
    ASSERT_OK(zx_vmo_set_size(vmo, 0));
    EXPECT_EQ(load_fault(a), ZX_EXCP_FATAL_PAGE_FAULT);
    EXPECT_STATUS(kernel_reads(b), ZX_ERR_INVALID_ARGS);
    /* Grown again, the mappings show the new pages: zeros, whatever was there before. */
    ASSERT_OK(zx_vmo_set_size(vmo, 4 * PAGE));
    EXPECT_EQ(load_fault(a + 2 * PAGE / 8), 0);
    EXPECT_EQ(a[2 * PAGE / 8], 0);
    EXPECT_EQ(b[0], 0);
    a[PAGE / 8] = 5;
    EXPECT_EQ(vmo_get(vmo, PAGE), 5);
    unmap_here(a, 4 * PAGE);
    unmap_here(b, 4 * PAGE);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmoTestCase, ShrinkOfMappedSnapshotUnmapsSharedPages)
{
    /* A resizable snapshot's pages are its parent's until written: mapped, they are read-only. */
    zx_handle_t parent = vmo_new(2 * PAGE, 0), child;
    ASSERT_OK(vmo_put(parent, 0, 1));
    ASSERT_OK(vmo_put(parent, PAGE, 2));
    uint32_t kind = ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_RESIZABLE;
    ASSERT_OK(zx_vmo_create_child(parent, kind, 0, 2 * PAGE, &child));
    volatile uint64_t *p = map_here(child, RW, 2 * PAGE);
    ASSERT_TRUE(p != NULL);
    EXPECT_EQ(p[0] + p[PAGE / 8], 3);
    ASSERT_OK(zx_vmo_set_size(child, 0));
    EXPECT_EQ(load_fault(p), ZX_EXCP_FATAL_PAGE_FAULT);
    EXPECT_EQ(load_fault(p + PAGE / 8), ZX_EXCP_FATAL_PAGE_FAULT);
    EXPECT_EQ(vmo_get(parent, PAGE), 2); /* the parent keeps its pages */
    unmap_here(p, 2 * PAGE);
    zx_handle_t both[] = {child, parent};
    EXPECT_OK(zx_handle_close_many(both, 2));
}

TEST(VmoTestCase, NoResize)
{
    /* Fuchsia's case: a VMO made without ZX_VMO_RESIZABLE keeps its size, and so may be mapped by a
       program that asks, with ZX_VM_REQUIRE_NON_RESIZABLE, never to see it shrink. */
    zx_handle_t vmo = vmo_new(4 * PAGE, 0);
    EXPECT_STATUS(zx_vmo_set_size(vmo, 5 * PAGE), ZX_ERR_UNAVAILABLE);
    EXPECT_STATUS(zx_vmo_set_size(vmo, 3 * PAGE), ZX_ERR_UNAVAILABLE);
    EXPECT_EQ(vmo_size_of(vmo), 4 * PAGE);
    volatile uint64_t *p = map_here(vmo, RW | ZX_VM_REQUIRE_NON_RESIZABLE, 4 * PAGE);
    ASSERT_TRUE(p != NULL);
    p[0] = 1;
    EXPECT_EQ(vmo_get(vmo, 0), 1);
    unmap_here(p, 4 * PAGE);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmoTestCase, RequireNonResizableRefusesAResizableVmo)
{
    /* From Fuchsia's VmoTestCase.Resize: a resizable VMO is not supported by such a mapping, and a
       snapshot made resizable neither; the same VMOs map without the option. */
    uintptr_t addr;
    zx_handle_t vmo = vmo_new(4 * PAGE, ZX_VMO_RESIZABLE), child;
    EXPECT_STATUS(zx_vmar_map(zx_vmar_root_self(), ZX_VM_PERM_READ | ZX_VM_REQUIRE_NON_RESIZABLE, 0,
                              vmo, 0, 4 * PAGE, &addr),
                  ZX_ERR_NOT_SUPPORTED);
    uint32_t kind = ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_RESIZABLE;
    ASSERT_OK(zx_vmo_create_child(vmo, kind, 0, PAGE, &child));
    EXPECT_STATUS(zx_vmar_map(zx_vmar_root_self(), ZX_VM_PERM_READ | ZX_VM_REQUIRE_NON_RESIZABLE, 0,
                              child, 0, PAGE, &addr),
                  ZX_ERR_NOT_SUPPORTED);
    volatile uint64_t *p = map_here(vmo, ZX_VM_PERM_READ, 4 * PAGE);
    ASSERT_TRUE(p != NULL);
    unmap_here(p, 4 * PAGE);
    zx_handle_t both[] = {child, vmo};
    EXPECT_OK(zx_handle_close_many(both, 2));
}
