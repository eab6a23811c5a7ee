/*: # VmoClone2TestCase

`zx_vmo_create_child(vmo, ZX_VMO_CHILD_SNAPSHOT, offset, size, &child)` makes a snapshot: a new VMO
that "behaves as if an eager copy is performed" of the parent's range at that moment. Nothing is
copied yet; when either side writes a page, that side gets a copy of its own (copy-on-write), so the
two diverge both ways. `ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE` promises less: the child's writes
are its own, but until it writes a page it may see the parent's later writes there. The rules, from
the reference page of `zx_vmo_create_child` and Zircon's `VmoClone2TestCase` and
`VmoSignalTestCase`:

- "any reads from ranges outside of the parent VMO's size contain zeros, and writes allocate new
  zero filled pages"; offset and size may start or extend beyond the parent; the size is rounded up;
- *offset* must be page aligned (`ZX_ERR_INVALID_ARGS`); *offset* + *size* past 2^64 is
  `ZX_ERR_OUT_OF_RANGE`; *options* hold exactly one kind of child (`ZX_ERR_INVALID_ARGS` otherwise);
- the parent handle needs `ZX_RIGHT_DUPLICATE` and `ZX_RIGHT_READ`; the child's handle can write
  (unless `ZX_VMO_CHILD_NO_WRITE`), and resize exactly when `ZX_VMO_CHILD_RESIZABLE` made it
  resizable;
- the parent's `ZX_VMO_ZERO_CHILDREN` goes inactive with the first child and comes back when the
  last descendant is gone, even when a child was closed before its own child;
- a child lives on its own: closing the parent first leaves the child's snapshot intact;
- `ZX_VMO_OP_DECOMMIT` is not supported on a snapshot, nor on a VMO that has one; `ZX_VMO_OP_COMMIT`
  on a child commits pages "that have the same content as its parent's corresponding pages".

Cases that check what a case of Fuchsia's core-tests checks carry its name, group and all: some
of these are Fuchsia's older `VmoCloneTestCase` and `VmoSignalTestCase`. */
#include <string.h>

#include "probe.h"
#include "vmo_words.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PAGE 4096u /* the page size of all three targets */

static zx_handle_t new_child(zx_handle_t parent, uint32_t options, uint64_t offset, uint64_t size)
{
    zx_handle_t h = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_vmo_create_child(parent, options, offset, size, &h));
    return h;
}

static int has_children(zx_handle_t h)
{
    return !(signals_of(h) & ZX_VMO_ZERO_CHILDREN);
}

TEST(VmoClone2TestCase, Read)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0);
    for (uint64_t i = 0; i < 4; i++)
        ASSERT_OK(vmo_put(p, i * PAGE + 8, 0x1000 + i));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 4 * PAGE);
    EXPECT_EQ(vmo_size_of(c), 4 * PAGE);
    for (uint64_t i = 0; i < 4; i++)
        EXPECT_EQ(vmo_get(c, i * PAGE + 8), 0x1000 + i);
    EXPECT_EQ(vmo_get(c, 16), 0); /* bytes the parent never wrote are zeros here too */
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, ParentVmoWrite)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 1));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PAGE);
    ASSERT_OK(vmo_put(p, 0, 2));
    ASSERT_OK(vmo_put(p, PAGE, 3)); /* a page that was not committed when the child was made */
    EXPECT_EQ(vmo_get(p, 0), 2);
    EXPECT_EQ(vmo_get(c, 0), 1);
    EXPECT_EQ(vmo_get(c, PAGE), 0);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, CloneVmoWrite)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 1));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PAGE);
    ASSERT_OK(vmo_put(c, 0, 4));
    ASSERT_OK(vmo_put(c, PAGE, 5));
    EXPECT_EQ(vmo_get(c, 0), 4);
    EXPECT_EQ(vmo_get(c, PAGE), 5);
    EXPECT_EQ(vmo_get(p, 0), 1);
    EXPECT_EQ(vmo_get(p, PAGE), 0);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, BothSidesDivergeOnOnePage)
{
    zx_handle_t p = vmo_new(PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 10));
    ASSERT_OK(vmo_put(p, 64, 11));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE);
    /* Each writes one word of the shared page; each keeps the other word as it was. */
    ASSERT_OK(vmo_put(p, 0, 20));
    ASSERT_OK(vmo_put(c, 64, 31));
    EXPECT_EQ(vmo_get(p, 0), 20);
    EXPECT_EQ(vmo_get(p, 64), 11);
    EXPECT_EQ(vmo_get(c, 0), 10);
    EXPECT_EQ(vmo_get(c, 64), 31);
    /* And again, now that both have their own copies. */
    ASSERT_OK(vmo_put(c, 0, 30));
    ASSERT_OK(vmo_put(p, 64, 21));
    EXPECT_EQ(vmo_get(p, 0), 20);
    EXPECT_EQ(vmo_get(p, 64), 21);
    EXPECT_EQ(vmo_get(c, 0), 30);
    EXPECT_EQ(vmo_get(c, 64), 31);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, AtLeastOnWriteChildKeepsItsWrites)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 1));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE, 0, 2 * PAGE);
    EXPECT_EQ(vmo_get(c, 0), 1);
    ASSERT_OK(vmo_put(c, 0, 2));
    EXPECT_EQ(vmo_get(p, 0), 1); /* the child's write is the child's */
    ASSERT_OK(vmo_put(p, 0, 3));
    EXPECT_EQ(vmo_get(c, 0), 2); /* a page the child wrote is its own from then on */
    EXPECT_EQ(basic(c).type, ZX_OBJ_TYPE_VMO);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, SiblingsAreIndependent)
{
    zx_handle_t p = vmo_new(PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 1));
    zx_handle_t a = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE);
    ASSERT_OK(vmo_put(p, 0, 2));
    zx_handle_t b = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE);
    EXPECT_EQ(vmo_get(a, 0), 1); /* each saw the parent at its own moment */
    EXPECT_EQ(vmo_get(b, 0), 2);
    ASSERT_OK(vmo_put(a, 0, 3));
    EXPECT_EQ(vmo_get(b, 0), 2);
    EXPECT_EQ(vmo_get(p, 0), 2);
    zx_handle_t all[] = {a, b, p};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoClone2TestCase, ChildOfChildSnapshotsTheChild)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 1));
    ASSERT_OK(vmo_put(p, PAGE, 1));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PAGE);
    /* page 0 is the child's own, page 1 still shared with the parent */
    ASSERT_OK(vmo_put(c, 0, 2));
    zx_handle_t g = new_child(c, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PAGE);
    EXPECT_EQ(vmo_get(g, 0), 2);
    EXPECT_EQ(vmo_get(g, PAGE), 1);
    ASSERT_OK(vmo_put(p, PAGE, 3));
    ASSERT_OK(vmo_put(c, 0, 4));
    ASSERT_OK(vmo_put(g, PAGE, 5));
    EXPECT_EQ(vmo_get(g, 0), 2); /* neither ancestor's later writes reach the grandchild */
    EXPECT_EQ(vmo_get(g, PAGE), 5);
    EXPECT_EQ(vmo_get(c, 0), 4); /* nor its writes them */
    EXPECT_EQ(vmo_get(c, PAGE), 1);
    EXPECT_EQ(vmo_get(p, 0), 1);
    EXPECT_EQ(vmo_get(p, PAGE), 3);
    zx_handle_t all[] = {g, c, p};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoClone2TestCase, ChildAtOffsetSeesThatPartOfParent)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 2 * PAGE, 42));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 2 * PAGE, PAGE);
    EXPECT_EQ(vmo_size_of(c), PAGE);
    EXPECT_EQ(vmo_get(c, 0), 42);
    uint64_t x;
    /* the child has its own end */
    EXPECT_STATUS(zx_vmo_read(c, &x, PAGE, sizeof x), ZX_ERR_OUT_OF_RANGE);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, ChildBeyondParentReadsZeros)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, PAGE, 7));
    /* Starting inside the parent, ending beyond it. */
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, PAGE, 4 * PAGE);
    EXPECT_EQ(vmo_size_of(c), 4 * PAGE);
    EXPECT_EQ(vmo_get(c, 0), 7);
    EXPECT_EQ(vmo_get(c, PAGE), 0);
    EXPECT_EQ(vmo_get(c, 3 * PAGE + 8), 0);
    EXPECT_OK(vmo_put(c, 3 * PAGE + 8, 9)); /* "writes allocate new zero filled pages" */
    EXPECT_EQ(vmo_get(c, 3 * PAGE + 8), 9);
    EXPECT_EQ(vmo_get(c, 3 * PAGE), 0);
    /* Starting beyond it altogether. */
    zx_handle_t far = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 16 * PAGE, PAGE);
    EXPECT_EQ(vmo_get(far, 0), 0);
    EXPECT_OK(vmo_put(far, 0, 1));
    EXPECT_EQ(vmo_size_of(p), 2 * PAGE); /* the parent does not grow */
    zx_handle_t all[] = {c, far, p};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoCloneTestCase, SizeAlign)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0);
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE + 1);
    EXPECT_EQ(vmo_size_of(c), 2 * PAGE);
    zx_handle_t empty = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 0);
    EXPECT_EQ(vmo_size_of(empty), 0);
    uint8_t b;
    EXPECT_STATUS(zx_vmo_read(empty, &b, 0, 1), ZX_ERR_OUT_OF_RANGE);
    zx_handle_t all[] = {c, empty, p};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoClone2TestCase, OffsetMustBePageAligned)
{
    zx_handle_t p = vmo_new(4 * PAGE, 0), c = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT, 1, PAGE, &c), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT, PAGE - 8, PAGE, &c),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(
        zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE, PAGE / 2, PAGE, &c),
        ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(c, ZX_HANDLE_INVALID);
    EXPECT_TRUE(!has_children(p));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, RangePastTwoToTheSixtyFourIsOutOfRange)
{
    /* "ZX_ERR_OUT_OF_RANGE offset + size is too large." */
    zx_handle_t p = vmo_new(PAGE, 0), c = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, UINT64_MAX, &c),
                  ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(
        zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT, UINT64_MAX - PAGE + 1, 2 * PAGE, &c),
        ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE,
                                      UINT64_MAX - PAGE + 1, 2 * PAGE, &c),
                  ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(c, ZX_HANDLE_INVALID);
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, OptionsNameExactlyOneKind)
{
    zx_handle_t p = vmo_new(PAGE, 0), c = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create_child(p, 0, 0, PAGE, &c), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_RESIZABLE, 0, PAGE, &c), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_NO_WRITE, 0, PAGE, &c), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_SLICE, 0, PAGE, &c),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(
        zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE, 0,
                            PAGE, &c),
        ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT | (1u << 20), 0, PAGE, &c),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(c, ZX_HANDLE_INVALID);
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, BadOutPointerMakesNoChild)
{
    zx_handle_t p = vmo_new(PAGE, 0);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, NULL),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, UNMAPPED),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, KERNEL_HALF),
                  ZX_ERR_INVALID_ARGS);
    /* a child made for a handle that could not be given is gone again */
    EXPECT_FALSE(has_children(p));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, ParentHandleNeedsDuplicateAndRead)
{
    zx_handle_t p = vmo_new(PAGE, 0), c = ZX_HANDLE_INVALID;
    zx_handle_t no_dup, no_read;
    ASSERT_OK(zx_handle_duplicate(p, ZX_RIGHT_READ | ZX_RIGHT_WRITE, &no_dup));
    ASSERT_OK(zx_handle_duplicate(p, ZX_RIGHT_DUPLICATE | ZX_RIGHT_WRITE, &no_read));
    EXPECT_STATUS(zx_vmo_create_child(no_dup, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, &c),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_vmo_create_child(no_read, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, &c),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_vmo_create_child(no_read, ZX_VMO_CHILD_SLICE, 0, PAGE, &c),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_EQ(c, ZX_HANDLE_INVALID);
    zx_handle_t all[] = {p, no_dup, no_read};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoCloneTestCase, Rights)
{
    /* "If options is ZX_VMO_CHILD_SNAPSHOT ... ZX_RIGHT_WRITE will be added": the copy is the
       child's to change. */
    zx_handle_t p = vmo_new(PAGE, 0), ro;
    ASSERT_OK(vmo_put(p, 0, 1));
    ASSERT_OK(zx_handle_duplicate(p, ZX_RIGHT_READ | ZX_RIGHT_DUPLICATE, &ro));
    EXPECT_STATUS(vmo_put(ro, 0, 2), ZX_ERR_ACCESS_DENIED);
    zx_handle_t c = new_child(ro, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE);
    EXPECT_EQ(basic(c).rights,
              ZX_RIGHT_READ | ZX_RIGHT_DUPLICATE | ZX_RIGHT_WRITE | ZX_RIGHTS_PROPERTY);
    EXPECT_OK(vmo_put(c, 0, 2));
    EXPECT_EQ(vmo_get(c, 0), 2);
    EXPECT_EQ(vmo_get(p, 0), 1);
    zx_handle_t all[] = {c, ro, p};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoClone2TestCase, NoWriteChildCannotBeWritten)
{
    zx_handle_t p = vmo_new(PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 6));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_NO_WRITE, 0, PAGE);
    EXPECT_EQ(basic(c).rights & ZX_RIGHT_WRITE, 0);
    EXPECT_EQ(vmo_get(c, 0), 6);
    EXPECT_STATUS(vmo_put(c, 0, 7), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_vmo_op_range(c, ZX_VMO_OP_ZERO, 0, PAGE, NULL, 0), ZX_ERR_ACCESS_DENIED);
    ASSERT_OK(vmo_put(p, 0, 8));
    EXPECT_EQ(vmo_get(c, 0), 6); /* still a snapshot: an immutable one */
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, ResizableChildGrowsWithZeros)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 1));
    ASSERT_OK(vmo_put(p, PAGE, 2));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_RESIZABLE, 0, 2 * PAGE);
    EXPECT_EQ(basic(c).rights & ZX_RIGHT_RESIZE, ZX_RIGHT_RESIZE);
    ASSERT_OK(zx_vmo_set_size(c, 4 * PAGE));
    EXPECT_EQ(vmo_size_of(c), 4 * PAGE);
    EXPECT_EQ(vmo_get(c, PAGE), 2);
    EXPECT_EQ(vmo_get(c, 3 * PAGE), 0);
    /* Cut the child below its second page, then grow it again: that page is zeros, not the
       parent's. */
    ASSERT_OK(zx_vmo_set_size(c, PAGE));
    ASSERT_OK(zx_vmo_set_size(c, 2 * PAGE));
    EXPECT_EQ(vmo_get(c, PAGE), 0);
    EXPECT_EQ(vmo_get(c, 0), 1);
    EXPECT_EQ(vmo_get(p, PAGE), 2); /* the parent is untouched throughout */
    EXPECT_EQ(vmo_size_of(p), 2 * PAGE);
    /* the child's resizability is its own */
    EXPECT_STATUS(zx_vmo_set_size(p, 3 * PAGE), ZX_ERR_UNAVAILABLE);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, ChildOfResizableParentKeepsSnapshotWhenParentShrinks)
{
    zx_handle_t p = vmo_new(4 * PAGE, ZX_VMO_RESIZABLE);
    ASSERT_OK(vmo_put(p, 3 * PAGE, 9));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 4 * PAGE);
    /* not resizable, whatever its parent is */
    EXPECT_STATUS(zx_vmo_set_size(c, PAGE), ZX_ERR_UNAVAILABLE);
    ASSERT_OK(zx_vmo_set_size(p, PAGE));
    EXPECT_EQ(vmo_size_of(c), 4 * PAGE);
    EXPECT_EQ(vmo_get(c, 3 * PAGE), 9);
    ASSERT_OK(zx_vmo_set_size(p, 4 * PAGE));
    EXPECT_EQ(vmo_get(p, 3 * PAGE), 0);
    EXPECT_EQ(vmo_get(c, 3 * PAGE), 9);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, ZeroChildrenFollowsTheChildren)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    EXPECT_EQ(signals_of(p), ZX_VMO_ZERO_CHILDREN);
    zx_handle_t a = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE);
    EXPECT_EQ(signals_of(p), 0); /* synchronously inactive with the first child */
    EXPECT_EQ(signals_of(a), ZX_VMO_ZERO_CHILDREN);
    zx_handle_t b = new_child(p, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE, 0, PAGE);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_TRUE(has_children(p));
    EXPECT_OK(zx_handle_close(b));
    zx_signals_t observed = 0;
    EXPECT_OK(zx_object_wait_one(p, ZX_VMO_ZERO_CHILDREN, ZX_TIME_INFINITE, &observed));
    EXPECT_EQ(observed, ZX_VMO_ZERO_CHILDREN);
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoSignalTestCase, ChildSignalClone)
{
    /* Closing a child whose own child lives leaves the parent with children. */
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    for (int round = 0; round < 3; round++) {
        zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE);
        zx_handle_t g = new_child(c, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE);
        EXPECT_FALSE(has_children(g));
        EXPECT_TRUE(has_children(c));
        EXPECT_TRUE(has_children(p));
        EXPECT_OK(zx_handle_close(c));
        EXPECT_TRUE(has_children(p));
        EXPECT_FALSE(has_children(g));
        EXPECT_OK(zx_handle_close(g));
        EXPECT_FALSE(has_children(p));
    }
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, CloseOriginal)
{
    zx_handle_t p = vmo_new(3 * PAGE, 0);
    for (uint64_t i = 0; i < 3; i++)
        ASSERT_OK(vmo_put(p, i * PAGE, 50 + i));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 3 * PAGE);
    zx_handle_t g = new_child(c, ZX_VMO_CHILD_SNAPSHOT, PAGE, 2 * PAGE);
    EXPECT_OK(zx_handle_close(p));
    for (uint64_t i = 0; i < 3; i++)
        EXPECT_EQ(vmo_get(c, i * PAGE), 50 + i);
    EXPECT_OK(vmo_put(c, 0, 60));
    EXPECT_EQ(vmo_get(c, 0), 60);
    EXPECT_OK(zx_handle_close(c)); /* and the grandchild outlives both */
    EXPECT_EQ(vmo_get(g, 0), 51);
    EXPECT_EQ(vmo_get(g, PAGE), 52);
    EXPECT_OK(vmo_put(g, PAGE, 62));
    EXPECT_EQ(vmo_get(g, PAGE), 62);
    EXPECT_OK(zx_handle_close(g));
}

TEST(VmoClone2TestCase, ChildIsANewVmoObject)
{
    zx_handle_t p = vmo_new(PAGE, 0);
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE);
    zx_info_handle_basic_t ip = basic(p), ic = basic(c);
    EXPECT_EQ(ic.type, ZX_OBJ_TYPE_VMO);
    EXPECT_NE(ic.koid, ip.koid);
    EXPECT_NE(ic.koid, ZX_KOID_INVALID);
    EXPECT_EQ(handle_count(c), 1);
    EXPECT_EQ(handle_count(p), 1); /* making a child took no handle to the parent */
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoCloneTestCase, Decommit)
{
    /* "The DECOMMIT mode of zx_vmo_op_range() is not supported" on a non-slice child, and decommit
       is "only supported for vmos ... which do not have non-slice children". */
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 1));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PAGE);
    ASSERT_OK(vmo_put(c, 0, 2));
    EXPECT_STATUS(zx_vmo_op_range(c, ZX_VMO_OP_DECOMMIT, 0, PAGE, NULL, 0), ZX_ERR_NOT_SUPPORTED);
    EXPECT_STATUS(zx_vmo_op_range(p, ZX_VMO_OP_DECOMMIT, 0, PAGE, NULL, 0), ZX_ERR_NOT_SUPPORTED);
    EXPECT_EQ(vmo_get(c, 0), 2);
    EXPECT_EQ(vmo_get(p, 0), 1);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_vmo_op_range(p, ZX_VMO_OP_DECOMMIT, 0, PAGE, NULL, 0)); /* no snapshot left */
    EXPECT_EQ(vmo_get(p, 0), 0);
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, CommitInChildCopiesParentContent)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 5));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PAGE);
    EXPECT_OK(zx_vmo_op_range(c, ZX_VMO_OP_COMMIT, 0, 2 * PAGE, NULL, 0));
    EXPECT_EQ(vmo_get(c, 0), 5);    /* "the same content as its parent's corresponding pages" */
    EXPECT_EQ(vmo_get(c, PAGE), 0); /* a page the parent never committed is zeros */
    ASSERT_OK(vmo_put(p, 0, 6));
    EXPECT_EQ(vmo_get(c, 0), 5);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}

TEST(VmoClone2TestCase, ZeroOnOneSideLeavesTheOther)
{
    zx_handle_t p = vmo_new(2 * PAGE, 0);
    ASSERT_OK(vmo_put(p, 0, 1));
    ASSERT_OK(vmo_put(p, PAGE + 8, 2));
    zx_handle_t c = new_child(p, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PAGE);
    /* a whole page of the child */
    ASSERT_OK(zx_vmo_op_range(c, ZX_VMO_OP_ZERO, 0, PAGE, NULL, 0));
    /* a few bytes of the parent */
    ASSERT_OK(zx_vmo_op_range(p, ZX_VMO_OP_ZERO, PAGE + 8, 8, NULL, 0));
    EXPECT_EQ(vmo_get(c, 0), 0);
    EXPECT_EQ(vmo_get(p, 0), 1);
    EXPECT_EQ(vmo_get(p, PAGE + 8), 0);
    EXPECT_EQ(vmo_get(c, PAGE + 8), 2);
    EXPECT_OK(zx_handle_close(c));
    EXPECT_OK(zx_handle_close(p));
}
