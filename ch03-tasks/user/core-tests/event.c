/*: # EventTest

An event is an object with nothing but signals (`zx_event_create`, `zx_object_signal`). The rules
checked here are Fuchsia's:

- a new event has no signal set, and its handle has the rights `ZX_RIGHT_TRANSFER`,
  `ZX_RIGHT_DUPLICATE`, `ZX_RIGHT_WAIT`, `ZX_RIGHT_INSPECT` and `ZX_RIGHT_SIGNAL`;
- `options` must be 0, and a bad `out` pointer is `ZX_ERR_INVALID_ARGS`;
- `zx_object_signal` clears `clear_mask`, then sets `set_mask`; on an event it may touch the eight
  user signals and `ZX_EVENT_SIGNALED`, and any other bit makes the whole call fail with
  `ZX_ERR_INVALID_ARGS`, changing nothing;
- signalling needs `ZX_RIGHT_SIGNAL`; an event has no peer, so `zx_object_signal_peer` is
  refused. */
#include "zircon/object_info.h"
#include "probe.h"
#include "zxtest.h"

TEST(EventTest, CreateAndSignal)
{
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    zx_signals_t observed = 0;
    EXPECT_STATUS(zx_object_wait_one(event, ZX_EVENT_SIGNALED, 0, &observed), ZX_ERR_TIMED_OUT);
    EXPECT_EQ(observed, 0);
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_object_wait_one(event, ZX_EVENT_SIGNALED, 0, &observed));
    EXPECT_EQ(observed, ZX_EVENT_SIGNALED);
    EXPECT_OK(zx_handle_close(event));
}

TEST(EventTest, CreateRejectsOptions)
{
    zx_handle_t event = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_event_create(1, &event), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_event_create(0x80000000u, &event), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(event, ZX_HANDLE_INVALID);
}

TEST(EventTest, CreateRejectsBadPointer)
{
    EXPECT_STATUS(zx_event_create(0, (zx_handle_t *)0x10), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_event_create(0, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_event_create(0, KERNEL_HALF), ZX_ERR_INVALID_ARGS);
}

TEST(EventTest, NewEventHasDefaultRightsAndNoSignals)
{
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    zx_info_handle_basic_t info;
    ASSERT_OK(zx_object_get_info(event, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.type, ZX_OBJ_TYPE_EVENT);
    EXPECT_EQ(info.rights, ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_WAIT |
                               ZX_RIGHT_INSPECT | ZX_RIGHT_SIGNAL);
    EXPECT_EQ(info.related_koid, ZX_KOID_INVALID); /* an event is related to nothing */
    EXPECT_EQ(signals_of(event), 0);
    EXPECT_OK(zx_handle_close(event));
}

TEST(EventTest, SignalClearsThenSets)
{
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_0 | ZX_USER_SIGNAL_7));
    EXPECT_EQ(signals_of(event), ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_0 | ZX_USER_SIGNAL_7);
    EXPECT_OK(zx_object_signal(event, ZX_USER_SIGNAL_0, 0));
    EXPECT_EQ(signals_of(event), ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_7);
    /* A bit in both masks ends set: the clear comes first. */
    EXPECT_OK(zx_object_signal(event, ZX_USER_SIGNAL_3, ZX_USER_SIGNAL_3));
    EXPECT_EQ(signals_of(event), ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_3 | ZX_USER_SIGNAL_7);
    EXPECT_OK(zx_object_signal(event, ZX_USER_SIGNAL_ALL | ZX_EVENT_SIGNALED, 0));
    EXPECT_EQ(signals_of(event), 0);
    EXPECT_OK(zx_handle_close(event));
}

TEST(EventTest, AllUserSignalsAreSettable)
{
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_OK(zx_object_signal(event, 0, ZX_USER_SIGNAL_ALL));
    EXPECT_EQ(signals_of(event), ZX_USER_SIGNAL_ALL);
    EXPECT_OK(zx_handle_close(event));
}

TEST(EventTest, KernelSignalsAreNotSettable)
{
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_OK(zx_object_signal(event, 0, ZX_USER_SIGNAL_1));
    /* Bits 0-2 and 4-23 belong to the kernel; a mask holding one fails as a whole, changing
       nothing. */
    EXPECT_STATUS(zx_object_signal(event, 0, ZX_OBJECT_SIGNAL_0 | ZX_USER_SIGNAL_2),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_signal(event, ZX_OBJECT_SIGNAL_4 | ZX_USER_SIGNAL_1, 0),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_signal(event, 0, ZX_SIGNAL_HANDLE_CLOSED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_signal(event, 0, ZX_OBJECT_SIGNAL_ALL), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(signals_of(event), ZX_USER_SIGNAL_1);
    EXPECT_OK(zx_handle_close(event));
}

TEST(EventTest, SignalNeedsSignalRight)
{
    zx_handle_t event, waiter;
    ASSERT_OK(zx_event_create(0, &event));
    ASSERT_OK(zx_handle_duplicate(event, ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT, &waiter));
    EXPECT_STATUS(zx_object_signal(waiter, 0, ZX_EVENT_SIGNALED), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_object_signal(waiter, ZX_EVENT_SIGNALED, 0), ZX_ERR_ACCESS_DENIED);
    EXPECT_EQ(signals_of(event), 0);
    EXPECT_STATUS(zx_object_signal(ZX_HANDLE_INVALID, 0, ZX_EVENT_SIGNALED), ZX_ERR_BAD_HANDLE);
    EXPECT_OK(zx_handle_close(waiter));
    EXPECT_OK(zx_handle_close(event));
}

TEST(EventTest, HasNoPeerToSignal)
{
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    /* An event handle never carries ZX_RIGHT_SIGNAL_PEER, so the rights check refuses first. */
    EXPECT_STATUS(zx_object_signal_peer(event, 0, ZX_USER_SIGNAL_0), ZX_ERR_ACCESS_DENIED);
    EXPECT_EQ(signals_of(event), 0);
    EXPECT_OK(zx_handle_close(event));
}

TEST(EventTest, SignalReachesEveryHandle)
{
    zx_handle_t event, dup;
    ASSERT_OK(zx_event_create(0, &event));
    ASSERT_OK(zx_handle_duplicate(event, ZX_RIGHT_SAME_RIGHTS, &dup));
    EXPECT_OK(zx_object_signal(dup, 0, ZX_USER_SIGNAL_5));
    EXPECT_EQ(signals_of(event), ZX_USER_SIGNAL_5);
    /* The signals belong to the object: they survive the handle that set them. */
    EXPECT_OK(zx_handle_close(dup));
    EXPECT_EQ(signals_of(event), ZX_USER_SIGNAL_5);
    EXPECT_OK(zx_handle_close(event));
}
