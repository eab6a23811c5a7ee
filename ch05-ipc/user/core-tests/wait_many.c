/*: # ObjectWaitManyTest

Fuchsia's core-tests `object-wait` cases of `zx_object_wait_many`, under their names, and cases of
our own. What they hold it to:

- at most `ZX_WAIT_MANY_MAX_ITEMS` (64) items, more is `ZX_ERR_OUT_OF_RANGE`; an invalid handle is
  `ZX_ERR_BAD_HANDLE`, one without `ZX_RIGHT_WAIT` `ZX_ERR_ACCESS_DENIED`, a bad item pointer
  `ZX_ERR_INVALID_ARGS`;
- it returns as soon as one object asserts one of its item's signals, at once if one already
  does; each item's `pending` then holds all that its object asserts at the end, watched or not,
  and none of the signals that came and went during the wait;
- it times out at its deadline (a deadline in the past only looks), and waiting on no item at all
  just times out;
- closing one of the handles ends the wait with `ZX_ERR_CANCELED`, and that item's `pending` has
  `ZX_SIGNAL_HANDLE_CLOSED`;
- while it waits, the thread is `ZX_THREAD_STATE_BLOCKED_WAIT_MANY`.

A second thread acts during a wait (ipc_support.h): it first waits until this thread is seen
blocked in `zx_object_wait_many`. */
#include "ipc_support.h"
#include "probe.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zxtest.h"

#define MS(n) ((zx_time_t)(n) * 1000000)

static zx_handle_t new_event(void)
{
    zx_handle_t e = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_event_create(0, &e));
    return e;
}

static void make_items(zx_wait_item_t *items, size_t n, zx_signals_t waitfor)
{
    for (size_t i = 0; i < n; i++)
        items[i] = (zx_wait_item_t){.handle = new_event(), .waitfor = waitfor};
}

static void close_items(const zx_wait_item_t *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        EXPECT_OK(zx_handle_close(items[i].handle));
}

/* What the helper thread does once this thread is blocked in the wait. */
static struct {
    zx_handle_t waiter;
    zx_wait_item_t *items;
    void (*act)(zx_wait_item_t *items);
    zx_status_t status;
} helper;

static void act_when_blocked(uintptr_t arg)
{
    helper.status = thread_wait_state(helper.waiter, ZX_THREAD_STATE_BLOCKED_WAIT_MANY);
    helper.act(helper.items); /* even if not seen blocked: the wait must end */
}

/* Wait on items with no deadline while the helper does act. */
static zx_status_t wait_while(zx_wait_item_t *items, size_t n, void (*act)(zx_wait_item_t *))
{
    helper.waiter = zx_thread_self();
    helper.items = items;
    helper.act = act;
    helper.status = ZX_ERR_INTERNAL;
    zx_handle_t thread = helper_thread_start(act_when_blocked, 0);
    zx_status_t status = zx_object_wait_many(items, n, ZX_TIME_INFINITE);
    helper_thread_join(thread);
    EXPECT_OK(helper.status);
    return status;
}

static zx_wait_item_t items[ZX_WAIT_MANY_MAX_ITEMS + 1];

TEST(ObjectWaitManyTest, TooManyObjects)
{
    make_items(items, ZX_WAIT_MANY_MAX_ITEMS + 1, ZX_EVENT_SIGNALED);
    EXPECT_STATUS(zx_object_wait_many(items, ZX_WAIT_MANY_MAX_ITEMS + 1, ZX_TIME_INFINITE),
                  ZX_ERR_OUT_OF_RANGE);
    close_items(items, ZX_WAIT_MANY_MAX_ITEMS + 1);
}

TEST(ObjectWaitManyTest, InvalidHandle)
{
    make_items(items, 3, ZX_EVENT_SIGNALED);
    EXPECT_OK(zx_handle_close(items[1].handle));
    EXPECT_STATUS(zx_object_wait_many(items, 3, ZX_TIME_INFINITE), ZX_ERR_BAD_HANDLE);
    items[1].handle = new_event();
    close_items(items, 3);
}

TEST(ObjectWaitManyTest, WaitForEventsSignaled)
{
    make_items(items, 8, ZX_EVENT_SIGNALED);
    zx_signals_t want[8] = {0, 0, ZX_EVENT_SIGNALED, 0, 0, ZX_EVENT_SIGNALED, 0, 0};
    for (int i = 0; i < 8; i++)
        if (want[i])
            EXPECT_OK(zx_object_signal(items[i].handle, 0, want[i]));
    EXPECT_OK(zx_object_wait_many(items, 8, ZX_TIME_INFINITE));
    for (int i = 0; i < 8; i++)
        EXPECT_EQ(items[i].pending, want[i]);
    close_items(items, 8);
}

static void signal_1_and_6(zx_wait_item_t *its)
{
    zx_object_signal(its[1].handle, 0, ZX_EVENT_SIGNALED);
    zx_object_signal(its[6].handle, 0, ZX_EVENT_SIGNALED);
}

TEST(ObjectWaitManyTest, WaitForEventsThenSignal)
{
    make_items(items, 8, ZX_EVENT_SIGNALED);
    EXPECT_OK(wait_while(items, 8, signal_1_and_6));
    int signaled = 0;
    for (int i = 0; i < 8; i++) {
        signaled += items[i].pending == ZX_EVENT_SIGNALED;
        if (i != 1 && i != 6)
            EXPECT_EQ(items[i].pending, 0);
    }
    EXPECT_GT(signaled, 0);
    close_items(items, 8);
}

static void transient_then_real(zx_wait_item_t *its)
{
    zx_object_signal(its[0].handle, 0, ZX_USER_SIGNAL_1);
    zx_object_signal(its[0].handle, ZX_USER_SIGNAL_1, 0);
    zx_object_signal(its[2].handle, 0, ZX_USER_SIGNAL_1);
    zx_object_signal(its[2].handle, ZX_USER_SIGNAL_1, 0);
    zx_object_signal(its[1].handle, 0, ZX_USER_SIGNAL_1);
    zx_object_signal(its[0].handle, 0, ZX_USER_SIGNAL_0);
}

TEST(ObjectWaitManyTest, TransientSignalsNotReturned)
{
    make_items(items, 3, ZX_USER_SIGNAL_0);
    EXPECT_OK(wait_while(items, 3, transient_then_real));
    EXPECT_EQ(items[0].pending, ZX_USER_SIGNAL_0);
    EXPECT_EQ(items[1].pending, ZX_USER_SIGNAL_1);
    EXPECT_EQ(items[2].pending, 0);
    close_items(items, 3);
}

TEST(ObjectWaitManyTest, WaitOnZeroThings)
{
    zx_time_t before = zx_clock_get_monotonic();
    EXPECT_STATUS(zx_object_wait_many(NULL, 0, before + MS(30)), ZX_ERR_TIMED_OUT);
    EXPECT_GE(zx_clock_get_monotonic() - before, MS(30));
}

TEST(ObjectWaitManyTest, MaximumItemsIsAllowed)
{
    make_items(items, ZX_WAIT_MANY_MAX_ITEMS, ZX_EVENT_SIGNALED);
    EXPECT_OK(zx_object_signal(items[ZX_WAIT_MANY_MAX_ITEMS - 1].handle, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_object_wait_many(items, ZX_WAIT_MANY_MAX_ITEMS, ZX_TIME_INFINITE));
    EXPECT_EQ(items[0].pending, 0);
    EXPECT_EQ(items[ZX_WAIT_MANY_MAX_ITEMS - 1].pending, ZX_EVENT_SIGNALED);
    close_items(items, ZX_WAIT_MANY_MAX_ITEMS);
}

TEST(ObjectWaitManyTest, NeedsWaitRight)
{
    make_items(items, 2, ZX_EVENT_SIGNALED);
    zx_handle_t weak;
    EXPECT_OK(zx_handle_replace(items[1].handle, basic(items[1].handle).rights & ~ZX_RIGHT_WAIT,
                                &weak));
    items[1].handle = weak;
    EXPECT_STATUS(zx_object_wait_many(items, 2, 0), ZX_ERR_ACCESS_DENIED);
    close_items(items, 2);
}

TEST(ObjectWaitManyTest, BadItemsPointerIsInvalidArgs)
{
    EXPECT_STATUS(zx_object_wait_many(UNMAPPED, 2, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_wait_many(KERNEL_HALF, 1, 0), ZX_ERR_INVALID_ARGS);
}

TEST(ObjectWaitManyTest, TimesOutWithTheSignalsOfTheMoment)
{
    make_items(items, 2, ZX_EVENT_SIGNALED);
    EXPECT_OK(zx_object_signal(items[1].handle, 0, ZX_USER_SIGNAL_2));
    zx_time_t deadline = zx_clock_get_monotonic() + MS(20);
    EXPECT_STATUS(zx_object_wait_many(items, 2, deadline), ZX_ERR_TIMED_OUT);
    EXPECT_GE(zx_clock_get_monotonic(), deadline);
    EXPECT_EQ(items[0].pending, 0);
    EXPECT_EQ(items[1].pending, ZX_USER_SIGNAL_2);
    close_items(items, 2);
}

TEST(ObjectWaitManyTest, PastDeadlineOnlyLooks)
{
    make_items(items, 2, ZX_EVENT_SIGNALED);
    EXPECT_STATUS(zx_object_wait_many(items, 2, 0), ZX_ERR_TIMED_OUT);
    EXPECT_STATUS(zx_object_wait_many(items, 2, -1), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_object_signal(items[0].handle, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_object_wait_many(items, 2, 0));
    EXPECT_EQ(items[0].pending, ZX_EVENT_SIGNALED);
    close_items(items, 2);
}

static void close_item_1(zx_wait_item_t *its)
{
    zx_handle_close(its[1].handle);
}

TEST(ObjectWaitManyTest, ClosingAHandleCancelsTheWait)
{
    make_items(items, 3, ZX_EVENT_SIGNALED);
    EXPECT_STATUS(wait_while(items, 3, close_item_1), ZX_ERR_CANCELED);
    EXPECT_EQ(items[1].pending & ZX_SIGNAL_HANDLE_CLOSED, ZX_SIGNAL_HANDLE_CLOSED);
    EXPECT_EQ(items[0].pending & ZX_SIGNAL_HANDLE_CLOSED, 0);
    items[1].handle = new_event();
    close_items(items, 3);
}

static zx_handle_t writer;

static void write_to_channel(zx_wait_item_t *its)
{
    uint32_t word = 7;
    zx_channel_write(writer, 0, &word, sizeof word, NULL, 0);
}

TEST(ObjectWaitManyTest, WakesWhenAChannelBecomesReadable)
{
    zx_handle_t a, b;
    EXPECT_OK(zx_channel_create(0, &a, &b));
    make_items(items, 2, ZX_EVENT_SIGNALED);
    zx_handle_t ev = items[1].handle;
    items[1] = (zx_wait_item_t){.handle = b, .waitfor = ZX_CHANNEL_READABLE};
    writer = a;
    EXPECT_OK(wait_while(items, 2, write_to_channel));
    EXPECT_EQ(items[1].pending, ZX_CHANNEL_READABLE | ZX_CHANNEL_WRITABLE);
    EXPECT_EQ(items[0].pending, 0);
    items[1].handle = ev;
    close_items(items, 2);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(ObjectWaitManyTest, SameHandleTwiceIsAllowed)
{
    make_items(items, 1, ZX_USER_SIGNAL_0);
    items[1] = (zx_wait_item_t){.handle = items[0].handle, .waitfor = ZX_USER_SIGNAL_1};
    EXPECT_OK(zx_object_signal(items[0].handle, 0, ZX_USER_SIGNAL_1));
    EXPECT_OK(zx_object_wait_many(items, 2, ZX_TIME_INFINITE));
    EXPECT_EQ(items[0].pending, ZX_USER_SIGNAL_1);
    EXPECT_EQ(items[1].pending, ZX_USER_SIGNAL_1);
    close_items(items, 1);
}
