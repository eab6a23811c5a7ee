/*: # Tests of VMOs, through their system calls (in the spirit of VmoTestCase and
    VmoClone2TestCase) */
#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "sys_support.h"
#include "zircon/object_info.h"
#include "vm/page_tree.h"
#include "zircon/vmo.h"

#define PS PAGE_SIZE

static zx_handle_t new_vmo(struct sys_env *env, uint64_t size, uint32_t options)
{
    return sys_vmo_create(size, options, scratch(0)) == ZX_OK ? scratch_u32(env, 0) : 0;
}

static zx_handle_t new_child(struct sys_env *env, zx_handle_t parent, uint32_t options,
                             uint64_t offset, uint64_t size)
{
    return sys_vmo_create_child(parent, options, offset, size, scratch(0)) == ZX_OK
               ? scratch_u32(env, 0)
               : 0;
}

/* Write a u64 to a VMO at offset, through user memory, and read one back. */
static zx_status_t put(struct sys_env *env, zx_handle_t vmo, uint64_t offset, uint64_t value)
{
    scratch_put(env, 64, &value, sizeof value);
    return sys_vmo_write(vmo, scratch(64), offset, sizeof value);
}

static uint64_t get(struct sys_env *env, zx_handle_t vmo, uint64_t offset)
{
    if (sys_vmo_read(vmo, scratch(72), offset, 8) != ZX_OK)
        return 0xbad;
    return scratch_u64(env, 72);
}

static zx_rights_t rights_of(struct sys_env *env, zx_handle_t h)
{
    return sys_object_get_info(h, ZX_INFO_HANDLE_BASIC, scratch(128), 32, 0, 0) == ZX_OK
               ? scratch_u32(env, 136)
               : 0;
}

KTEST(vmo_size_is_rounded_to_pages)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t v = new_vmo(&env, PS + 1, 0);
    KASSERT_TRUE(v);
    KEXPECT_EQ(sys_vmo_get_size(v, scratch(8)), ZX_OK);
    KEXPECT_EQ(scratch_u64(&env, 8), 2 * PS);
    KEXPECT_EQ(sys_vmo_create(VMO_MAX_SIZE + 1, 0, scratch(0)), ZX_ERR_OUT_OF_RANGE);
    KEXPECT_EQ(sys_vmo_create(PS, 0x80, scratch(0)), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_vmo_create(PS, 0, UNMAPPED_VA), ZX_ERR_INVALID_ARGS);
    sys_env_free(&env);
}

KTEST(vmo_is_zero_until_written_and_commits_lazily)
{
    struct sys_env env;
    size_t before = frame_free_count();
    KASSERT_EQ(sys_env_init(&env), 0);
    size_t ready = frame_free_count();
    zx_handle_t v = new_vmo(&env, 64 * PS, 0);
    KEXPECT_EQ(get(&env, v, 40 * PS), 0);
    KEXPECT_GE(frame_free_count() + 2, ready); /* reading committed nothing (a tree node at most) */
    uint64_t token = ktest_random();
    KEXPECT_EQ(put(&env, v, 40 * PS + PS - 4, token), ZX_OK); /* across a page boundary */
    KEXPECT_EQ(get(&env, v, 40 * PS + PS - 4), token);
    KEXPECT_EQ(get(&env, v, 39 * PS), 0);
    sys_env_free(&env);
    KEXPECT_EQ(frame_free_count(), before); /* closing the last handle gave every frame back */
}

KTEST(vmo_read_write_limits_and_rights)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t v = new_vmo(&env, 2 * PS, 0);
    KEXPECT_EQ(sys_vmo_write(v, scratch(64), 2 * PS - 4, 8), ZX_ERR_OUT_OF_RANGE);
    KEXPECT_EQ(sys_vmo_read(v, scratch(64), 2 * PS, 1), ZX_ERR_OUT_OF_RANGE);
    KEXPECT_EQ(sys_vmo_read(v, scratch(64), 2 * PS, 0), ZX_OK);
    KEXPECT_EQ(sys_vmo_read(v, scratch(64), ~0ull, 8), ZX_ERR_OUT_OF_RANGE);
    KEXPECT_EQ(sys_vmo_read(v, UNMAPPED_VA, 0, 8), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_vmo_write(v, UNMAPPED_VA, 0, 8), ZX_ERR_INVALID_ARGS);
    /* the result cannot be written */
    KEXPECT_EQ(sys_vmo_read(v, READONLY_VA, 0, 8), ZX_ERR_INVALID_ARGS);
    KASSERT_EQ(sys_handle_replace(v, ZX_RIGHT_READ, scratch(0)), ZX_OK);
    zx_handle_t read_only = scratch_u32(&env, 0);
    KEXPECT_EQ(put(&env, read_only, 0, 1), ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(get(&env, read_only, 0), 0);
    zx_handle_t ev = sys_event_create(0, scratch(0)) == ZX_OK ? scratch_u32(&env, 0) : 0;
    KEXPECT_EQ(sys_vmo_read(ev, scratch(64), 0, 8), ZX_ERR_WRONG_TYPE);
    sys_env_free(&env);
}

KTEST(vmo_resize_needs_resizable_and_drops_the_tail)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t fixed = new_vmo(&env, PS, 0);
    KEXPECT_EQ(rights_of(&env, fixed) & ZX_RIGHT_RESIZE, 0);
    /* not resizable: Fuchsia's status */
    KEXPECT_EQ(sys_vmo_set_size(fixed, 2 * PS), ZX_ERR_UNAVAILABLE);
    zx_handle_t v = new_vmo(&env, 4 * PS, ZX_VMO_RESIZABLE);
    KEXPECT_EQ(rights_of(&env, v) & ZX_RIGHT_RESIZE, ZX_RIGHT_RESIZE);
    KEXPECT_EQ(put(&env, v, 3 * PS, 77), ZX_OK);
    KEXPECT_EQ(sys_vmo_set_size(v, PS), ZX_OK);
    KEXPECT_EQ(get(&env, v, 3 * PS), 0xbad); /* out of range now */
    KEXPECT_EQ(sys_vmo_set_size(v, 4 * PS), ZX_OK);
    KEXPECT_EQ(get(&env, v, 3 * PS), 0); /* the cut page came back as zeros */
    sys_env_free(&env);
}

KTEST(vmo_op_range_commit_decommit_zero)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t v = new_vmo(&env, 8 * PS, 0);
    size_t before = frame_free_count();
    KEXPECT_EQ(sys_vmo_op_range(v, ZX_VMO_OP_COMMIT, 0, 4 * PS, 0, 0), ZX_OK);
    KEXPECT_LE(frame_free_count() + 4, before);
    KEXPECT_EQ(put(&env, v, PS + 8, 5), ZX_OK);
    KEXPECT_EQ(sys_vmo_op_range(v, ZX_VMO_OP_DECOMMIT, 0, 4 * PS, 0, 0), ZX_OK);
    KEXPECT_EQ(get(&env, v, PS + 8), 0);
    KEXPECT_EQ(put(&env, v, 2 * PS - 8, 9), ZX_OK);
    KEXPECT_EQ(put(&env, v, 2 * PS + 8, 9), ZX_OK);
    /* two partial pages */
    KEXPECT_EQ(sys_vmo_op_range(v, ZX_VMO_OP_ZERO, 2 * PS - 4, 8, 0, 0), ZX_OK);
    KEXPECT_EQ(get(&env, v, 2 * PS - 8) & 0xffffffff, 9); /* the bytes before the range stay */
    KEXPECT_EQ(get(&env, v, 2 * PS + 8), 9);              /* and after it */
    KEXPECT_EQ(get(&env, v, 2 * PS - 4), 0);
    KEXPECT_EQ(get(&env, v, PS + 8), 0); /* decommitted pages read as zeros */
    KEXPECT_EQ(sys_vmo_op_range(v, ZX_VMO_OP_COMMIT, 7 * PS, 2 * PS, 0, 0), ZX_ERR_OUT_OF_RANGE);
    KEXPECT_EQ(sys_vmo_op_range(v, 99, 0, PS, 0, 0), ZX_ERR_INVALID_ARGS);
    sys_env_free(&env);
}

KTEST(snapshot_diverges_both_ways)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t parent = new_vmo(&env, 4 * PS, 0);
    uint64_t a = ktest_random(), b = ktest_random(), c = ktest_random();
    KEXPECT_EQ(put(&env, parent, PS, a), ZX_OK);
    zx_handle_t child = new_child(&env, parent, ZX_VMO_CHILD_SNAPSHOT, 0, 4 * PS);
    KASSERT_TRUE(child);
    KEXPECT_EQ(get(&env, child, PS), a); /* it starts as the parent was */
    KEXPECT_EQ(put(&env, parent, PS, b), ZX_OK);
    KEXPECT_EQ(get(&env, child, PS), a); /* the parent's write is the parent's */
    KEXPECT_EQ(put(&env, child, PS + 8, c), ZX_OK);
    KEXPECT_EQ(get(&env, parent, PS + 8), 0); /* and the child's is the child's */
    KEXPECT_EQ(get(&env, child, PS), a);
    KEXPECT_EQ(get(&env, parent, PS), b);
    sys_env_free(&env);
}

KTEST(snapshot_beyond_parent_is_zero_and_writable)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t parent = new_vmo(&env, 2 * PS, 0);
    KEXPECT_EQ(put(&env, parent, PS, 3), ZX_OK);
    zx_handle_t child = new_child(&env, parent, ZX_VMO_CHILD_SNAPSHOT, PS, 4 * PS);
    KASSERT_TRUE(child);
    KEXPECT_EQ(get(&env, child, 0), 3);     /* the parent's second page, at the child's offset 0 */
    KEXPECT_EQ(get(&env, child, 2 * PS), 0); /* past the parent */
    KEXPECT_EQ(put(&env, child, 2 * PS, 4), ZX_OK);
    KEXPECT_EQ(get(&env, child, 2 * PS), 4);
    KEXPECT_EQ(sys_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT, 100, PS, scratch(0)),
               ZX_ERR_INVALID_ARGS);
    sys_env_free(&env);
}

KTEST(slice_shares_writes_both_ways)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t parent = new_vmo(&env, 4 * PS, 0);
    zx_handle_t slice = new_child(&env, parent, ZX_VMO_CHILD_SLICE, PS, 2 * PS);
    KASSERT_TRUE(slice);
    KEXPECT_EQ(put(&env, slice, 0, 11), ZX_OK);
    KEXPECT_EQ(get(&env, parent, PS), 11);
    KEXPECT_EQ(put(&env, parent, 2 * PS, 12), ZX_OK);
    KEXPECT_EQ(get(&env, slice, PS), 12);
    KEXPECT_EQ(put(&env, slice, 2 * PS, 1), ZX_ERR_OUT_OF_RANGE); /* a slice has its own end */
    KEXPECT_EQ(sys_vmo_create_child(parent, ZX_VMO_CHILD_SLICE, 3 * PS, 2 * PS, scratch(0)),
               ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_vmo_create_child(parent, ZX_VMO_CHILD_SLICE | ZX_VMO_CHILD_RESIZABLE, 0, PS,
                                    scratch(0)),
               ZX_ERR_INVALID_ARGS);
    zx_handle_t resizable = new_vmo(&env, PS, ZX_VMO_RESIZABLE);
    KEXPECT_EQ(sys_vmo_create_child(resizable, ZX_VMO_CHILD_SLICE, 0, PS, scratch(0)),
               ZX_ERR_NOT_SUPPORTED);
    sys_env_free(&env);
}

KTEST(child_kind_must_be_exactly_one)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t parent = new_vmo(&env, PS, 0);
    KEXPECT_EQ(sys_vmo_create_child(parent, 0, 0, PS, scratch(0)), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(
        sys_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_SLICE, 0, PS, scratch(0)),
        ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT | 0x100, 0, PS, scratch(0)),
               ZX_ERR_INVALID_ARGS);
    sys_env_free(&env);
}

KTEST(zero_children_signal_follows_the_children)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t parent = new_vmo(&env, PS, 0);
    KEXPECT_EQ(sys_object_wait_one(parent, ZX_VMO_ZERO_CHILDREN, 0, scratch(8)), ZX_OK);
    zx_handle_t a = new_child(&env, parent, ZX_VMO_CHILD_SNAPSHOT, 0, PS);
    zx_handle_t b = new_child(&env, parent, ZX_VMO_CHILD_SLICE, 0, PS);
    KEXPECT_EQ(sys_object_wait_one(parent, ZX_VMO_ZERO_CHILDREN, 0, scratch(8)), ZX_ERR_TIMED_OUT);
    KEXPECT_EQ(sys_handle_close(a), ZX_OK);
    KEXPECT_EQ(sys_object_wait_one(parent, ZX_VMO_ZERO_CHILDREN, 0, scratch(8)), ZX_ERR_TIMED_OUT);
    KEXPECT_EQ(sys_handle_close(b), ZX_OK);
    KEXPECT_EQ(sys_object_wait_one(parent, ZX_VMO_ZERO_CHILDREN, 0, scratch(8)), ZX_OK);
    sys_env_free(&env);
}

KTEST(child_rights_follow_fuchsia)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t v = new_vmo(&env, PS, 0);
    KASSERT_EQ(sys_handle_replace(v, ZX_RIGHT_READ | ZX_RIGHT_DUPLICATE | ZX_RIGHT_MAP, scratch(0)),
               ZX_OK);
    zx_handle_t ro = scratch_u32(&env, 0);
    zx_handle_t snap = new_child(&env, ro, ZX_VMO_CHILD_SNAPSHOT, 0, PS);
    KEXPECT_EQ(rights_of(&env, snap), ZX_RIGHT_READ | ZX_RIGHT_DUPLICATE | ZX_RIGHT_MAP |
                                          ZX_RIGHT_WRITE | ZX_RIGHTS_PROPERTY);
    zx_handle_t nowrite = new_child(&env, ro, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_NO_WRITE, 0, PS);
    KEXPECT_EQ(rights_of(&env, nowrite),
               ZX_RIGHT_READ | ZX_RIGHT_DUPLICATE | ZX_RIGHT_MAP | ZX_RIGHTS_PROPERTY);
    zx_handle_t grow = new_child(&env, ro, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_RESIZABLE, 0, PS);
    KEXPECT_EQ(rights_of(&env, grow) & ZX_RIGHT_RESIZE, ZX_RIGHT_RESIZE);
    KEXPECT_EQ(sys_vmo_set_size(grow, 3 * PS), ZX_OK);
    KASSERT_EQ(sys_handle_replace(ro, ZX_RIGHT_READ, scratch(0)), ZX_OK);
    KEXPECT_EQ(sys_vmo_create_child(scratch_u32(&env, 0), ZX_VMO_CHILD_SNAPSHOT, 0, PS, scratch(0)),
               ZX_ERR_ACCESS_DENIED); /* making a child needs DUPLICATE */
    sys_env_free(&env);
}

KTEST(closing_a_snapshot_gives_its_copies_back)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t parent = new_vmo(&env, 16 * PS, 0);
    KEXPECT_EQ(sys_vmo_op_range(parent, ZX_VMO_OP_COMMIT, 0, 16 * PS, 0, 0), ZX_OK);
    size_t before = frame_free_count();
    zx_handle_t child = new_child(&env, parent, ZX_VMO_CHILD_SNAPSHOT, 0, 16 * PS);
    KEXPECT_GE(frame_free_count() + 4, before); /* sharing copies no page (tree nodes at most) */
    for (int i = 0; i < 16; i++)
        KEXPECT_EQ(put(&env, child, i * PS, i), ZX_OK); /* now every page is copied */
    KEXPECT_LE(frame_free_count() + 16, before);
    KEXPECT_EQ(sys_handle_close(child), ZX_OK);
    KEXPECT_EQ(frame_free_count(), before);
    KEXPECT_EQ(get(&env, parent, 5 * PS), 0);
    sys_env_free(&env);
}
