/*: # VmarTest in a process's own address space

A Zircon program reaches its own address space through `zx_vmar_root_self()`, the handle its
start-up message files as PA_VMAR_ROOT. These tests map VMOs there and use the mappings as any
program would: through plain pointers, which fault pages in from the VMO, and as buffers of system
calls, which the kernel copies from and to even before the page is present. A mapping that is gone
makes those system calls fail with ZX_ERR_INVALID_ARGS, never harm the kernel.

`Vmar.AllocateUnsatisfiableTest` is Fuchsia's case, under Fuchsia's group name; the others are
`VmarTest`. */
#include "vmo_words.h"
#include "probe.h"
#include "zircon/process.h"
#include "zircon/vm_info.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PS 4096u
#define RW (ZX_VM_PERM_READ | ZX_VM_PERM_WRITE)

/* A new one-page VMO (in *vmo) whose first word is value, mapped here with perms. */
static volatile uint64_t *new_mapped_page(zx_handle_t *vmo, uint64_t value, uint32_t perms)
{
    *vmo = vmo_new(PS, 0);
    EXPECT_OK(vmo_put(*vmo, 0, value));
    return map_here(*vmo, perms, PS);
}

TEST(VmarTest, RootSelfIsTheRootOfThisProcess)
{
    zx_info_vmar_t info;
    ASSERT_TRUE(is_valid(zx_vmar_root_self()));
    EXPECT_EQ(basic(zx_vmar_root_self()).type, ZX_OBJ_TYPE_VMAR);
    ASSERT_OK(
        zx_object_get_info(zx_vmar_root_self(), ZX_INFO_VMAR, &info, sizeof info, NULL, NULL));
    EXPECT_GT(info.len, 0);
    EXPECT_EQ(info.base % PS, 0);
}

TEST(VmarTest, PointersReadAndWriteTheMappedVmo)
{
    zx_handle_t vmo = vmo_new(2 * PS, 0);
    ASSERT_OK(vmo_put(vmo, PS, 0x5151));
    volatile uint64_t *p = map_here(vmo, RW, 2 * PS);
    ASSERT_NE((uintptr_t)p, 0);
    EXPECT_EQ(p[PS / 8], 0x5151);
    EXPECT_EQ(p[0], 0); /* a page nobody wrote reads as zeros */
    p[1] = 0xabcdef;
    EXPECT_EQ(vmo_get(vmo, 8), 0xabcdef);
    EXPECT_OK(vmo_put(vmo, 16, 77));
    EXPECT_EQ(p[2], 77);
    unmap_here(p, 2 * PS);
    zx_handle_close(vmo);
}

TEST(VmarTest, SystemCallsCopyFromAndToMappingsNotYetTouched)
{
    zx_handle_t source, target = vmo_new(PS, 0);
    volatile uint64_t *p = new_mapped_page(&source, 0x600d, RW);
    ASSERT_NE((uintptr_t)p, 0);
    /* The kernel reads the page before this thread ever touched it. */
    EXPECT_OK(zx_vmo_write(target, (const void *)p, 0, 8));
    EXPECT_EQ(vmo_get(target, 0), 0x600d);
    /* And writes into a page of the mapping that is not yet present. */
    ASSERT_OK(vmo_put(target, 8, 0x7777));
    EXPECT_OK(zx_vmo_read(target, (void *)(p + 64), 8, 8));
    EXPECT_EQ(vmo_get(source, 512), 0x7777);
    unmap_here(p, PS);
    zx_handle_close(source);
    zx_handle_close(target);
}

TEST(VmarTest, UnmappedBufferIsInvalidArgsForSystemCalls)
{
    zx_handle_t vmo, other = vmo_new(PS, 0);
    volatile uint64_t *p = new_mapped_page(&vmo, 1, RW);
    ASSERT_NE((uintptr_t)p, 0);
    unmap_here(p, PS);
    EXPECT_STATUS(zx_vmo_write(other, (const void *)p, 0, 8), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_read(other, (void *)p, 0, 8), ZX_ERR_INVALID_ARGS);
    zx_handle_close(vmo);
    zx_handle_close(other);
}

TEST(VmarTest, ReadOnlyMappingRefusesTheKernelsWrites)
{
    zx_handle_t vmo, other = vmo_new(PS, 0);
    volatile uint64_t *p = new_mapped_page(&vmo, 42, ZX_VM_PERM_READ);
    ASSERT_NE((uintptr_t)p, 0);
    EXPECT_EQ(p[0], 42);
    EXPECT_STATUS(zx_vmo_read(other, (void *)p, 0, 8), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(p[0], 42);
    EXPECT_OK(zx_vmar_protect(zx_vmar_root_self(), RW, (zx_vaddr_t)p, PS));
    EXPECT_OK(zx_vmo_read(other, (void *)p, 0, 8));
    EXPECT_EQ(p[0], 0);
    unmap_here(p, PS);
    zx_handle_close(vmo);
    zx_handle_close(other);
}

TEST(VmarTest, MappingKeepsItsVmoAfterTheHandleCloses)
{
    zx_handle_t vmo;
    volatile uint64_t *p = new_mapped_page(&vmo, 99, RW);
    ASSERT_NE((uintptr_t)p, 0);
    EXPECT_OK(zx_handle_close(vmo));
    EXPECT_EQ(p[0], 99);
    p[0] = 100;
    EXPECT_EQ(p[0], 100);
    unmap_here(p, PS);
}

TEST(VmarTest, SnapshotMappedHereKeepsItsPagesWhenTheParentChanges)
{
    zx_handle_t parent = vmo_new(PS, 0), child;
    ASSERT_OK(vmo_put(parent, 0, 1));
    ASSERT_OK(zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT, 0, PS, &child));
    volatile uint64_t *p = map_here(child, RW, PS);
    ASSERT_NE((uintptr_t)p, 0);
    EXPECT_EQ(p[0], 1);
    ASSERT_OK(vmo_put(parent, 0, 2));
    EXPECT_EQ(p[0], 1);
    p[0] = 3;
    EXPECT_EQ(vmo_get(parent, 0), 2);
    EXPECT_EQ(vmo_get(child, 0), 3);
    unmap_here(p, PS);
    zx_handle_close(child);
    zx_handle_close(parent);
}

TEST(VmarTest, DestroyedSubregionTakesItsMappingsAlong)
{
    zx_handle_t sub, vmo = vmo_new(PS, 0), other = vmo_new(PS, 0);
    zx_vaddr_t sub_base, addr;
    uint32_t can = ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE | ZX_VM_CAN_MAP_SPECIFIC;
    ASSERT_OK(zx_vmar_allocate(zx_vmar_root_self(), can, 0, 4 * PS, &sub, &sub_base));
    ASSERT_OK(zx_vmar_map(sub, RW | ZX_VM_SPECIFIC, PS, vmo, 0, PS, &addr));
    EXPECT_EQ(addr, sub_base + PS);
    *(volatile uint64_t *)addr = 5;
    EXPECT_EQ(vmo_get(vmo, 0), 5);
    EXPECT_OK(zx_vmar_destroy(sub));
    EXPECT_STATUS(zx_vmo_write(other, (const void *)addr, 0, 8), ZX_ERR_INVALID_ARGS);
    zx_handle_close(sub);
    zx_handle_close(vmo);
    zx_handle_close(other);
}

TEST(VmarTest, SpecificPlaceTakenIsAlreadyExistsForMapsAndVmars)
{
    uint32_t can = ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE | ZX_VM_CAN_MAP_SPECIFIC;
    zx_handle_t region, inner, vmo = vmo_new(PS, 0);
    zx_vaddr_t base, addr;
    ASSERT_OK(zx_vmar_allocate(zx_vmar_root_self(), can, 0, 4 * PS, &region, &base));
    ASSERT_OK(zx_vmar_map(region, RW | ZX_VM_SPECIFIC, PS, vmo, 0, PS, &addr));
    EXPECT_STATUS(zx_vmar_map(region, RW | ZX_VM_SPECIFIC, PS, vmo, 0, PS, &addr),
                  ZX_ERR_ALREADY_EXISTS);
    EXPECT_STATUS(zx_vmar_allocate(region, can | ZX_VM_SPECIFIC, 0, 2 * PS, &inner, &addr),
                  ZX_ERR_ALREADY_EXISTS);
    EXPECT_STATUS(zx_vmar_allocate(region, can | ZX_VM_SPECIFIC, 3 * PS, 2 * PS, &inner, &addr),
                  ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_vmar_allocate(region, can | ZX_VM_SPECIFIC, 3 * PS, PS, &inner, &addr));
    EXPECT_EQ(addr, base + 3 * PS);
    EXPECT_OK(zx_vmar_destroy(region));
    zx_handle_t handles[] = {inner, region, vmo};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(Vmar, AllocateUnsatisfiableTest)
{
    /* Fuchsia's case: a child VMAR or a mapping larger than its VMAR is ZX_ERR_INVALID_ARGS; a VMAR
       that has no room left is ZX_ERR_NO_MEMORY. */
    uint32_t can = ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE;
    zx_handle_t region, inner, vmo = vmo_new(11 * PS, 0);
    uintptr_t base, addr;
    ASSERT_OK(zx_vmar_allocate(zx_vmar_root_self(), can, 0, 10 * PS, &region, &base));
    EXPECT_STATUS(zx_vmar_allocate(region, can, 0, 11 * PS, &inner, &addr), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmar_map(region, RW, 0, vmo, 0, 11 * PS, &addr), ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_vmar_allocate(region, can, 0, 10 * PS, &inner, &addr));
    EXPECT_EQ(addr, base); /* the whole of it fits, in the one place there is */
    zx_handle_t more;
    EXPECT_STATUS(zx_vmar_allocate(region, can, 0, PS, &more, &addr), ZX_ERR_NO_MEMORY); /* full */
    EXPECT_STATUS(zx_vmar_map(region, RW, 0, vmo, 0, PS, &addr), ZX_ERR_NO_MEMORY);
    EXPECT_OK(zx_vmar_destroy(region));
    zx_handle_t handles[] = {inner, region, vmo};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}
