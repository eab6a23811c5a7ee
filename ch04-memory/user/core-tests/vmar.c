/*: # VmarTest: mappings, seen by the process they are in

Each test makes a child process (vm_child.h), maps VMOs into the child's root VMAR before it starts,
and lets the child (vm-touch) touch them; the child's return code, or the kill of an uncaught fault,
tells what it saw. So the whole path is checked from the outside: `zx_process_create`'s VMAR handle,
`zx_vmar_map`, the child's page faults served from the VMO, and the kernel's own copies from pages
not yet present. The rights of the VMAR handles that `zx_process_create` and `zx_vmar_allocate` give
are Fuchsia's: the default VMAR rights and the access rights of what the region may map. */
#include "vm_child.h"
#include "vmo_words.h"
#include "probe.h"
#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PS 4096u
#define RW (ZX_VM_PERM_READ | ZX_VM_PERM_WRITE)

/* A one-page VMO whose first word is value. */
static zx_handle_t vmo_with(uint64_t value)
{
    zx_handle_t vmo = vmo_new(PS, 0);
    EXPECT_OK(vmo_put(vmo, 0, value));
    return vmo;
}

TEST(VmarTest, ProcessCreateGivesItsRootVmar)
{
    zx_handle_t process, vmar;
    ASSERT_OK(zx_process_create(zx_job_default(), "empty", 5, 0, &process, &vmar));
    EXPECT_EQ(basic(vmar).type, ZX_OBJ_TYPE_VMAR);
    EXPECT_OK(zx_handle_close(vmar));
    EXPECT_OK(zx_handle_close(process));
}

TEST(VmarTest, ChildReadsTheMappedVmo)
{
    struct vm_child c;
    zx_handle_t vmo = vmo_with(0x1234567);
    ASSERT_OK(vm_child_prepare(&c, "read"));
    EXPECT_NE(vm_child_map(&c, vmo, ZX_VM_PERM_READ, 0), 0);
    EXPECT_EQ(vm_child_run(&c), 0x1234567);
    zx_handle_close(vmo);
    zx_handle_close(c.mailbox);
}

TEST(VmarTest, ChildStoresReachTheVmo)
{
    struct vm_child c;
    zx_handle_t vmo = vmo_with(0);
    ASSERT_OK(vm_child_prepare(&c, "write"));
    vm_child_map(&c, vmo, RW, 0xfeedf00d);
    EXPECT_EQ(vm_child_run(&c), 0);
    EXPECT_EQ(vmo_get(vmo, 0), 0xfeedf00d);
    zx_handle_close(vmo);
    zx_handle_close(c.mailbox);
}

TEST(VmarTest, StoreToReadOnlyMappingKillsTheChild)
{
    struct vm_child c;
    zx_handle_t vmo = vmo_with(5);
    ASSERT_OK(vm_child_prepare(&c, "write"));
    vm_child_map(&c, vmo, ZX_VM_PERM_READ, 6);
    EXPECT_EQ(vm_child_run(&c), ZX_TASK_RETCODE_EXCEPTION_KILL);
    EXPECT_EQ(vmo_get(vmo, 0), 5);
    zx_handle_close(vmo);
    zx_handle_close(c.mailbox);
}

TEST(VmarTest, UnmappedBeforeStartIsAFault)
{
    struct vm_child c;
    zx_handle_t vmo = vmo_with(5);
    ASSERT_OK(vm_child_prepare(&c, "read"));
    uintptr_t addr = vm_child_map(&c, vmo, ZX_VM_PERM_READ, 0);
    EXPECT_OK(zx_vmar_unmap(c.l.vmar, addr, PS));
    EXPECT_EQ(vm_child_run(&c), ZX_TASK_RETCODE_EXCEPTION_KILL);
    zx_handle_close(vmo);
    zx_handle_close(c.mailbox);
}

TEST(VmarTest, KernelCopyFaultsThePageIn)
{
    /* The child never touches the page itself: only zx_vmo_write reads it, from the kernel. */
    struct vm_child c;
    zx_handle_t vmo = vmo_with(0x7007);
    ASSERT_OK(vm_child_prepare(&c, "copy"));
    vm_child_map(&c, vmo, ZX_VM_PERM_READ, 0);
    EXPECT_EQ(vm_child_run(&c), 0);
    EXPECT_EQ(vmo_get(c.mailbox, 16), 0x7007);
    zx_handle_close(vmo);
    zx_handle_close(c.mailbox);
}

TEST(VmarTest, ChildSeesItsSnapshotNotLaterWrites)
{
    struct vm_child c;
    zx_handle_t parent = vmo_with(111), snapshot;
    ASSERT_OK(zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT, 0, PS, &snapshot));
    uint64_t later = 222;
    EXPECT_OK(zx_vmo_write(parent, &later, 0, sizeof later));
    ASSERT_OK(vm_child_prepare(&c, "read"));
    vm_child_map(&c, snapshot, ZX_VM_PERM_READ, 0);
    EXPECT_EQ(vm_child_run(&c), 111);
    zx_handle_close(snapshot);
    zx_handle_close(parent);
    zx_handle_close(c.mailbox);
}

TEST(VmarTest, MapChecksRightsOptionsAndOverlap)
{
    struct vm_child c;
    zx_handle_t vmo = vmo_with(0), no_map, read_only;
    ASSERT_OK(vm_child_prepare(&c, "read"));
    ASSERT_OK(zx_handle_duplicate(vmo, ZX_RIGHT_READ | ZX_RIGHT_WRITE, &no_map));
    ASSERT_OK(zx_handle_duplicate(vmo, ZX_RIGHT_READ | ZX_RIGHT_MAP, &read_only));
    uintptr_t addr;
    EXPECT_STATUS(zx_vmar_map(c.l.vmar, ZX_VM_PERM_READ, 0, no_map, 0, PS, &addr),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_vmar_map(c.l.vmar, RW, 0, read_only, 0, PS, &addr), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_vmar_map(c.l.vmar, ZX_VM_PERM_READ, 0, vmo, 100, PS, &addr),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmar_map(c.l.vmar, ZX_VM_PERM_READ, PS, vmo, 0, PS, &addr),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmar_map(vmo, ZX_VM_PERM_READ, 0, vmo, 0, PS, &addr), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_vmar_map(c.l.vmar, ZX_VM_PERM_READ, 0, vmo, 0, PS, UNMAPPED),
                  ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_vmar_map(c.l.vmar, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, 16 * PS, vmo, 0, PS, &addr));
    EXPECT_STATUS(
        zx_vmar_map(c.l.vmar, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, 16 * PS, vmo, 0, PS, &addr),
        ZX_ERR_ALREADY_EXISTS);
    zx_handle_t handles[] = {vmo, no_map, read_only, c.mailbox, c.l.process, c.l.thread, c.l.vmar};
    zx_handle_close_many(handles, 7);
}

TEST(VmarTest, ChildVmarLimitsAndDestroy)
{
    struct vm_child c;
    zx_handle_t vmo = vmo_with(0), sub;
    uintptr_t base, addr;
    ASSERT_OK(vm_child_prepare(&c, "read"));
    ASSERT_OK(zx_vmar_allocate(c.l.vmar, ZX_VM_CAN_MAP_READ, 0, 8 * PS, &sub, &base));
    EXPECT_STATUS(zx_vmar_map(sub, RW, 0, vmo, 0, PS, &addr), ZX_ERR_ACCESS_DENIED);
    ASSERT_OK(zx_vmar_map(sub, ZX_VM_PERM_READ, 0, vmo, 0, PS, &addr));
    EXPECT_GE(addr, base);
    EXPECT_LT(addr, base + 8 * PS);
    EXPECT_OK(zx_vmar_destroy(sub));
    EXPECT_STATUS(zx_vmar_map(sub, ZX_VM_PERM_READ, 0, vmo, 0, PS, &addr), ZX_ERR_BAD_STATE);
    zx_handle_t handles[] = {vmo, sub, c.mailbox, c.l.process, c.l.thread, c.l.vmar};
    zx_handle_close_many(handles, 6);
}

/* Fuchsia's ZX_DEFAULT_VMAR_RIGHTS: no WAIT (a VMAR has no signals), no property rights. */
#define VMAR_DEFAULT_RIGHTS                                                                       \
    (ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_INSPECT | ZX_RIGHT_OP_CHILDREN)
#define RWX (ZX_RIGHT_READ | ZX_RIGHT_WRITE | ZX_RIGHT_EXECUTE)

static zx_rights_t rights_of(zx_handle_t h)
{
    zx_info_handle_basic_t info = {0};
    EXPECT_OK(zx_object_get_info(h, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    return info.rights;
}

TEST(VmarTest, NewHandlesHaveTheDefaultVmarRights)
{
    struct vm_child c;
    zx_handle_t weak, sub;
    uintptr_t base;
    ASSERT_OK(vm_child_prepare(&c, "read"));
    EXPECT_EQ(rights_of(c.l.vmar), VMAR_DEFAULT_RIGHTS | RWX);
    /* The child's handle does not inherit the parent handle's rights: it gets the defaults, and the
       access rights of what it may map. */
    ASSERT_OK(zx_handle_duplicate(c.l.vmar, ZX_RIGHTS_IO | ZX_RIGHT_OP_CHILDREN, &weak));
    uint32_t can_map_rw = ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE;
    ASSERT_OK(zx_vmar_allocate(weak, can_map_rw, 0, 4 * PS, &sub, &base));
    EXPECT_EQ(rights_of(sub), VMAR_DEFAULT_RIGHTS | ZX_RIGHT_READ | ZX_RIGHT_WRITE);
    EXPECT_STATUS(zx_object_wait_one(sub, ZX_USER_SIGNAL_0, 0, NULL), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_handle_close(sub));
    EXPECT_STATUS(zx_vmar_allocate(weak, ZX_VM_CAN_MAP_EXECUTE, 0, 4 * PS, &sub, &base),
                  ZX_ERR_ACCESS_DENIED);
    zx_handle_t handles[] = {weak, c.mailbox, c.l.process, c.l.thread, c.l.vmar};
    zx_handle_close_many(handles, 5);
}
