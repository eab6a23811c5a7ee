/*: # HandleTest

A handle value means something only inside its process, and the kernel promises a few things about
it (Fuchsia's *Handles* concept page, and the `zx_handle_*` reference pages):

- a valid value is never `ZX_HANDLE_INVALID` (0) and always has its two low bits set
  (`ZX_HANDLE_FIXED_BITS_MASK`), so a small integer such as a file descriptor is never a handle;
- once closed, a value is stale: using it gives `ZX_ERR_BAD_HANDLE`, even when a new handle has
  since taken the same slot of the table;
- `zx_handle_close(ZX_HANDLE_INVALID)` does nothing and succeeds, like `free(NULL)`;
- `zx_handle_close_many` closes every valid handle it is given, and reports `ZX_ERR_BAD_HANDLE` if
  one of them was not valid, or came twice;
- `zx_handle_duplicate` needs `ZX_RIGHT_DUPLICATE` and makes a second handle to the same object with
  the same rights or fewer; `zx_handle_replace` needs no right at all, and always invalidates its
  input;
- rights only ever shrink: asking for a right the handle lacks is `ZX_ERR_INVALID_ARGS`.

The tests look at objects through `ZX_INFO_HANDLE_BASIC` (koid and rights) and
`ZX_INFO_HANDLE_COUNT` (how many handles the object has), which is how a program can tell a new
handle from a leaked one.

Cases that check what a case of Fuchsia's core-tests checks carry its name, group and all, so
some of these run as `HandleCloseTest`, `HandleDup` and `HandleInfoTest` (the appendix on Zinc's
cases and Fuchsia's lists them all). */
#include "zircon/object_info.h"
#include "probe.h"
#include "zxtest.h"

#define EVENT_RIGHTS                                                                               \
    (ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT | ZX_RIGHT_SIGNAL)

TEST(HandleTest, ValuesAreNonzeroWithLowBitsSet)
{
    zx_handle_t e[4], c0, c1, p0, p1;
    for (int i = 0; i < 4; i++)
        ASSERT_OK(zx_event_create(0, &e[i]));
    ASSERT_OK(zx_channel_create(0, &c0, &c1));
    ASSERT_OK(zx_eventpair_create(0, &p0, &p1));
    zx_handle_t all[] = {e[0], e[1], e[2], e[3], c0, c1, p0, p1};
    for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++) {
        EXPECT_NE(all[i], ZX_HANDLE_INVALID);
        EXPECT_EQ(all[i] & ZX_HANDLE_FIXED_BITS_MASK, ZX_HANDLE_FIXED_BITS_MASK);
        for (unsigned j = 0; j < i; j++)
            EXPECT_NE(all[i], all[j]); /* one value, one handle */
    }
    EXPECT_OK(zx_handle_close_many(all, sizeof all / sizeof all[0]));
}

TEST(HandleTest, ValuesWithoutFixedBitsAreNeverValid)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    /* The same value with either fixed bit cleared names nothing, however close it is to a real
       one. */
    EXPECT_STATUS(zx_object_signal(e & ~1u, 0, ZX_USER_SIGNAL_0), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_object_signal(e & ~2u, 0, ZX_USER_SIGNAL_0), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_close(1), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_close(2), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_close(0x10), ZX_ERR_BAD_HANDLE);
    /* Fixed bits set but never handed out. */
    EXPECT_STATUS(zx_handle_close(0x7ffffff3u), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_close(0xffffffffu), ZX_ERR_BAD_HANDLE);
    EXPECT_TRUE(is_valid(e)); /* none of that touched the real handle */
    EXPECT_OK(zx_handle_close(e));
}

TEST(HandleTest, CloseInvalidIsOk)
{
    EXPECT_OK(zx_handle_close(ZX_HANDLE_INVALID));
}

TEST(HandleTest, ClosedValueIsStale)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    EXPECT_OK(zx_handle_close(e));
    EXPECT_STATUS(zx_handle_close(e), ZX_ERR_BAD_HANDLE); /* closing twice */
    EXPECT_STATUS(zx_object_signal(e, 0, ZX_EVENT_SIGNALED), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, 0, NULL), ZX_ERR_BAD_HANDLE);
    EXPECT_FALSE(is_valid(e));
}

TEST(HandleTest, StaleValueStaysInvalidAfterSlotReuse)
{
    /* The table gives a new handle the lowest free slot, so the next handle takes the closed one's
       slot; the generation in the value must still keep the old value from reaching the new
       object. */
    zx_handle_t first, second;
    ASSERT_OK(zx_event_create(0, &first));
    ASSERT_OK(zx_handle_close(first));
    ASSERT_OK(zx_event_create(0, &second));
    EXPECT_NE(second, first);
    EXPECT_STATUS(zx_object_signal(first, 0, ZX_EVENT_SIGNALED), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_close(first), ZX_ERR_BAD_HANDLE);
    zx_signals_t observed = 0;
    EXPECT_STATUS(zx_object_wait_one(second, ZX_EVENT_SIGNALED, 0, &observed), ZX_ERR_TIMED_OUT);
    EXPECT_EQ(observed, 0); /* the failed signal through `first` did not land on `second` */
    EXPECT_TRUE(is_valid(second));
    EXPECT_OK(zx_handle_close(second));
}

TEST(HandleCloseTest, Many)
{
    zx_handle_t h[3];
    for (int i = 0; i < 3; i++)
        ASSERT_OK(zx_event_create(0, &h[i]));
    EXPECT_OK(zx_handle_close_many(h, 3));
    for (int i = 0; i < 3; i++)
        EXPECT_FALSE(is_valid(h[i]));
}

TEST(HandleCloseTest, ManyInvalidHandlesShouldNotFail)
{
    zx_handle_t h[3] = {ZX_HANDLE_INVALID, ZX_HANDLE_INVALID, ZX_HANDLE_INVALID};
    ASSERT_OK(zx_event_create(0, &h[1]));
    EXPECT_OK(zx_handle_close_many(h, 3));
    EXPECT_FALSE(is_valid(h[1]));
    EXPECT_OK(zx_handle_close_many(NULL, 0)); /* nothing to read, nothing to close */
}

TEST(HandleTest, CloseManyReportsBadValueButClosesTheRest)
{
    zx_handle_t h[3];
    ASSERT_OK(zx_event_create(0, &h[0]));
    ASSERT_OK(zx_event_create(0, &h[2]));
    h[1] = h[0] ^ (1u << 2); /* h[0]'s slot with another generation: well formed, names no handle */
    EXPECT_STATUS(zx_handle_close_many(h, 3), ZX_ERR_BAD_HANDLE);
    EXPECT_FALSE(is_valid(h[0]));
    EXPECT_FALSE(is_valid(h[2]));
}

TEST(HandleCloseTest, ManyDuplicateTest)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    zx_handle_t twice[2] = {e, e};
    EXPECT_STATUS(zx_handle_close_many(twice, 2), ZX_ERR_BAD_HANDLE);
    EXPECT_FALSE(is_valid(e));
}

TEST(HandleTest, CloseManyRejectsBadPointer)
{
    EXPECT_STATUS(zx_handle_close_many(UNMAPPED, 1), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_handle_close_many(KERNEL_HALF, 4), ZX_ERR_INVALID_ARGS);
}

TEST(HandleTest, DuplicateSameRights)
{
    zx_handle_t e, dup;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &dup));
    EXPECT_NE(dup, e);
    EXPECT_EQ(dup & ZX_HANDLE_FIXED_BITS_MASK, ZX_HANDLE_FIXED_BITS_MASK);
    zx_info_handle_basic_t a = basic(e), b = basic(dup);
    EXPECT_EQ(b.koid, a.koid);
    EXPECT_EQ(b.rights, a.rights);
    EXPECT_EQ(a.rights, EVENT_RIGHTS);
    EXPECT_EQ(handle_count(e), 2);
    /* Both name one object: a signal through one is seen through the other. */
    EXPECT_OK(zx_object_signal(e, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_object_wait_one(dup, ZX_EVENT_SIGNALED, 0, NULL));
    /* And the object outlives the original handle. */
    EXPECT_OK(zx_handle_close(e));
    EXPECT_EQ(handle_count(dup), 1);
    EXPECT_OK(zx_object_wait_one(dup, ZX_EVENT_SIGNALED, 0, NULL));
    EXPECT_OK(zx_handle_close(dup));
}

TEST(HandleInfoTest, DuplicateRights)
{
    zx_handle_t e, dup;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT, &dup));
    EXPECT_EQ(basic(dup).rights, ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT);
    EXPECT_EQ(basic(e).rights, EVENT_RIGHTS); /* the original keeps its own */
    /* Each right that went is enforced. */
    EXPECT_STATUS(zx_object_signal(dup, 0, ZX_EVENT_SIGNALED), ZX_ERR_ACCESS_DENIED);
    zx_handle_t again;
    EXPECT_STATUS(zx_handle_duplicate(dup, ZX_RIGHT_SAME_RIGHTS, &again), ZX_ERR_ACCESS_DENIED);
    /* ...and the ones that stayed still work. */
    EXPECT_STATUS(zx_object_wait_one(dup, ZX_EVENT_SIGNALED, 0, NULL), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_handle_close(dup));
    EXPECT_OK(zx_handle_close(e));
}

TEST(HandleTest, DuplicateCannotAddRights)
{
    zx_handle_t e, fewer, out = ZX_HANDLE_INVALID;
    ASSERT_OK(zx_event_create(0, &e));
    /* Events never have READ: not a subset of the handle's rights. */
    EXPECT_STATUS(zx_handle_duplicate(e, ZX_RIGHT_READ, &out), ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_DUPLICATE | ZX_RIGHT_WAIT, &fewer));
    EXPECT_STATUS(zx_handle_duplicate(fewer, ZX_RIGHT_DUPLICATE | ZX_RIGHT_SIGNAL, &out),
                  ZX_ERR_INVALID_ARGS);
    /* SAME_RIGHTS is a value of its own, not a bit to mix with others. */
    EXPECT_STATUS(zx_handle_duplicate(fewer, ZX_RIGHT_SAME_RIGHTS | ZX_RIGHT_WAIT, &out),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(out, ZX_HANDLE_INVALID);
    EXPECT_EQ(handle_count(e), 2); /* no failed call made a handle */
    EXPECT_OK(zx_handle_close(fewer));
    EXPECT_OK(zx_handle_close(e));
}

TEST(HandleTest, DuplicateNeedsDuplicateRight)
{
    zx_handle_t e, no_dup, out;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, EVENT_RIGHTS & ~ZX_RIGHT_DUPLICATE, &no_dup));
    EXPECT_STATUS(zx_handle_duplicate(no_dup, ZX_RIGHT_SAME_RIGHTS, &out), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_handle_duplicate(no_dup, ZX_RIGHT_WAIT, &out), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_handle_duplicate(ZX_HANDLE_INVALID, ZX_RIGHT_SAME_RIGHTS, &out),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_EQ(handle_count(e), 2);
    EXPECT_OK(zx_handle_close(no_dup));
    EXPECT_OK(zx_handle_close(e));
}

TEST(HandleDup, Duplicate)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    EXPECT_STATUS(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, UNMAPPED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, KERNEL_HALF), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(handle_count(e), 1); /* a handle the caller never learned would be a leak */
    EXPECT_TRUE(is_valid(e));
    EXPECT_OK(zx_handle_close(e));
}

TEST(HandleDup, ReplaceSuccessOrigInvalid)
{
    zx_handle_t e, r;
    ASSERT_OK(zx_event_create(0, &e));
    zx_koid_t koid = basic(e).koid;
    ASSERT_OK(zx_handle_replace(e, ZX_RIGHT_SAME_RIGHTS, &r));
    EXPECT_FALSE(is_valid(e));
    EXPECT_EQ(r & ZX_HANDLE_FIXED_BITS_MASK, ZX_HANDLE_FIXED_BITS_MASK);
    zx_info_handle_basic_t info = basic(r);
    EXPECT_EQ(info.koid, koid);
    EXPECT_EQ(info.rights, EVENT_RIGHTS);
    EXPECT_EQ(handle_count(r), 1); /* replaced, not added */
    EXPECT_OK(zx_handle_close(r));
}

TEST(HandleTest, ReplaceReducesRightsAndNeedsNone)
{
    zx_handle_t e, r, none, r2;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_replace(e, ZX_RIGHT_INSPECT | ZX_RIGHT_WAIT, &r));
    EXPECT_EQ(basic(r).rights, ZX_RIGHT_INSPECT | ZX_RIGHT_WAIT);
    EXPECT_STATUS(zx_object_signal(r, 0, ZX_EVENT_SIGNALED), ZX_ERR_ACCESS_DENIED);
    /* No right is needed to replace, not even DUPLICATE: a handle with no rights at all can be
       replaced. */
    ASSERT_OK(zx_handle_replace(r, ZX_RIGHT_NONE, &none));
    EXPECT_EQ(basic(none).rights, ZX_RIGHT_NONE);
    ASSERT_OK(zx_handle_replace(none, ZX_RIGHT_SAME_RIGHTS, &r2));
    EXPECT_EQ(basic(r2).rights, ZX_RIGHT_NONE);
    EXPECT_OK(zx_handle_close(r2));
}

TEST(HandleDup, ReplaceFailureBothInvalid)
{
    zx_handle_t e, keep, fewer, out = ZX_HANDLE_INVALID;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &keep));
    ASSERT_OK(zx_handle_replace(e, ZX_RIGHT_WAIT, &fewer));
    /* "handle is always invalidated": a failed replace closes its input. */
    EXPECT_STATUS(zx_handle_replace(fewer, ZX_RIGHT_WAIT | ZX_RIGHT_SIGNAL, &out),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(out, ZX_HANDLE_INVALID);
    EXPECT_FALSE(is_valid(fewer));
    EXPECT_EQ(handle_count(keep), 1);
    EXPECT_OK(zx_handle_close(keep));
}

TEST(HandleDup, Replace)
{
    zx_handle_t e, keep;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &keep));
    EXPECT_STATUS(zx_handle_replace(e, ZX_RIGHT_SAME_RIGHTS, UNMAPPED), ZX_ERR_INVALID_ARGS);
    EXPECT_FALSE(is_valid(e));
    EXPECT_EQ(handle_count(keep), 1);
    EXPECT_OK(zx_handle_close(keep));
}

TEST(HandleTest, ReplaceBadHandle)
{
    zx_handle_t out = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_handle_replace(ZX_HANDLE_INVALID, ZX_RIGHT_SAME_RIGHTS, &out),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_replace(0x7ffffff3u, ZX_RIGHT_SAME_RIGHTS, &out), ZX_ERR_BAD_HANDLE);
    EXPECT_EQ(out, ZX_HANDLE_INVALID);
}

TEST(HandleTest, ReplacingTheOnlyHandleKeepsTheObject)
{
    /* A replaced handle is the same handle with new rights: the object must never look abandoned in
       between. A channel end shows it best, since losing its last handle would close the
       channel. */
    zx_handle_t a, b, r;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_handle_replace(
        a, ZX_RIGHT_READ | ZX_RIGHT_WRITE | ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT, &r));
    zx_signals_t observed = 0;
    EXPECT_STATUS(zx_object_wait_one(b, ZX_CHANNEL_PEER_CLOSED, 0, &observed), ZX_ERR_TIMED_OUT);
    EXPECT_EQ(observed, ZX_CHANNEL_WRITABLE);
    EXPECT_EQ(handle_count(r), 1);
    EXPECT_OK(zx_channel_write(b, 0, "hi", 2, NULL, 0));
    char buf[2];
    EXPECT_OK(zx_channel_read(r, 0, buf, NULL, sizeof buf, 0, NULL, NULL));
    EXPECT_OK(zx_handle_close(r));
    /* and closing it still closes */
    EXPECT_OK(zx_object_wait_one(b, ZX_CHANNEL_PEER_CLOSED, 0, NULL));
    EXPECT_OK(zx_handle_close(b));
}
