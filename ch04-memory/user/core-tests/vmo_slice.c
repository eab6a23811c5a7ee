/*: # VmoSliceTestCase

`zx_vmo_create_child(vmo, ZX_VMO_CHILD_SLICE, offset, size, &slice)` makes a window onto part of the
parent: "all operations on the slice vmo behave as if they were done on the parent", so a write
through either is seen through both. A slice differs from a duplicate handle in that it shows only
its range, and in that its parent's `ZX_VMO_ZERO_CHILDREN` goes inactive while it lives. The rules,
from the reference page of `zx_vmo_create_child` and Zircon's `VmoSliceTestCase`:

- the slice must lie wholly within its parent: a range that does not is `ZX_ERR_INVALID_ARGS` (and
  one whose size is too large for any VMO, or whose end passes 2^64, `ZX_ERR_OUT_OF_RANGE`);
- a resizable VMO has no slices (`ZX_ERR_NOT_SUPPORTED`), and a slice is never resizable:
  `ZX_VMO_CHILD_RESIZABLE` with a slice is `ZX_ERR_INVALID_ARGS`;
- a slice's handle has its parent handle's rights and the property rights: unlike a snapshot it
  gains no `ZX_RIGHT_WRITE`, and `ZX_VMO_CHILD_NO_WRITE` takes it away;
- a slice of a slice is a window onto the same pages, at the sum of the offsets;
- commit, decommit and zero through a slice act on the parent's pages, within the slice's range. */
#include <string.h>

#include "probe.h"
#include "vmo_words.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PAGE 4096u /* the page size of all three targets */

static zx_handle_t new_slice(zx_handle_t parent, uint32_t options, uint64_t offset, uint64_t size)
{
    zx_handle_t h = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_vmo_create_child(parent, ZX_VMO_CHILD_SLICE | options, offset, size, &h));
    return h;
}

TEST(VmoSliceTestCase, WriteThrough)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 42));
    ASSERT_OK(vmo_put(p, PAGE, 42));
    zx_handle_t s = new_slice(p, 0, PAGE, 2 * PAGE); /* the middle two pages */
    EXPECT_EQ(vmo_size_of(s), 2 * PAGE);
    EXPECT_EQ(vmo_get(s, 0), 42);
    ASSERT_OK(vmo_put(s, 0, 84));
    ASSERT_OK(vmo_put(s, PAGE, 84)); /* a page the parent never had */
    EXPECT_EQ(vmo_get(p, 0), 42);
    EXPECT_EQ(vmo_get(p, PAGE), 84);
    EXPECT_EQ(vmo_get(p, 2 * PAGE), 84);
    EXPECT_EQ(vmo_get(p, 3 * PAGE), 0);
    ASSERT_OK(vmo_put(p, 2 * PAGE + 16, 99)); /* and the other way */
    EXPECT_EQ(vmo_get(s, PAGE + 16), 99);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, WriteAcrossPagesOfSlice)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0);
    zx_handle_t s = new_slice(p, 0, 2 * PAGE, 2 * PAGE);
    const char msg[] = "one write, two pages";
    ASSERT_OK(zx_vmo_write(s, msg, PAGE - 4, sizeof msg));
    char back[sizeof msg] = {0};
    ASSERT_OK(zx_vmo_read(p, back, 3 * PAGE - 4, sizeof back));
    EXPECT_EQ(memcmp(back, msg, sizeof msg), 0);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, SliceHasItsOwnEnd)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0);
    zx_handle_t s = new_slice(p, 0, PAGE, PAGE);
    uint64_t x = 1;
    /* the parent goes on; the slice does not */
    EXPECT_STATUS(zx_vmo_write(s, &x, PAGE, sizeof x), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_read(s, &x, PAGE - 4, sizeof x), ZX_ERR_OUT_OF_RANGE);
    EXPECT_OK(zx_vmo_read(s, &x, PAGE, 0));
    EXPECT_EQ(vmo_get(p, 2 * PAGE), 0);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, NonSlice)
{
    /* A child that is not a strict slice is refused. */
    zx_handle_t p = vmo_new(2 * PAGE, 0), s = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, 0, 3 * PAGE, &s), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, PAGE, 2 * PAGE, &s),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, 2 * PAGE, PAGE, &s),
                  ZX_ERR_INVALID_ARGS);
    /* rounded */
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, PAGE, PAGE + 1, &s),
                  ZX_ERR_INVALID_ARGS);
    const uint64_t nearly_max = UINT64_MAX - PAGE + 1;
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, nearly_max, PAGE, &s),
                  ZX_ERR_INVALID_ARGS);
    /* A size no VMO can have is out of range, wherever it starts. */
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, 0, UINT64_MAX, &s),
                  ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, nearly_max, UINT64_MAX, &s),
                  ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(s, ZX_HANDLE_INVALID);
    /* Exactly the parent is a slice. */
    s = new_slice(p, 0, 0, 2 * PAGE);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, OffsetMustBePageAligned)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0), s = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, 8, PAGE, &s), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, PAGE + PAGE / 2, PAGE, &s),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(s, ZX_HANDLE_INVALID);
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, RoundUpSize)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0);
    zx_handle_t s = new_slice(p, 0, PAGE, PAGE + 1);
    EXPECT_EQ(vmo_size_of(s), 2 * PAGE);
    EXPECT_OK(vmo_put(s, 2 * PAGE - 8, 3));
    EXPECT_EQ(vmo_get(p, 3 * PAGE - 8), 3);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, ZeroSized)
{
    zx_handle_t p = vmo_new(PAGE, 0);
    zx_handle_t a = new_slice(p, 0, 0, 0);
    zx_handle_t b = new_slice(p, 0, PAGE, 0); /* at the very end */
    uint8_t v = 42;
    EXPECT_STATUS(zx_vmo_read(a, &v, 0, 1), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_read(b, &v, 0, 1), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_write(a, &v, 0, 1), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_write(b, &v, 0, 1), ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(vmo_size_of(a), 0);
    zx_handle_t all[] = {a, b, p};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoSliceTestCase, NonResizable)
{
    zx_handle_t p = vmo_new(PAGE, ZX_VMO_RESIZABLE), s = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, 0, PAGE, &s), ZX_ERR_NOT_SUPPORTED);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE | ZX_VMO_CHILD_RESIZABLE, 0, PAGE, &s),
                  ZX_ERR_INVALID_ARGS);
    /* range first */
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE, 0, 2 * PAGE, &s), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(s, ZX_HANDLE_INVALID);
    EXPECT_EQ(signals_of(p), ZX_VMO_ZERO_CHILDREN);
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, SliceIsNeverResizable)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0), s = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SLICE | ZX_VMO_CHILD_RESIZABLE, 0, PAGE, &s),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(s, ZX_HANDLE_INVALID);
    s = new_slice(p, 0, 0, PAGE);
    EXPECT_EQ(basic(s).rights & ZX_RIGHT_RESIZE, 0);
    EXPECT_STATUS(zx_vmo_set_size(s, 2 * PAGE), ZX_ERR_UNAVAILABLE);
    EXPECT_EQ(vmo_size_of(s), PAGE);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, Nested)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 2 * PAGE, 42));
    zx_handle_t s = new_slice(p, 0, PAGE, 3 * PAGE);
    zx_handle_t ss = new_slice(s, 0, PAGE, 2 * PAGE); /* the parent's pages 2 and 3 */
    EXPECT_EQ(vmo_get(ss, 0), 42);
    ASSERT_OK(vmo_put(ss, PAGE, 84));
    EXPECT_EQ(vmo_get(p, 3 * PAGE), 84);
    EXPECT_EQ(vmo_get(s, 2 * PAGE), 84);
    ASSERT_OK(vmo_put(s, PAGE + 8, 21));
    EXPECT_EQ(vmo_get(ss, 8), 21);
    /* The inner slice must fit in the outer one, not merely in the root. */
    zx_handle_t bad = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create_child(s, ZX_VMO_CHILD_SLICE, 2 * PAGE, 2 * PAGE, &bad),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(bad, ZX_HANDLE_INVALID);
    uint64_t x;
    EXPECT_STATUS(zx_vmo_read(ss, &x, 2 * PAGE, sizeof x), ZX_ERR_OUT_OF_RANGE);
    zx_handle_t all[] = {ss, s, p};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoSliceTestCase, SliceRightsComeFromParentHandle)
{
    zx_handle_t p = vmo_new(PAGE, 0), ro;
    zx_rights_t full = basic(p).rights;
    zx_handle_t s = new_slice(p, 0, 0, PAGE);
    EXPECT_EQ(basic(s).rights, full | ZX_RIGHTS_PROPERTY);
    ASSERT_OK(zx_handle_duplicate(p, ZX_RIGHT_READ | ZX_RIGHT_DUPLICATE, &ro));
    zx_handle_t ro_slice = new_slice(ro, 0, 0, PAGE);
    EXPECT_EQ(basic(ro_slice).rights, ZX_RIGHT_READ | ZX_RIGHT_DUPLICATE | ZX_RIGHTS_PROPERTY);
    /* a window, not a copy: no WRITE is added */
    EXPECT_STATUS(vmo_put(ro_slice, 0, 1), ZX_ERR_ACCESS_DENIED);
    zx_handle_t nw = new_slice(p, ZX_VMO_CHILD_NO_WRITE, 0, PAGE);
    EXPECT_EQ(basic(nw).rights, (full | ZX_RIGHTS_PROPERTY) & ~ZX_RIGHT_WRITE);
    EXPECT_STATUS(vmo_put(nw, 0, 1), ZX_ERR_ACCESS_DENIED);
    ASSERT_OK(vmo_put(s, 0, 2));
    EXPECT_EQ(vmo_get(nw, 0), 2); /* but it sees what others write */
    EXPECT_EQ(basic(s).type, ZX_OBJ_TYPE_VMO);
    EXPECT_NE(basic(s).koid, basic(p).koid);
    zx_handle_t all[] = {s, ro_slice, nw, ro, p};
    EXPECT_OK(zx_handle_close_many(all, 5));
}

TEST(VmoSliceTestCase, CommitChild)
{
    zx_handle_t p = vmo_new(PAGE, 0);
    zx_handle_t s = new_slice(p, 0, 0, PAGE);
    EXPECT_OK(zx_vmo_op_range(s, ZX_VMO_OP_COMMIT, 0, PAGE, NULL, 0));
    uint8_t v = 42;
    EXPECT_OK(zx_vmo_write(s, &v, 0, 1));
    v = 0;
    EXPECT_OK(zx_vmo_read(p, &v, 0, 1));
    EXPECT_EQ(v, 42);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, DecommitParent)
{
    zx_handle_t p = vmo_new(PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 42));
    zx_handle_t s = new_slice(p, 0, 0, PAGE);
    EXPECT_EQ(vmo_get(s, 0), 42);
    /* slices do not forbid decommit */
    EXPECT_OK(zx_vmo_op_range(p, ZX_VMO_OP_DECOMMIT, 0, PAGE, NULL, 0));
    EXPECT_EQ(vmo_get(s, 0), 0);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, DecommitChild)
{
    zx_handle_t p = vmo_new(3 * PAGE, 0);
    for (uint64_t i = 0; i < 3; i++)
        ASSERT_OK(vmo_put(p, i * PAGE, 10 + i));
    zx_handle_t s = new_slice(p, 0, PAGE, PAGE);
    EXPECT_OK(zx_vmo_op_range(s, ZX_VMO_OP_DECOMMIT, 0, PAGE, NULL, 0));
    EXPECT_EQ(vmo_get(p, 0), 10);
    EXPECT_EQ(vmo_get(p, PAGE), 0);
    EXPECT_EQ(vmo_get(p, 2 * PAGE), 12);
    EXPECT_STATUS(zx_vmo_op_range(s, ZX_VMO_OP_DECOMMIT, 8, PAGE - 8, NULL, 0),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, ZeroThroughSliceHitsParent)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, PAGE - 8, 1));
    ASSERT_OK(vmo_put(p, PAGE, 2));
    ASSERT_OK(vmo_put(p, PAGE + 8, 3));
    zx_handle_t s = new_slice(p, 0, PAGE, PAGE);
    EXPECT_OK(zx_vmo_op_range(s, ZX_VMO_OP_ZERO, 0, 8, NULL, 0));
    EXPECT_EQ(vmo_get(p, PAGE - 8), 1); /* before the slice: untouched */
    EXPECT_EQ(vmo_get(p, PAGE), 0);
    EXPECT_EQ(vmo_get(p, PAGE + 8), 3);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, OpRangeBeyondSliceIsOutOfRange)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 2 * PAGE, 5));
    zx_handle_t s = new_slice(p, 0, PAGE, PAGE);
    /* The parent has the pages, but the slice does not reach them. */
    EXPECT_STATUS(zx_vmo_op_range(s, ZX_VMO_OP_ZERO, 0, 2 * PAGE, NULL, 0), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_op_range(s, ZX_VMO_OP_DECOMMIT, PAGE, PAGE, NULL, 0), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_op_range(s, ZX_VMO_OP_COMMIT, 2 * PAGE, PAGE, NULL, 0),
                  ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(vmo_get(p, 2 * PAGE), 5);
    EXPECT_OK(zx_handle_close(s));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, ZeroChildrenGrandchildClosedLast)
{
    zx_handle_t p = vmo_new(PAGE, 0);
    zx_signals_t observed = 0;
    ASSERT_OK(zx_object_wait_one(p, ZX_VMO_ZERO_CHILDREN, ZX_TIME_INFINITE, &observed));
    EXPECT_EQ(observed & ZX_VMO_ZERO_CHILDREN, ZX_VMO_ZERO_CHILDREN);
    zx_handle_t s = new_slice(p, 0, 0, PAGE);
    EXPECT_STATUS(zx_object_wait_one(p, ZX_VMO_ZERO_CHILDREN, 0, &observed), ZX_ERR_TIMED_OUT);
    EXPECT_EQ(observed & ZX_VMO_ZERO_CHILDREN, 0);
    zx_handle_t ss = new_slice(s, 0, 0, PAGE);
    EXPECT_OK(zx_handle_close(s)); /* the grandchild still counts */
    EXPECT_STATUS(zx_object_wait_one(p, ZX_VMO_ZERO_CHILDREN, 0, &observed), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_handle_close(ss));
    ASSERT_OK(zx_object_wait_one(p, ZX_VMO_ZERO_CHILDREN, ZX_TIME_INFINITE, &observed));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSliceTestCase, SliceOutlivesParentHandle)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, PAGE, 7));
    zx_handle_t s = new_slice(p, 0, PAGE, PAGE);
    zx_handle_t ss = new_slice(s, 0, 0, PAGE);
    EXPECT_OK(zx_handle_close(p));
    EXPECT_EQ(vmo_get(s, 0), 7); /* the pages are still there, behind the window */
    ASSERT_OK(vmo_put(s, 0, 8));
    EXPECT_OK(zx_handle_close(s));
    EXPECT_EQ(vmo_get(ss, 0), 8);
    EXPECT_OK(zx_handle_close(ss));
}

TEST(VmoSliceTestCase, SliceOfSnapshotShowsTheSnapshot)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 1));
    zx_handle_t c;
    ASSERT_OK(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PAGE, &c));
    zx_handle_t s = new_slice(c, 0, 0, 2 * PAGE);
    EXPECT_EQ(vmo_get(s, 0), 1);
    ASSERT_OK(vmo_put(p, 0, 2));
    EXPECT_EQ(vmo_get(s, 0), 1); /* the parent's write reaches neither the snapshot nor its slice */
    ASSERT_OK(vmo_put(s, PAGE, 3));
    EXPECT_EQ(vmo_get(c, PAGE), 3);
    EXPECT_EQ(vmo_get(p, PAGE), 0);
    zx_handle_t all[] = {s, c, p};
    EXPECT_OK(zx_handle_close_many(all, 3));
}
