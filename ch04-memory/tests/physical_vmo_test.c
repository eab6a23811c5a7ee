/*: # Tests of physical VMOs: the frames are the pages

Each test takes two adjacent frames from the allocator, as a driver would be given a device's
memory, makes a physical VMO over them, and checks that every way into the VMO lands on those
frames: `vmo_read` and `vmo_write`, a slice, and a user program's loads and stores through a
mapping. The frames are read and written directly, through the kernel's window onto physical memory,
on the other side. */
#include <string.h>

#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "sys_support.h"
#include "vm_user.h"
#include "zircon/object_info.h"
#include "zircon/vm_info.h"

#define PS PAGE_SIZE
#define REGION 0x20000000ul

/* Two frames side by side: the first of them, or 0. The spares taken on the way go back. */
static paddr_t two_frames(void)
{
    paddr_t got[16], found = 0;
    int n = 0;
    for (; n < 16 && !found; n++) {
        got[n] = frame_alloc();
        for (int i = 0; i < n && !found; i++) {
            if (got[i] && got[n] && (got[i] + PS == got[n] || got[n] + PS == got[i]))
                found = got[i] < got[n] ? got[i] : got[n];
        }
    }
    for (int i = 0; i < n; i++)
        if (got[i] && got[i] != found && got[i] != found + PS)
            frame_free(got[i]);
    return found;
}

static uint64_t frame_word(paddr_t frame, size_t offset)
{
    uint64_t value;
    memcpy(&value, (uint8_t *)hal_pmem_ptr(frame) + offset, sizeof value);
    return value;
}

static void frame_put(paddr_t frame, size_t offset, uint64_t value)
{
    memcpy((uint8_t *)hal_pmem_ptr(frame) + offset, &value, sizeof value);
}

KTEST(physical_vmo_reads_and_writes_its_frames)
{
    paddr_t base = two_frames();
    KASSERT_TRUE(base);
    struct vmo *v, *child;
    KASSERT_EQ(vmo_create_physical(base, 2 * PS, &v), ZX_OK);
    size_t free_before = frame_free_count();
    uint64_t token = ktest_random(), other = ktest_random() | 1;
    KEXPECT_EQ(vmo_write(v, PS + 8, &token, sizeof token), ZX_OK);
    KEXPECT_EQ(frame_word(base + PS, 8), token);
    frame_put(base, 16, other);
    uint64_t seen = 0;
    KEXPECT_EQ(vmo_read(v, 16, &seen, sizeof seen), ZX_OK);
    KEXPECT_EQ(seen, other);
    /* nothing was committed: no frame taken (a frame another test's ending process gives back
       meanwhile, on another CPU, may raise the count) */
    KEXPECT_CMP(frame_free_count(), >=, free_before);
    KEXPECT_EQ(vmo_read(v, 2 * PS, &seen, 1), ZX_ERR_OUT_OF_RANGE);
    KEXPECT_EQ(vmo_op_range(v, ZX_VMO_OP_COMMIT, 0, PS), ZX_ERR_NOT_SUPPORTED);
    KEXPECT_EQ(vmo_op_range(v, ZX_VMO_OP_DECOMMIT, 0, PS), ZX_ERR_NOT_SUPPORTED);
    KEXPECT_EQ(vmo_set_size(v, PS), ZX_ERR_UNAVAILABLE);
    /* Cache operations are what a physical VMO is for; its content size is the size it had. */
    KEXPECT_EQ(vmo_op_range(v, ZX_VMO_OP_CACHE_CLEAN_INVALIDATE, 8, PS), ZX_OK);
    KEXPECT_EQ(vmo_op_range(v, ZX_VMO_OP_CACHE_SYNC, PS, PS + 1), ZX_ERR_OUT_OF_RANGE);
    KEXPECT_EQ(vmo_content_size(v), 2 * PS);
    KEXPECT_EQ(vmo_set_content_size(v, PS), ZX_ERR_NOT_SUPPORTED);
    KEXPECT_EQ(vmo_create_child(v, ZX_VMO_CHILD_SNAPSHOT, 0, PS, false, &child),
               ZX_ERR_NOT_SUPPORTED);
    KEXPECT_EQ(vmo_create_child(v, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE, 0, PS, false, &child),
               ZX_ERR_NOT_SUPPORTED);
    /* A slice is a window onto the same frames; a snapshot of the slice is still refused. */
    KASSERT_EQ(vmo_create_child(v, ZX_VMO_CHILD_SLICE, PS, PS, false, &child), ZX_OK);
    KEXPECT_EQ(vmo_read(child, 8, &seen, sizeof seen), ZX_OK);
    KEXPECT_EQ(seen, token);
    struct vmo *grandchild;
    KEXPECT_EQ(vmo_create_child(child, ZX_VMO_CHILD_SNAPSHOT, 0, PS, false, &grandchild),
               ZX_ERR_NOT_SUPPORTED);
    kobject_unref(&child->base);
    kobject_unref(&v->base);
    /* nor freed, the two of them: the frames are not the VMO's (the count may move by one, a frame
       of another test's thread that ends meanwhile on another CPU) */
    KEXPECT_CMP(frame_free_count(), <, free_before + 2);
    KEXPECT_EQ(frame_word(base + PS, 8), token);
    frame_free(base);
    frame_free(base + PS);
}

KTEST(physical_vmo_rejects_unaligned_and_wrapping_ranges)
{
    struct vmo *v;
    KEXPECT_EQ(vmo_create_physical(PS + 1, PS, &v), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(vmo_create_physical(UINT64_MAX - PS + 1, 2 * PS, &v), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(vmo_create_physical(PS, UINT64_MAX, &v), ZX_ERR_INVALID_ARGS);
}

KTEST(mapped_physical_vmo_faults_in_its_frames)
{
    paddr_t base = two_frames();
    KASSERT_TRUE(base);
    struct user_run peek, poke;
    struct vmar *peek_root, *poke_root;
    KASSERT_EQ(user_run_load(&peek, "peek", 0, 0), 0);
    KASSERT_EQ(user_run_load(&poke, "poke", 0, 0), 0);
    KASSERT_EQ(vm_space_create(peek.us.pt, REGION, 64 * PS, &peek_root), ZX_OK);
    KASSERT_EQ(vm_space_create(poke.us.pt, REGION, 64 * PS, &poke_root), ZX_OK);
    struct vmo *v;
    KASSERT_EQ(vmo_create_physical(base, 2 * PS, &v), ZX_OK);
    vaddr_t peek_at, poke_at;
    KASSERT_EQ(vmar_map(peek_root, ZX_VM_PERM_READ, 0, v, 0, 2 * PS, &peek_at), ZX_OK);
    KASSERT_EQ(vmar_map(poke_root, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, v, 0, 2 * PS, &poke_at),
               ZX_OK);
    uint64_t token = ktest_random() | 1;
    KEXPECT_EQ(vm_user_run(&poke, poke_root, poke_at + PS + 24, token), ZX_OK);
    KEXPECT_EQ(frame_word(base + PS, 24), token); /* the user's store went to the frame */
    uint64_t other = ktest_random() | 1;
    frame_put(base, 40, other);
    KEXPECT_EQ(vm_user_run(&peek, peek_root, peek_at + 40, 0), ZX_OK);
    KEXPECT_EQ(peek.outcome.status, other);         /* and the frame is what the user's load sees */
    KEXPECT_EQ(vm_user_run(&peek, peek_root, peek_at + 2 * PS, 0), ZX_ERR_NOT_FOUND);
    kobject_unref(&v->base);
    kobject_unref(&peek_root->base);
    kobject_unref(&poke_root->base);
    user_run_free(&peek);
    user_run_free(&poke);
    frame_free(base);
    frame_free(base + PS);
}

KTEST(physical_vmo_info_says_physical_and_nothing_committed)
{
    paddr_t base = two_frames();
    KASSERT_TRUE(base);
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    struct vmo *v;
    KASSERT_EQ(vmo_create_physical(base, 2 * PS, &v), ZX_OK);
    zx_handle_t h;
    KASSERT_EQ(handle_table_add(&env.handles, &v->base, vmo_type.default_rights, &h), ZX_OK);
    KASSERT_EQ(sys_object_get_info(h, ZX_INFO_VMO, scratch(256), sizeof(zx_info_vmo_t), 0, 0),
               ZX_OK);
    zx_info_vmo_t info;
    KASSERT_EQ(user_copy_in(&info, scratch(256), sizeof info), ZX_OK);
    KEXPECT_EQ(ZX_INFO_VMO_TYPE(info.flags), ZX_INFO_VMO_TYPE_PHYSICAL);
    KEXPECT_TRUE(info.flags & ZX_INFO_VMO_CONTIGUOUS);
    KEXPECT_EQ(info.size_bytes, 2 * PS);
    KEXPECT_EQ(info.committed_bytes, 0);
    sys_env_free(&env);
    frame_free(base);
    frame_free(base + PS);
}
