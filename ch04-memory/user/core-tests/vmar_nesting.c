/*: # VmarTest: VMARs nested deeper than a kernel stack could recurse

A VMAR may hold a child VMAR as large as itself, which may hold another: a program chooses how deep
the tree goes. Destroying a VMAR, unmapping a range that holds one, and ending the process all empty
the whole subtree, and the kernel must do it in a loop (vm/vmar.c), as it destroys objects
(object/kobject.c): a recursion would need a kernel stack frame per level. Each test nests 10,000
VMARs of one page, the innermost with a mapping, keeping only the innermost handle, and takes the
tree down another way. */
#include "vmo_words.h"
#include "probe.h"
#include "zircon/process.h"
#include "zircon/vm_info.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PS 4096u
#define DEPTH 10000
#define CAN (ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_SPECIFIC)

/* Where this process's root VMAR begins: offsets in it count from there. */
static zx_vaddr_t root_base(void)
{
    zx_info_vmar_t info = {0};
    zx_handle_t root = zx_vmar_root_self();
    EXPECT_OK(zx_object_get_info(root, ZX_INFO_VMAR, &info, sizeof info, NULL, NULL));
    return info.base;
}

/* A chain of DEPTH one-page VMARs in the root VMAR, each filling its parent; the innermost maps
   vmo. Returns the outermost's handle and address, and the innermost's handle in *inner. */
static zx_handle_t nest(zx_handle_t vmo, zx_vaddr_t *outer_base, zx_handle_t *inner)
{
    zx_handle_t outer = ZX_HANDLE_INVALID, v = ZX_HANDLE_INVALID;
    zx_vaddr_t base = 0, mapped = 0;
    EXPECT_OK(zx_vmar_allocate(zx_vmar_root_self(), CAN, 0, PS, &outer, outer_base));
    v = outer;
    for (int i = 1; i < DEPTH; i++) {
        zx_handle_t child = ZX_HANDLE_INVALID;
        if (zx_vmar_allocate(v, CAN | ZX_VM_SPECIFIC, 0, PS, &child, &base) != ZX_OK) {
            EXPECT_TRUE(false); /* record the failure once, and stop */
            break;
        }
        EXPECT_EQ(base, *outer_base); /* each fills its parent */
        if (v != outer)
            zx_handle_close(v); /* its parent's entry keeps it */
        v = child;
    }
    EXPECT_OK(zx_vmar_map(v, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, 0, vmo, 0, PS, &mapped));
    EXPECT_EQ(mapped, *outer_base);
    *inner = v;
    return outer;
}

TEST(VmarTest, DestroyDeeplyNestedVmars)
{
    zx_handle_t vmo = vmo_new(PS, 0), inner;
    zx_vaddr_t base;
    ASSERT_OK(vmo_put(vmo, 0, 0x600d));
    zx_handle_t outer = nest(vmo, &base, &inner);
    EXPECT_EQ(*(volatile uint64_t *)base, 0x600d); /* through all the levels */
    EXPECT_OK(zx_vmar_destroy(outer));
    /* The innermost is dead too, and its mapping gone: the range can be allocated again. */
    zx_vaddr_t addr;
    EXPECT_STATUS(zx_vmar_map(inner, ZX_VM_PERM_READ, 0, vmo, 0, PS, &addr), ZX_ERR_BAD_STATE);
    zx_handle_t again;
    EXPECT_OK(zx_vmar_allocate(zx_vmar_root_self(), CAN | ZX_VM_SPECIFIC, base - root_base(), PS,
                               &again, &addr));
    zx_handle_t all[] = {outer, inner, again, vmo};
    EXPECT_OK(zx_handle_close_many(all, 4));
}

TEST(VmarTest, UnmapDeeplyNestedVmars)
{
    zx_handle_t vmo = vmo_new(PS, 0), inner;
    zx_vaddr_t base, addr;
    zx_handle_t outer = nest(vmo, &base, &inner);
    EXPECT_OK(zx_vmar_unmap(zx_vmar_root_self(), base, PS)); /* takes the outermost with it */
    EXPECT_STATUS(zx_vmar_map(inner, ZX_VM_PERM_READ, 0, vmo, 0, PS, &addr), ZX_ERR_BAD_STATE);
    EXPECT_STATUS(zx_vmar_destroy(outer), ZX_ERR_BAD_STATE);
    zx_handle_t all[] = {outer, inner, vmo};
    EXPECT_OK(zx_handle_close_many(all, 3));
}
