/*: # VmoTestCase.Info*, VmarTest.*Info* and ProcessMaps*: what object_get_info says about memory

A VMO's record as it is written and given children; then a child process, prepared but not started
(as in vmar.c), with VMOs mapped into its root VMAR by this parent, seen from outside through its
VMAR range, its map (`ZX_INFO_PROCESS_MAPS`) and its VMO list (`ZX_INFO_PROCESS_VMOS`), with buffers
large and small. */
#include <string.h>

#include "launch.h"
#include "probe.h"
#include "zircon/process.h"
#include "zircon/vm_info.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PS 4096u
#define MAX_MAPS 32

static zx_info_vmo_t vmo_info(zx_handle_t vmo)
{
    zx_info_vmo_t info = {0};
    size_t actual = 0, avail = 0;
    EXPECT_OK(zx_object_get_info(vmo, ZX_INFO_VMO, &info, sizeof info, &actual, &avail));
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(avail, 1);
    return info;
}

TEST(VmoTestCase, InfoCommittedBytesFollowWrites)
{
    zx_handle_t vmo;
    ASSERT_OK(zx_vmo_create(8 * PS, 0, &vmo));
    zx_info_vmo_t info = vmo_info(vmo);
    EXPECT_EQ(info.koid, basic(vmo).koid);
    EXPECT_EQ(info.size_bytes, 8 * PS);
    EXPECT_EQ(info.committed_bytes, 0);
    EXPECT_EQ(ZX_INFO_VMO_TYPE(info.flags), ZX_INFO_VMO_TYPE_PAGED);
    EXPECT_TRUE(info.flags & ZX_INFO_VMO_VIA_HANDLE);
    EXPECT_EQ(info.handle_rights, basic(vmo).rights);
    static char bytes[3 * PS] = {1};
    EXPECT_OK(zx_vmo_write(vmo, bytes, PS, sizeof bytes));
    EXPECT_EQ(vmo_info(vmo).committed_bytes, 3 * PS);
    EXPECT_OK(zx_vmo_op_range(vmo, ZX_VMO_OP_DECOMMIT, PS, PS, NULL, 0));
    EXPECT_EQ(vmo_info(vmo).committed_bytes, 2 * PS);
    EXPECT_OK(zx_vmo_op_range(vmo, ZX_VMO_OP_COMMIT, 0, 8 * PS, NULL, 0));
    EXPECT_EQ(vmo_info(vmo).committed_bytes, 8 * PS);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmoTestCase, InfoCountsChildrenAndNamesParents)
{
    zx_handle_t vmo, snapshot, slice;
    ASSERT_OK(zx_vmo_create(4 * PS, 0, &vmo));
    ASSERT_OK(zx_vmo_create_child(vmo, ZX_VMO_CHILD_SNAPSHOT, 0, PS, &snapshot));
    ASSERT_OK(zx_vmo_create_child(vmo, ZX_VMO_CHILD_SLICE, PS, PS, &slice));
    EXPECT_EQ(vmo_info(vmo).num_children, 2);
    zx_info_vmo_t info = vmo_info(snapshot);
    EXPECT_EQ(info.parent_koid, basic(vmo).koid);
    EXPECT_TRUE(info.flags & ZX_INFO_VMO_IS_COW_CLONE);
    info = vmo_info(slice);
    EXPECT_EQ(info.parent_koid, basic(vmo).koid);
    EXPECT_FALSE(info.flags & ZX_INFO_VMO_IS_COW_CLONE);
    EXPECT_OK(zx_handle_close(snapshot));
    EXPECT_EQ(vmo_info(vmo).num_children, 1);
    EXPECT_OK(zx_handle_close(slice));
    EXPECT_EQ(vmo_info(vmo).num_children, 0);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmoTestCase, InfoBufferTooSmallAndWrongType)
{
    zx_handle_t vmo, event;
    ASSERT_OK(zx_vmo_create(PS, ZX_VMO_RESIZABLE, &vmo));
    ASSERT_OK(zx_event_create(0, &event));
    zx_info_vmo_t info;
    size_t actual = 9, avail = 9;
    EXPECT_STATUS(zx_object_get_info(vmo, ZX_INFO_VMO, &info, sizeof info - 1, &actual, &avail),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(actual, 0);
    EXPECT_EQ(avail, 1);
    EXPECT_STATUS(zx_object_get_info(event, ZX_INFO_VMO, &info, sizeof info, NULL, NULL),
                  ZX_ERR_WRONG_TYPE);
    EXPECT_TRUE(vmo_info(vmo).flags & ZX_INFO_VMO_RESIZABLE);
    EXPECT_OK(zx_handle_close(event));
    EXPECT_OK(zx_handle_close(vmo));
}

/* A child process, prepared and not started, with vmo mapped twice in its root VMAR and once in a
   child VMAR of it. Before those, its address space already held its program and stack: loaded_maps
   entries. */
struct mapped_child {
    struct zinc_launch l;
    zx_handle_t vmo, sub;
    uintptr_t first, second, in_sub, sub_base;
    size_t loaded_maps;
};

static zx_status_t mapped_child(struct mapped_child *c)
{
    const char *argv[] = {"vm-touch", "read"};
    zx_status_t status = zx_vmo_create(2 * PS, 0, &c->vmo);
    if (status == ZX_OK)
        status = zinc_launch_prepare(zx_job_default(), 2, argv, NULL, 0, &c->l);
    uint64_t word = 1;
    size_t actual;
    if (status == ZX_OK)
        status = zx_object_get_info(c->l.process, ZX_INFO_PROCESS_MAPS, NULL, 0, &actual,
                                    &c->loaded_maps);
    if (status == ZX_OK)
        status = zx_vmo_write(c->vmo, &word, 0, sizeof word);
    if (status == ZX_OK)
        status = zx_vmar_map(c->l.vmar, ZX_VM_PERM_READ, 0, c->vmo, 0, 2 * PS, &c->first);
    if (status == ZX_OK)
        status = zx_vmar_map(c->l.vmar, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, c->vmo, PS, PS,
                             &c->second);
    if (status == ZX_OK)
        status = zx_vmar_allocate(c->l.vmar, ZX_VM_CAN_MAP_READ, 0, 8 * PS, &c->sub, &c->sub_base);
    if (status == ZX_OK)
        status = zx_vmar_map(c->sub, ZX_VM_PERM_READ, 0, c->vmo, 0, PS, &c->in_sub);
    return status;
}

static void mapped_child_close(struct mapped_child *c)
{
    zx_handle_t handles[] = {c->vmo, c->sub, c->l.process, c->l.thread, c->l.vmar};
    zx_handle_close_many(handles, 5);
}

TEST(VmarTest, InfoGivesTheRootRange)
{
    struct mapped_child c;
    ASSERT_OK(mapped_child(&c));
    zx_info_vmar_t root, sub;
    ASSERT_OK(zx_object_get_info(c.l.vmar, ZX_INFO_VMAR, &root, sizeof root, NULL, NULL));
    ASSERT_OK(zx_object_get_info(c.sub, ZX_INFO_VMAR, &sub, sizeof sub, NULL, NULL));
    EXPECT_EQ(sub.base, c.sub_base);
    EXPECT_EQ(sub.len, 8 * PS);
    EXPECT_GE(c.first, root.base);
    EXPECT_LE(c.first + 2 * PS, root.base + root.len);
    zx_handle_t blind;
    ASSERT_OK(zx_handle_duplicate(c.l.vmar, ZX_RIGHT_READ, &blind));
    EXPECT_STATUS(zx_object_get_info(blind, ZX_INFO_VMAR, &root, sizeof root, NULL, NULL),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_handle_close(blind));
    mapped_child_close(&c);
}

TEST(VmarTest, ProcessMapsOfAChild)
{
    struct mapped_child c;
    ASSERT_OK(mapped_child(&c));
    zx_info_maps_t maps[MAX_MAPS];
    size_t actual = 0, avail = 0;
    ASSERT_OK(
        zx_object_get_info(c.l.process, ZX_INFO_PROCESS_MAPS, maps, sizeof maps, &actual, &avail));
    EXPECT_EQ(actual, c.loaded_maps + 4); /* and the child VMAR, three mappings */
    EXPECT_EQ(avail, c.loaded_maps + 4);
    EXPECT_EQ(maps[0].type, ZX_INFO_MAPS_TYPE_ASPACE);
    EXPECT_EQ(maps[0].depth, 0);
    EXPECT_EQ(maps[1].type, ZX_INFO_MAPS_TYPE_VMAR);
    EXPECT_EQ(maps[1].depth, 1);
    zx_koid_t koid = basic(c.vmo).koid;
    int seen = 0;
    for (size_t i = 2; i < actual; i++) {
        EXPECT_GE(maps[i].base, maps[i - 1].base);
        if (maps[i].base == c.first) {
            EXPECT_EQ(maps[i].type, ZX_INFO_MAPS_TYPE_MAPPING);
            EXPECT_EQ(maps[i].depth, 2);
            EXPECT_EQ(maps[i].size, 2 * PS);
            EXPECT_EQ(maps[i].u.mapping.vmo_koid, koid);
            EXPECT_EQ(maps[i].u.mapping.vmo_offset, 0);
            EXPECT_EQ(maps[i].u.mapping.mmu_flags, ZX_VM_PERM_READ);
            EXPECT_EQ(maps[i].u.mapping.committed_pages, 1);
            seen |= 1;
        } else if (maps[i].base == c.second) {
            EXPECT_EQ(maps[i].u.mapping.vmo_offset, PS);
            EXPECT_EQ(maps[i].u.mapping.mmu_flags, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE);
            EXPECT_EQ(maps[i].u.mapping.committed_pages, 0);
            seen |= 2;
        } else if (maps[i].base == c.sub_base && maps[i].type == ZX_INFO_MAPS_TYPE_VMAR) {
            EXPECT_EQ(maps[i].depth, 2);
            seen |= 4;
        } else if (maps[i].base == c.in_sub) {
            EXPECT_EQ(maps[i].depth, 3);
            seen |= 8;
        }
    }
    EXPECT_EQ(seen, 15);
    /* Too small is not an error: actual says what fitted, avail what there is. */
    ASSERT_OK(zx_object_get_info(c.l.process, ZX_INFO_PROCESS_MAPS, maps, 3 * sizeof maps[0],
                                 &actual, &avail));
    EXPECT_EQ(actual, 3);
    EXPECT_EQ(avail, c.loaded_maps + 4);
    ASSERT_OK(zx_object_get_info(c.l.process, ZX_INFO_PROCESS_MAPS, NULL, 0, &actual, &avail));
    EXPECT_EQ(actual, 0);
    EXPECT_EQ(avail, c.loaded_maps + 4);
    zx_handle_t blind;
    ASSERT_OK(zx_handle_duplicate(c.l.process, ZX_RIGHT_READ | ZX_RIGHT_WRITE, &blind));
    EXPECT_STATUS(
        zx_object_get_info(blind, ZX_INFO_PROCESS_MAPS, maps, sizeof maps, &actual, &avail),
        ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(
        zx_object_get_info(c.vmo, ZX_INFO_PROCESS_MAPS, maps, sizeof maps, &actual, &avail),
        ZX_ERR_WRONG_TYPE);
    EXPECT_OK(zx_handle_close(blind));
    mapped_child_close(&c);
}

TEST(VmarTest, ProcessMapsShowTheProgramAndItsStack)
{
    struct mapped_child c;
    ASSERT_OK(mapped_child(&c));
    zx_info_maps_t maps[MAX_MAPS];
    size_t actual = 0, avail = 0;
    int seen = 0;
    ASSERT_OK(
        zx_object_get_info(c.l.process, ZX_INFO_PROCESS_MAPS, maps, sizeof maps, &actual, &avail));
    for (size_t i = 0; i < actual; i++) {
        if (maps[i].type != ZX_INFO_MAPS_TYPE_MAPPING)
            continue;
        uint32_t flags = maps[i].u.mapping.mmu_flags;
        if (maps[i].base <= c.l.entry && c.l.entry < maps[i].base + maps[i].size) {
            EXPECT_EQ(flags, ZX_VM_PERM_READ | ZX_VM_PERM_EXECUTE); /* code: never writable */
            EXPECT_EQ(strcmp(maps[i].name, "vm-touch"), 0);
            seen |= 1;
        }
        if (maps[i].base + maps[i].size == c.l.stack) {
            EXPECT_EQ(flags, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE); /* the stack: never executable */
            EXPECT_EQ(strcmp(maps[i].name, "stack"), 0);
            seen |= 2;
        }
    }
    EXPECT_EQ(seen, 3);
    mapped_child_close(&c);
}

TEST(VmarTest, ProcessVmosOfAChildAndOfItself)
{
    struct mapped_child c;
    ASSERT_OK(mapped_child(&c));
    zx_info_vmo_t vmos[MAX_MAPS];
    size_t actual = 0, avail = 0, ours = 0;
    ASSERT_OK(
        zx_object_get_info(c.l.process, ZX_INFO_PROCESS_VMOS, vmos, sizeof vmos, &actual, &avail));
    /* One per mapping (the program's and the stack's too); then the VMO handles the child holds, if
       any. */
    for (size_t i = 0; i < actual; i++) {
        if (vmos[i].koid != basic(c.vmo).koid)
            continue;
        ours++;
        EXPECT_TRUE(vmos[i].flags & ZX_INFO_VMO_VIA_MAPPING);
        EXPECT_EQ(vmos[i].num_mappings, 3);
        EXPECT_EQ(vmos[i].share_count, 1);
    }
    EXPECT_EQ(ours, 3);
    ASSERT_OK(zx_object_get_info(c.l.process, ZX_INFO_PROCESS_VMOS, vmos, sizeof vmos[0], &actual,
                                 &avail));
    EXPECT_EQ(actual, 1);
    EXPECT_GE(avail, 3);
    /* This process holds the VMO by handle: it appears with that handle's rights. */
    zx_info_vmo_t *mine = NULL;
    static zx_info_vmo_t own[256];
    ASSERT_OK(zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS_VMOS, own, sizeof own, &actual,
                                 &avail));
    EXPECT_EQ(actual, avail);
    for (size_t i = 0; i < actual; i++)
        if (own[i].koid == basic(c.vmo).koid && (own[i].flags & ZX_INFO_VMO_VIA_HANDLE))
            mine = &own[i];
    ASSERT_TRUE(mine != NULL);
    EXPECT_EQ(mine->handle_rights, basic(c.vmo).rights);
    mapped_child_close(&c);
}
