/*: # ChannelTest

A channel carries messages of bytes and handles between its two ends (`zx_channel_create`,
`zx_channel_write`, `zx_channel_read`). The rules, from Fuchsia's reference pages:

- messages arrive whole and in order; a read takes the oldest, or says `ZX_ERR_SHOULD_WAIT` when
  there is none and `ZX_ERR_PEER_CLOSED` when there is none and never will be;
- `ZX_CHANNEL_READABLE` is set exactly while a message waits; `ZX_CHANNEL_WRITABLE` while the peer
  exists; `ZX_CHANNEL_PEER_CLOSED` once it does not. Messages already queued can still be read after
  the writer has gone;
- a buffer too small for the message is `ZX_ERR_BUFFER_TOO_SMALL`, with the sizes needed written to
  `actual_bytes` and `actual_handles`; the message stays queued, unless
  `ZX_CHANNEL_READ_MAY_DISCARD` asks to drop it;
- the handles of a write leave the writer's table *whether the write succeeds or not*, whatever it
  is refused for; each needs `ZX_RIGHT_TRANSFER`; a channel cannot carry a handle to itself
  (`ZX_ERR_NOT_SUPPORTED`); a handle listed twice is `ZX_ERR_BAD_HANDLE`;
- a message holds at most `ZX_CHANNEL_MAX_MSG_BYTES` (64 KiB) and `ZX_CHANNEL_MAX_MSG_HANDLES` (64);
  one more of either is `ZX_ERR_OUT_OF_RANGE`;
- a channel end may travel inside a message queued at a channel end that travels inside another, to
  any depth; closing the outermost destroys them all;
- writing needs `ZX_RIGHT_WRITE`, reading `ZX_RIGHT_READ`; any bad pointer is
  `ZX_ERR_INVALID_ARGS`. */
#include <string.h>

#include "zircon/object_info.h"
#include "probe.h"
#include "zxtest.h"

/* Every basic right but ZX_RIGHT_DUPLICATE: a channel end has one owner. */
#define CHANNEL_RIGHTS                                                                             \
    (ZX_RIGHT_TRANSFER | ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT | ZX_RIGHT_READ | ZX_RIGHT_WRITE |       \
     ZX_RIGHT_SIGNAL | ZX_RIGHT_SIGNAL_PEER)

TEST(ChannelTest, CreateIsOkAndEndpointsAreRelated)
{
    zx_handle_t a, b, copy;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    zx_info_handle_basic_t ia = basic(a), ib = basic(b);
    EXPECT_EQ(ia.type, ZX_OBJ_TYPE_CHANNEL);
    EXPECT_EQ(ia.rights, CHANNEL_RIGHTS);
    EXPECT_EQ(ib.rights, CHANNEL_RIGHTS);
    EXPECT_STATUS(zx_handle_duplicate(a, ZX_RIGHT_SAME_RIGHTS, &copy), ZX_ERR_ACCESS_DENIED);
    EXPECT_EQ(ia.related_koid, ib.koid);
    EXPECT_EQ(ib.related_koid, ia.koid);
    EXPECT_EQ(signals_of(a), ZX_CHANNEL_WRITABLE);
    EXPECT_EQ(signals_of(b), ZX_CHANNEL_WRITABLE);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, CreateRejectsOptionsAndBadPointers)
{
    zx_handle_t a = ZX_HANDLE_INVALID, b = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_channel_create(1, &a, &b), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_channel_create(0, UNMAPPED, &b), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_channel_create(0, &a, KERNEL_HALF), ZX_ERR_INVALID_ARGS);
    EXPECT_FALSE(is_valid(a)); /* the end handed out before the failure was taken back */
}

TEST(ChannelTest, BytesArriveInOrder)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    EXPECT_OK(zx_channel_write(a, 0, "first", 5, NULL, 0));
    EXPECT_OK(zx_channel_write(a, 0, "second!", 7, NULL, 0));
    EXPECT_EQ(signals_of(b), ZX_CHANNEL_READABLE | ZX_CHANNEL_WRITABLE);
    EXPECT_EQ(signals_of(a), ZX_CHANNEL_WRITABLE); /* the writer's own end has nothing to read */
    char buf[16];
    uint32_t nb = 99, nh = 99;
    ASSERT_OK(zx_channel_read(b, 0, buf, NULL, sizeof buf, 0, &nb, &nh));
    EXPECT_EQ(nb, 5);
    EXPECT_EQ(nh, 0);
    EXPECT_EQ(memcmp(buf, "first", 5), 0);
    EXPECT_EQ(signals_of(b), ZX_CHANNEL_READABLE | ZX_CHANNEL_WRITABLE);
    ASSERT_OK(zx_channel_read(b, 0, buf, NULL, sizeof buf, 0, &nb, &nh));
    EXPECT_EQ(nb, 7);
    EXPECT_EQ(memcmp(buf, "second!", 7), 0);
    EXPECT_EQ(signals_of(b), ZX_CHANNEL_WRITABLE);
    EXPECT_STATUS(zx_channel_read(b, 0, buf, NULL, sizeof buf, 0, &nb, &nh), ZX_ERR_SHOULD_WAIT);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, BothDirectionsAreIndependent)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    EXPECT_OK(zx_channel_write(a, 0, "ab", 2, NULL, 0));
    EXPECT_OK(zx_channel_write(b, 0, "ba", 2, NULL, 0));
    char buf[4];
    uint32_t nb = 0;
    ASSERT_OK(zx_channel_read(a, 0, buf, NULL, sizeof buf, 0, &nb, NULL));
    EXPECT_EQ(nb, 2);
    EXPECT_EQ(memcmp(buf, "ba", 2), 0);
    ASSERT_OK(zx_channel_read(b, 0, buf, NULL, sizeof buf, 0, &nb, NULL));
    EXPECT_EQ(memcmp(buf, "ab", 2), 0);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, EmptyMessageIsAMessage)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    EXPECT_OK(zx_channel_write(a, 0, NULL, 0, NULL, 0)); /* NULL is fine when the size is zero */
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, ZX_CHANNEL_READABLE);
    uint32_t nb = 99, nh = 99;
    EXPECT_OK(zx_channel_read(b, 0, NULL, NULL, 0, 0, &nb, &nh));
    EXPECT_EQ(nb, 0);
    EXPECT_EQ(nh, 0);
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, 0);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, HandlesMoveWithTheirRights)
{
    zx_handle_t a, b, e, weak;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_TRANSFER | ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT, &weak));
    zx_koid_t koid = basic(e).koid;
    zx_handle_t sent[2] = {e, weak};
    ASSERT_OK(zx_channel_write(a, 0, "hh", 2, sent, 2));
    /* They left this table when written... */
    EXPECT_FALSE(is_valid(e));
    EXPECT_FALSE(is_valid(weak));
    zx_handle_t got[4] = {0};
    char buf[2];
    uint32_t nb = 0, nh = 0;
    ASSERT_OK(zx_channel_read(b, 0, buf, got, sizeof buf, 4, &nb, &nh));
    EXPECT_EQ(nb, 2);
    EXPECT_EQ(nh, 2);
    /* ...and came back as new handles, in order, to the same object, with the rights they had. */
    zx_info_handle_basic_t g0 = basic(got[0]), g1 = basic(got[1]);
    EXPECT_EQ(g0.koid, koid);
    EXPECT_EQ(g1.koid, koid);
    EXPECT_EQ(g0.rights, ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT |
                             ZX_RIGHT_SIGNAL);
    EXPECT_EQ(g1.rights, ZX_RIGHT_TRANSFER | ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT);
    EXPECT_EQ(handle_count(got[0]), 2);
    EXPECT_EQ(got[0] & ZX_HANDLE_FIXED_BITS_MASK, ZX_HANDLE_FIXED_BITS_MASK);
    EXPECT_OK(zx_handle_close_many(got, 2));
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, ChannelEndCanTravel)
{
    zx_handle_t a, b, c, d;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_channel_create(0, &c, &d));
    ASSERT_OK(zx_channel_write(a, 0, NULL, 0, &d, 1));
    zx_handle_t d2 = ZX_HANDLE_INVALID;
    uint32_t nh = 0;
    ASSERT_OK(zx_channel_read(b, 0, NULL, &d2, 0, 1, NULL, &nh));
    EXPECT_EQ(nh, 1);
    /* The moved end still works: c's peer is alive, in a new handle. */
    EXPECT_EQ(signals_of(c), ZX_CHANNEL_WRITABLE);
    EXPECT_OK(zx_channel_write(c, 0, "x", 1, NULL, 0));
    char x = 0;
    EXPECT_OK(zx_channel_read(d2, 0, &x, NULL, 1, 0, NULL, NULL));
    EXPECT_EQ(x, 'x');
    zx_handle_t all[] = {a, b, c, d2};
    EXPECT_OK(zx_handle_close_many(all, 4));
}

TEST(ChannelTest, ReadTooSmallKeepsMessage)
{
    zx_handle_t a, b, e;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_channel_write(a, 0, "0123456789", 10, &e, 1));
    char buf[16];
    zx_handle_t h = ZX_HANDLE_INVALID;
    uint32_t nb = 0, nh = 0;
    /* Bytes one short. */
    EXPECT_STATUS(zx_channel_read(b, 0, buf, &h, 9, 1, &nb, &nh), ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(nb, 10);
    EXPECT_EQ(nh, 1);
    /* Handles one short. */
    nb = nh = 0;
    EXPECT_STATUS(zx_channel_read(b, 0, buf, &h, sizeof buf, 0, &nb, &nh), ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(nb, 10);
    EXPECT_EQ(nh, 1);
    EXPECT_EQ(h, ZX_HANDLE_INVALID);
    /* NULL actuals are allowed on a too-small read as well. */
    EXPECT_STATUS(zx_channel_read(b, 0, buf, &h, 0, 0, NULL, NULL), ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, ZX_CHANNEL_READABLE); /* still there */
    /* Exactly the size: it fits. */
    ASSERT_OK(zx_channel_read(b, 0, buf, &h, 10, 1, &nb, &nh));
    EXPECT_EQ(memcmp(buf, "0123456789", 10), 0);
    EXPECT_TRUE(is_valid(h));
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, 0);
    zx_handle_t all[] = {a, b, h};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(ChannelTest, ReadMayDiscardWithSmallerBufferDiscardHandlesAndDateReturnsBufferTooSmall)
{
    zx_handle_t a, b, e, sent;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &sent));
    ASSERT_OK(zx_channel_write(a, 0, "doomed", 6, &sent, 1));
    ASSERT_OK(zx_channel_write(a, 0, "next", 4, NULL, 0));
    EXPECT_EQ(handle_count(e), 2); /* ours, and the one in flight */
    char buf[8];
    uint32_t nb = 0, nh = 0;
    EXPECT_STATUS(zx_channel_read(b, ZX_CHANNEL_READ_MAY_DISCARD, buf, NULL, 2, 0, &nb, &nh),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(nb, 6);
    EXPECT_EQ(nh, 1);
    /* The message is gone, and with it the handle it carried. */
    EXPECT_EQ(handle_count(e), 1);
    ASSERT_OK(zx_channel_read(b, 0, buf, NULL, sizeof buf, 0, &nb, &nh));
    EXPECT_EQ(nb, 4);
    EXPECT_EQ(memcmp(buf, "next", 4), 0);
    /* MAY_DISCARD changes nothing when the message fits. */
    ASSERT_OK(zx_channel_write(a, 0, "fits", 4, NULL, 0));
    EXPECT_OK(zx_channel_read(b, ZX_CHANNEL_READ_MAY_DISCARD, buf, NULL, sizeof buf, 0, &nb, &nh));
    EXPECT_EQ(memcmp(buf, "fits", 4), 0);
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, 0);
    zx_handle_t all[] = {a, b, e};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(ChannelTest, ReadRejectsUnknownOptions)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_channel_write(a, 0, "m", 1, NULL, 0));
    char c;
    EXPECT_STATUS(zx_channel_read(b, 2, &c, NULL, 1, 0, NULL, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_channel_write(a, 1, "m", 1, NULL, 0), ZX_ERR_INVALID_ARGS);
    /* the refused read took nothing */
    EXPECT_OK(zx_channel_read(b, 0, &c, NULL, 1, 0, NULL, NULL));
    /* nor added */
    EXPECT_STATUS(zx_channel_read(b, 0, &c, NULL, 1, 0, NULL, NULL), ZX_ERR_SHOULD_WAIT);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, ReadRemainingMessagesWhenPeerIsClosed)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_channel_write(a, 0, "last words", 10, NULL, 0));
    EXPECT_OK(zx_handle_close(a));
    EXPECT_EQ(signals_of(b), ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED); /* WRITABLE went */
    char buf[16];
    uint32_t nb = 0;
    ASSERT_OK(zx_channel_read(b, 0, buf, NULL, sizeof buf, 0, &nb, NULL));
    EXPECT_EQ(nb, 10);
    EXPECT_EQ(signals_of(b), ZX_CHANNEL_PEER_CLOSED);
    EXPECT_STATUS(zx_channel_read(b, 0, buf, NULL, sizeof buf, 0, &nb, NULL), ZX_ERR_PEER_CLOSED);
    EXPECT_STATUS(zx_channel_write(b, 0, "hello?", 6, NULL, 0), ZX_ERR_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, HandlesConsumedWhenPeerClosed)
{
    zx_handle_t a, b, e, sent;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &sent));
    EXPECT_OK(zx_handle_close(b));
    EXPECT_STATUS(zx_channel_write(a, 0, "x", 1, &sent, 1), ZX_ERR_PEER_CLOSED);
    EXPECT_FALSE(is_valid(sent));
    EXPECT_EQ(handle_count(e), 1);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(e));
}

TEST(ChannelTest, WriteNonTransferableHandleReturnsAccessDeniedAndClosesHandle)
{
    zx_handle_t a, b, e, fixed, movable;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT, &fixed));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &movable));
    zx_handle_t sent[2] = {movable, fixed};
    EXPECT_STATUS(zx_channel_write(a, 0, "x", 1, sent, 2), ZX_ERR_ACCESS_DENIED);
    /* Both are gone, the good one with the bad, and nothing was sent. */
    EXPECT_FALSE(is_valid(fixed));
    EXPECT_FALSE(is_valid(movable));
    EXPECT_EQ(handle_count(e), 1);
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, 0);
    zx_handle_t all[] = {a, b, e};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(ChannelTest, WriteSelfHandleReturnsNotSupported)
{
    zx_handle_t a, b, e;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    zx_handle_t sent[2] = {e, a};
    EXPECT_STATUS(zx_channel_write(a, 0, "x", 1, sent, 2), ZX_ERR_NOT_SUPPORTED);
    /* Everything in the list was consumed, the channel's own handle too: its peer sees it close. */
    EXPECT_FALSE(is_valid(e));
    EXPECT_FALSE(is_valid(a));
    EXPECT_EQ(signals_of(b), ZX_CHANNEL_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, WriteRepeatedHandlesReturnsBadHandlesAndClosesHandle)
{
    zx_handle_t a, b, e;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    zx_handle_t sent[2] = {e, e};
    EXPECT_STATUS(zx_channel_write(a, 0, "x", 1, sent, 2), ZX_ERR_BAD_HANDLE);
    EXPECT_FALSE(is_valid(e));
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, 0);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, InvalidHandleInListConsumesTheRest)
{
    zx_handle_t a, b, e;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    zx_handle_t sent[2] = {0x7ffffff3u, e};
    EXPECT_STATUS(zx_channel_write(a, 0, NULL, 0, sent, 2), ZX_ERR_BAD_HANDLE);
    EXPECT_FALSE(is_valid(e));
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, 0);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

static uint8_t big[ZX_CHANNEL_MAX_MSG_BYTES + 1];
static uint8_t big_in[ZX_CHANNEL_MAX_MSG_BYTES];

TEST(ChannelTest, LargestMessageOfBytes)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    for (uint32_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 7 + i / 4096);
    EXPECT_OK(zx_channel_write(a, 0, big, ZX_CHANNEL_MAX_MSG_BYTES, NULL, 0));
    EXPECT_STATUS(zx_channel_write(a, 0, big, ZX_CHANNEL_MAX_MSG_BYTES + 1, NULL, 0),
                  ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_channel_write(a, 0, big, UINT32_MAX, NULL, 0), ZX_ERR_OUT_OF_RANGE);
    uint32_t nb = 0;
    memset(big_in, 0, sizeof big_in);
    ASSERT_OK(zx_channel_read(b, 0, big_in, NULL, sizeof big_in, 0, &nb, NULL));
    EXPECT_EQ(nb, ZX_CHANNEL_MAX_MSG_BYTES);
    EXPECT_EQ(memcmp(big_in, big, ZX_CHANNEL_MAX_MSG_BYTES), 0);
    /* Only the one message went through. */
    EXPECT_STATUS(zx_channel_read(b, 0, big_in, NULL, sizeof big_in, 0, &nb, NULL),
                  ZX_ERR_SHOULD_WAIT);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, LargestMessageOfHandles)
{
    zx_handle_t a, b, e;
    static zx_handle_t hs[ZX_CHANNEL_MAX_MSG_HANDLES], got[ZX_CHANNEL_MAX_MSG_HANDLES];
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    zx_koid_t koid = basic(e).koid;
    for (uint32_t i = 0; i < ZX_CHANNEL_MAX_MSG_HANDLES; i++)
        ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &hs[i]));
    EXPECT_OK(zx_channel_write(a, 0, NULL, 0, hs, ZX_CHANNEL_MAX_MSG_HANDLES));
    uint32_t nh = 0;
    ASSERT_OK(zx_channel_read(b, 0, NULL, got, 0, ZX_CHANNEL_MAX_MSG_HANDLES, NULL, &nh));
    EXPECT_EQ(nh, ZX_CHANNEL_MAX_MSG_HANDLES);
    for (uint32_t i = 0; i < nh; i++)
        EXPECT_EQ(basic(got[i]).koid, koid);
    EXPECT_EQ(handle_count(e), ZX_CHANNEL_MAX_MSG_HANDLES + 1);
    EXPECT_OK(zx_handle_close_many(got, nh));
    EXPECT_EQ(handle_count(e), 1);
    zx_handle_t all[] = {a, b, e};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

/* Fuchsia's case: one handle too many is ZX_ERR_OUT_OF_RANGE, and every handle of the list is gone.
   */
TEST(ChannelTest, WriteConsumesAllHandles)
{
    enum { LONG_LIST = 3 * ZX_CHANNEL_MAX_MSG_HANDLES + 7 };
    static zx_handle_t hs[LONG_LIST];
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    for (uint32_t i = 0; i < ZX_CHANNEL_MAX_MSG_HANDLES + 1; i++)
        ASSERT_OK(zx_event_create(0, &hs[i]));
    EXPECT_STATUS(zx_channel_write(a, 0, NULL, 0, hs, ZX_CHANNEL_MAX_MSG_HANDLES + 1),
                  ZX_ERR_OUT_OF_RANGE);
    for (uint32_t i = 0; i < ZX_CHANNEL_MAX_MSG_HANDLES + 1; i++)
        EXPECT_STATUS(zx_handle_close(hs[i]), ZX_ERR_BAD_HANDLE);
    /* However long the list. */
    for (uint32_t i = 0; i < LONG_LIST; i++)
        ASSERT_OK(zx_event_create(0, &hs[i]));
    EXPECT_STATUS(zx_channel_write(a, 0, NULL, 0, hs, LONG_LIST), ZX_ERR_OUT_OF_RANGE);
    for (uint32_t i = 0; i < LONG_LIST; i++)
        EXPECT_STATUS(zx_handle_close(hs[i]), ZX_ERR_BAD_HANDLE);
    /* A list that cannot be read names nothing to close. */
    EXPECT_STATUS(zx_channel_write(a, 0, NULL, 0, NULL, UINT32_MAX), ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, 0);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

/* Write a new event's handle with the other arguments; expect status want, and the handle gone. */
static void expect_consumed(zx_handle_t ch, uint32_t options, const void *bytes, uint32_t num_bytes,
                            zx_status_t want)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    EXPECT_STATUS(zx_channel_write(ch, options, bytes, num_bytes, &e, 1), want);
    EXPECT_FALSE(is_valid(e));
}

/* Whatever a write is refused for, before or after it looks at the handles, they are consumed. */
TEST(ChannelTest, RefusedWriteConsumesHandles)
{
    zx_handle_t a, b, ro, ev;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &ev));
    ASSERT_OK(zx_handle_replace(a, CHANNEL_RIGHTS & ~ZX_RIGHT_WRITE, &ro));
    expect_consumed(ro, 0, "x", 1, ZX_ERR_ACCESS_DENIED);
    expect_consumed(ev, 0, "x", 1, ZX_ERR_WRONG_TYPE);
    expect_consumed(ZX_HANDLE_INVALID, 0, "x", 1, ZX_ERR_BAD_HANDLE);
    expect_consumed(b, 1, "x", 1, ZX_ERR_INVALID_ARGS); /* options */
    expect_consumed(b, 0, big, ZX_CHANNEL_MAX_MSG_BYTES + 1, ZX_ERR_OUT_OF_RANGE);
    expect_consumed(b, 0, UNMAPPED, 4, ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(signals_of(ro) & ZX_CHANNEL_READABLE, 0); /* nothing was sent */
    zx_handle_t all[] = {ro, b, ev};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(ChannelTest, NeedsReadAndWriteRights)
{
    zx_handle_t a, b, ro, wo;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_handle_replace(a, CHANNEL_RIGHTS & ~ZX_RIGHT_WRITE, &ro));
    ASSERT_OK(zx_handle_replace(b, CHANNEL_RIGHTS & ~ZX_RIGHT_READ, &wo));
    EXPECT_STATUS(zx_channel_write(ro, 0, "x", 1, NULL, 0), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_channel_write(wo, 0, "y", 1, NULL, 0));
    char c = 0;
    EXPECT_STATUS(zx_channel_read(wo, 0, &c, NULL, 1, 0, NULL, NULL), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_channel_read(ro, 0, &c, NULL, 1, 0, NULL, NULL));
    EXPECT_EQ(c, 'y');
    zx_handle_t all[] = {ro, wo};
    EXPECT_OK(zx_handle_close_many(all, 2));
}

TEST(ChannelTest, WrongTypeAndBadHandle)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    char c;
    EXPECT_STATUS(zx_channel_write(e, 0, "x", 1, NULL, 0), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_channel_read(e, 0, &c, NULL, 1, 0, NULL, NULL), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_channel_write(ZX_HANDLE_INVALID, 0, "x", 1, NULL, 0), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_channel_read(ZX_HANDLE_INVALID, 0, &c, NULL, 1, 0, NULL, NULL),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ChannelTest, WriteRejectsBadPointers)
{
    zx_handle_t a, b, e;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    EXPECT_STATUS(zx_channel_write(a, 0, UNMAPPED, 4, NULL, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_channel_write(a, 0, KERNEL_HALF, 4, NULL, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_channel_write(a, 0, NULL, 4, NULL, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_channel_write(a, 0, NULL, 0, UNMAPPED, 1), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_channel_write(a, 0, NULL, 0, NULL, 1), ZX_ERR_INVALID_ARGS);
    /* A bad byte pointer still consumes the handles. */
    ASSERT_OK(zx_event_create(0, &e));
    EXPECT_STATUS(zx_channel_write(a, 0, UNMAPPED, 4, &e, 1), ZX_ERR_INVALID_ARGS);
    EXPECT_FALSE(is_valid(e));
    EXPECT_EQ(signals_of(b) & ZX_CHANNEL_READABLE, 0); /* nothing was sent */
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, ReadRejectsBadPointers)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    char buf[4];
    uint32_t nb = 0;
    ASSERT_OK(zx_channel_write(a, 0, "abcd", 4, NULL, 0));
    EXPECT_STATUS(zx_channel_read(b, 0, UNMAPPED, NULL, 4, 0, NULL, NULL), ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_channel_write(a, 0, "abcd", 4, NULL, 0));
    EXPECT_STATUS(zx_channel_read(b, 0, KERNEL_HALF, NULL, 4, 0, NULL, NULL), ZX_ERR_INVALID_ARGS);
    /* A too-small read with a bad actual pointer fails on the pointer, and leaves the message. */
    ASSERT_OK(zx_channel_write(a, 0, "abcd", 4, NULL, 0));
    EXPECT_STATUS(zx_channel_read(b, 0, buf, NULL, 2, 0, UNMAPPED, NULL), ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_channel_read(b, 0, buf, NULL, sizeof buf, 0, &nb, NULL));
    EXPECT_EQ(nb, 4);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ChannelTest, FailedReadLeaksNoHandle)
{
    zx_handle_t a, b, e, sent;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &sent));
    ASSERT_OK(zx_channel_write(a, 0, "x", 1, &sent, 1));
    char c;
    zx_handle_t got = ZX_HANDLE_INVALID;
    /* The read fails on its actual_bytes pointer: a caller told ZX_ERR_INVALID_ARGS cannot be
       expected to close handles it was never given, so none may be left in its table. */
    EXPECT_STATUS(zx_channel_read(b, 0, &c, &got, 1, 1, UNMAPPED, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(handle_count(e), 1);
    /* Same with a bad handles buffer. */
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &sent));
    ASSERT_OK(zx_channel_write(a, 0, "x", 1, &sent, 1));
    EXPECT_STATUS(zx_channel_read(b, 0, &c, UNMAPPED, 1, 1, NULL, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(handle_count(e), 1);
    zx_handle_t all[] = {a, b, e};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

/* Fuchsia's case nests 200 channels, both ends of each in a message queued at the one before; here
   10,000 deep, built from the inside out so that the process never holds more than a few handles.
   The innermost message carries one end of an event pair: when the outer channel is closed, the
   whole chain is destroyed (in a loop: object/kobject.c), and the other end sees its peer go. */
TEST(ChannelTest, NestingIsOk)
{
    enum { DEPTH = 10000 };
    zx_handle_t inside[2], watch;
    ASSERT_OK(zx_eventpair_create(0, &inside[0], &watch));
    inside[1] = ZX_HANDLE_INVALID;
    uint32_t count = 1;
    for (int i = 0; i < DEPTH; i++) {
        zx_handle_t local, remote;
        ASSERT_OK(zx_channel_create(0, &local, &remote));
        ASSERT_OK(zx_channel_write(local, 0, NULL, 0, inside, count));
        inside[0] = local;
        inside[1] = remote;
        count = 2;
    }
    EXPECT_EQ(signals_of(watch) & ZX_EVENTPAIR_PEER_CLOSED, 0);
    EXPECT_OK(zx_handle_close_many(inside, 2));
    EXPECT_EQ(signals_of(watch) & ZX_EVENTPAIR_PEER_CLOSED, ZX_EVENTPAIR_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(watch));
}
