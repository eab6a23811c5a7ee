/*: # PortTest

Fuchsia's core-tests `port.cc`, case for case under its names where Zinc checks the same thing,
with cases of our own for what the reference pages say and those tests leave out: the default
rights (no `ZX_RIGHT_WAIT`), the options of `zx_port_create`, the rights and types
`zx_object_wait_async` and `zx_port_cancel` check, edge-triggered waits, a wait ended by closing
the handle it was asked through, a cancel through another handle to the same object, and one port
fed by several kinds of object. Fuchsia's stress cases (thousands of events, racing closes) are
left to the kernel tests and to chapter 6. */
#include <string.h>

#include "ipc_support.h"
#include "launch.h"
#include "probe.h"
#include "zircon/object_info.h"
#include "zircon/port.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zircon/timer.h"
#include "zxtest.h"

#define MS 1000000ll

static zx_rights_t rights_of(zx_handle_t h)
{
    zx_info_handle_basic_t info = {0};
    EXPECT_OK(zx_object_get_info(h, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    return info.rights;
}

/* A port and an event, or a recorded failure. */
static void port_and_event(zx_handle_t *port, zx_handle_t *event)
{
    EXPECT_OK(zx_port_create(0, port));
    EXPECT_OK(zx_event_create(0, event));
}

static void close_all(zx_handle_t a, zx_handle_t b)
{
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

/* Take every packet waiting on port; how many, and the sum of their keys. */
static int drain(zx_handle_t port, uint64_t *key_sum)
{
    zx_port_packet_t p;
    int n = 0;
    *key_sum = 0;
    while (zx_port_wait(port, 0, &p) == ZX_OK) {
        *key_sum += p.key;
        n++;
    }
    return n;
}

TEST(PortTest, QueueNullPtrReturnsInvalidArgs)
{
    zx_handle_t port;
    ASSERT_OK(zx_port_create(0, &port));
    EXPECT_STATUS(zx_port_queue(port, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, QueueWaitVerifyUserPacket)
{
    zx_handle_t port;
    ASSERT_OK(zx_port_create(0, &port));
    zx_port_packet_t in = {.key = 12, .type = ZX_PKT_TYPE_USER + 5u, .status = -3}, out = {0};
    for (int i = 0; i < 32; i++)
        in.user.c8[i] = (uint8_t)(i * 7);
    ASSERT_OK(zx_port_queue(port, &in));
    ASSERT_OK(zx_port_wait(port, ZX_TIME_INFINITE, &out));
    EXPECT_EQ(out.key, 12u);
    EXPECT_EQ(out.type, ZX_PKT_TYPE_USER); /* the kernel overrides the type */
    EXPECT_EQ(out.status, -3);
    EXPECT_EQ(memcmp(&in.user, &out.user, sizeof in.user), 0);
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, PortTimeout)
{
    zx_handle_t port;
    zx_port_packet_t p;
    ASSERT_OK(zx_port_create(0, &port));
    EXPECT_STATUS(zx_port_wait(port, zx_clock_get_monotonic() + 1, &p), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, QueueAndClose)
{
    zx_handle_t port;
    zx_port_packet_t p = {.key = 1};
    ASSERT_OK(zx_port_create(0, &port));
    EXPECT_OK(zx_port_queue(port, &p));
    EXPECT_OK(zx_handle_close(port)); /* the queued packet goes with the port */
}

TEST(PortTest, DefaultRightsLackWait)
{
    zx_handle_t port;
    ASSERT_OK(zx_port_create(0, &port));
    EXPECT_EQ(rights_of(port), ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_INSPECT |
                                   ZX_RIGHT_READ | ZX_RIGHT_WRITE);
    EXPECT_STATUS(zx_object_wait_one(port, ZX_USER_SIGNAL_0, 0, NULL), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, CreateAcceptsBindToInterruptOnly)
{
    zx_handle_t port = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_port_create(ZX_PORT_BIND_TO_INTERRUPT, &port));
    EXPECT_OK(zx_handle_close(port));
    EXPECT_STATUS(zx_port_create(2, &port), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_port_create(ZX_PORT_BIND_TO_INTERRUPT | 4, &port), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_port_create(0, NULL), ZX_ERR_INVALID_ARGS);
}

TEST(PortTest, QueueNeedsWriteAndWaitNeedsRead)
{
    zx_handle_t port, ro, wo;
    zx_port_packet_t p = {.key = 5};
    ASSERT_OK(zx_port_create(0, &port));
    ASSERT_OK(zx_handle_duplicate(port, ZX_RIGHT_READ, &ro));
    ASSERT_OK(zx_handle_duplicate(port, ZX_RIGHT_WRITE, &wo));
    EXPECT_STATUS(zx_port_queue(ro, &p), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_port_queue(wo, &p));
    EXPECT_STATUS(zx_port_wait(wo, 0, &p), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_port_wait(ro, 0, &p));
    EXPECT_OK(zx_handle_close(ro));
    close_all(wo, port);
}

TEST(PortTest, AsyncWaitChannelTimedOut)
{
    zx_handle_t port, a, b;
    zx_port_packet_t out;
    ASSERT_OK(zx_port_create(0, &port));
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_object_wait_async(b, port, 6567, ZX_CHANNEL_READABLE, 0));
    EXPECT_STATUS(zx_port_wait(port, zx_clock_get_monotonic() + MS / 5, &out), ZX_ERR_TIMED_OUT);
    close_all(a, b);
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, AsyncWaitChannel)
{
    zx_handle_t port, a, b;
    zx_port_packet_t out;
    ASSERT_OK(zx_port_create(0, &port));
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_object_wait_async(b, port, 6567, ZX_CHANNEL_READABLE, 0));
    EXPECT_STATUS(zx_port_wait(port, zx_clock_get_monotonic() + MS / 5, &out), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_channel_write(a, 0, "here", 4, NULL, 0));
    EXPECT_OK(zx_port_wait(port, ZX_TIME_INFINITE, &out));
    EXPECT_EQ(out.key, 6567u);
    EXPECT_EQ(out.type, ZX_PKT_TYPE_SIGNAL_ONE);
    EXPECT_EQ(out.signal.observed, ZX_CHANNEL_WRITABLE | ZX_CHANNEL_READABLE);
    EXPECT_EQ(out.signal.trigger, ZX_CHANNEL_READABLE);
    EXPECT_EQ(out.signal.count, 1u);
    /* One-shot: the message is still there, but no second packet comes. */
    EXPECT_STATUS(zx_port_wait(port, zx_clock_get_monotonic() + MS / 5, &out), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_object_wait_async(b, port, 6567, ZX_CHANNEL_READABLE, 0));
    close_all(a, b);
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, AsyncWaitCloseOrder)
{
    static const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 2, 0},
                                     {1, 0, 2}, {2, 1, 0}, {2, 0, 1}};
    for (int i = 0; i < 6; i++) {
        zx_handle_t h[3]; /* channel end b, channel end a, port */
        ASSERT_OK(zx_port_create(0, &h[2]));
        ASSERT_OK(zx_channel_create(0, &h[1], &h[0]));
        EXPECT_OK(zx_object_wait_async(h[0], h[2], 1122, ZX_CHANNEL_READABLE |
                                                             ZX_CHANNEL_PEER_CLOSED, 0));
        for (int j = 0; j < 3; j++)
            EXPECT_OK(zx_handle_close(h[orders[i][j]]));
    }
}

TEST(PortTest, EventAsyncSignalWaitSingle)
{
    zx_handle_t port, event;
    port_and_event(&port, &event);
    for (uint64_t key = 0; key != 7; key++)
        ASSERT_OK(zx_object_wait_async(event, port, key, ZX_EVENT_SIGNALED, 0));
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    zx_port_packet_t out;
    uint64_t key_sum = 0;
    for (int i = 0; i != 5; i++) {
        EXPECT_OK(zx_port_wait(port, ZX_TIME_INFINITE, &out));
        key_sum += out.key;
        EXPECT_EQ(out.type, ZX_PKT_TYPE_SIGNAL_ONE);
        EXPECT_EQ(out.signal.count, 1u);
    }
    EXPECT_EQ(key_sum, 20u); /* the latest waits first: 6 + 5 + 4 + 3 + 2 */
    close_all(port, event);
}

TEST(PortTest, AsyncWaitEventRepeat)
{
    zx_handle_t port, event;
    port_and_event(&port, &event);
    uint64_t count[3] = {0};
    zx_port_packet_t packet;
    for (int i = 0; i != 24; i++) {
        ASSERT_OK(zx_object_wait_async(event, port, 1122, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_2, 0));
        zx_signals_t ub = (i % 2) ? 0u : ZX_USER_SIGNAL_2;
        EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED | ub));
        EXPECT_OK(zx_object_signal(event, ZX_EVENT_SIGNALED | ub, 0));
        ASSERT_OK(zx_port_wait(port, 0, &packet));
        ASSERT_EQ(packet.type, ZX_PKT_TYPE_SIGNAL_ONE);
        ASSERT_EQ(packet.signal.count, 1u);
        count[0] += (packet.signal.observed & ZX_EVENT_SIGNALED) ? 1 : 0;
        count[1] += (packet.signal.observed & ZX_USER_SIGNAL_2) ? 1 : 0;
        count[2] += (packet.signal.observed & ~(ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_2)) ? 1 : 0;
    }
    EXPECT_EQ(count[0], 24u);
    EXPECT_EQ(count[1], 12u);
    EXPECT_EQ(count[2], 0u);
    close_all(port, event);
}

TEST(PortTest, ManyWaitsAllDelivered)
{
    enum { N = 300 };
    static zx_handle_t events[N];
    zx_handle_t port;
    ASSERT_OK(zx_port_create(0, &port));
    for (int i = 0; i < N; i++) {
        ASSERT_OK(zx_event_create(0, &events[i]));
        EXPECT_OK(zx_object_wait_async(events[i], port, 6567, ZX_EVENT_SIGNALED, 0));
        EXPECT_OK(zx_object_signal(events[i], 0, ZX_EVENT_SIGNALED));
    }
    uint64_t key_sum;
    EXPECT_EQ(drain(port, &key_sum), N);
    EXPECT_EQ(key_sum, 6567u * N);
    for (int i = 0; i < N; i++)
        EXPECT_OK(zx_handle_close(events[i]));
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, AsyncWaitInvalidOption)
{
    zx_handle_t port, event;
    port_and_event(&port, &event);
    EXPECT_STATUS(zx_object_wait_async(event, port, 0, ZX_EVENT_SIGNALED, 20), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_wait_async(event, port, 0, ZX_EVENT_SIGNALED, 4), ZX_ERR_INVALID_ARGS);
    close_all(port, event);
}

TEST(PortTest, AsyncWaitChecksHandlesTypesAndRights)
{
    zx_handle_t port, event, weak_port, weak_event;
    port_and_event(&port, &event);
    ASSERT_OK(zx_handle_duplicate(port, ZX_RIGHT_READ, &weak_port));
    ASSERT_OK(zx_handle_duplicate(event, ZX_RIGHT_SIGNAL, &weak_event));
    EXPECT_STATUS(zx_object_wait_async(event, 12345, 0, ZX_EVENT_SIGNALED, 0), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_object_wait_async(12345, port, 0, ZX_EVENT_SIGNALED, 0), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_object_wait_async(port, event, 0, ZX_EVENT_SIGNALED, 0), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_object_wait_async(event, weak_port, 0, ZX_EVENT_SIGNALED, 0),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_object_wait_async(weak_event, port, 0, ZX_EVENT_SIGNALED, 0),
                  ZX_ERR_ACCESS_DENIED);
    /* A port cannot be waited on: its handles lack ZX_RIGHT_WAIT. */
    EXPECT_STATUS(zx_object_wait_async(port, port, 0, ZX_USER_SIGNAL_0, 0), ZX_ERR_ACCESS_DENIED);
    close_all(weak_port, weak_event);
    close_all(port, event);
}

TEST(PortTest, ChannelAsyncWaitOnExistingStateIsNotified)
{
    zx_handle_t a, b, port;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    for (int i = 0; i != 5; i++)
        ASSERT_OK(zx_channel_write(a, 0, "123456", 6, NULL, 0));
    EXPECT_OK(zx_handle_close(a));
    ASSERT_OK(zx_port_create(0, &port));
    ASSERT_OK(zx_object_wait_async(b, port, 65667, ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED,
                                   0));
    zx_port_packet_t packet;
    EXPECT_OK(zx_port_wait(port, 0, &packet));
    EXPECT_EQ(packet.signal.count, 1u);
    EXPECT_EQ(packet.signal.trigger, ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED);
    EXPECT_EQ(packet.signal.observed, ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED);
    EXPECT_STATUS(zx_port_wait(port, 0, &packet), ZX_ERR_TIMED_OUT);
    close_all(b, port);
}

TEST(PortTest, EdgeIgnoresSignalAlreadySet)
{
    zx_handle_t port, event;
    zx_port_packet_t p;
    port_and_event(&port, &event);
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_object_wait_async(event, port, 1, ZX_EVENT_SIGNALED, ZX_WAIT_ASYNC_EDGE));
    EXPECT_STATUS(zx_port_wait(port, 0, &p), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_object_signal(event, 0, ZX_USER_SIGNAL_1)); /* a change, but not a rise of ours */
    EXPECT_STATUS(zx_port_wait(port, 0, &p), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_object_signal(event, ZX_EVENT_SIGNALED, 0));
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_port_wait(port, 0, &p));
    EXPECT_EQ(p.key, 1u);
    EXPECT_EQ(p.signal.observed, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_1);
    EXPECT_STATUS(zx_port_wait(port, 0, &p), ZX_ERR_TIMED_OUT);
    close_all(port, event);
}

TEST(PortTest, LevelAndEdgeSideBySide)
{
    zx_handle_t port, event;
    zx_port_packet_t p;
    port_and_event(&port, &event);
    EXPECT_OK(zx_object_signal(event, 0, ZX_USER_SIGNAL_0));
    EXPECT_OK(zx_object_wait_async(event, port, 1, ZX_USER_SIGNAL_0, 0));
    EXPECT_OK(zx_object_wait_async(event, port, 2, ZX_USER_SIGNAL_0, ZX_WAIT_ASYNC_EDGE));
    EXPECT_OK(zx_port_wait(port, 0, &p)); /* the level wait, at once */
    EXPECT_EQ(p.key, 1u);
    EXPECT_STATUS(zx_port_wait(port, 0, &p), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_object_signal(event, ZX_USER_SIGNAL_0, ZX_USER_SIGNAL_0)); /* no change */
    EXPECT_STATUS(zx_port_wait(port, 0, &p), ZX_ERR_TIMED_OUT);
    close_all(port, event);
}

TEST(PortTest, CancelEventKey)
{
    zx_handle_t port, event;
    port_and_event(&port, &event);
    static const uint64_t keys[] = {128, 13, 7, 13};
    for (int i = 0; i != 4; i++)
        ASSERT_OK(zx_object_wait_async(event, port, keys[i], ZX_EVENT_SIGNALED, 0));
    EXPECT_OK(zx_port_cancel(port, event, 13));
    for (int i = 0; i != 2; i++) {
        EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
        EXPECT_OK(zx_object_signal(event, ZX_EVENT_SIGNALED, 0));
    }
    zx_port_packet_t packet;
    int n = 0;
    uint64_t key_sum = 0;
    while (zx_port_wait(port, 0, &packet) == ZX_OK) {
        n++;
        key_sum += packet.key;
        EXPECT_EQ(packet.signal.trigger, ZX_EVENT_SIGNALED);
        EXPECT_EQ(packet.signal.observed, ZX_EVENT_SIGNALED);
    }
    EXPECT_STATUS(zx_port_cancel(port, event, 128), ZX_ERR_NOT_FOUND);
    EXPECT_EQ(n, 2);
    EXPECT_EQ(key_sum, keys[0] + keys[2]);
    close_all(port, event);
}

TEST(PortTest, CancelEventKeyAfter)
{
    zx_handle_t port, ev[3];
    static const uint64_t keys[] = {128, 3, 3};
    ASSERT_OK(zx_port_create(0, &port));
    for (int i = 0; i != 3; i++) {
        ASSERT_OK(zx_event_create(0, &ev[i]));
        ASSERT_OK(zx_object_wait_async(ev[i], port, keys[i], ZX_EVENT_SIGNALED, 0));
    }
    EXPECT_OK(zx_object_signal(ev[0], 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_object_signal(ev[1], 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_port_cancel(port, ev[1], 3)); /* its packet is queued already */
    EXPECT_OK(zx_port_cancel(port, ev[2], 3)); /* its wait is still armed */
    EXPECT_OK(zx_object_signal(ev[2], 0, ZX_EVENT_SIGNALED));
    uint64_t key_sum;
    EXPECT_EQ(drain(port, &key_sum), 1);
    EXPECT_EQ(key_sum, keys[0]);
    for (int i = 0; i != 3; i++)
        EXPECT_OK(zx_handle_close(ev[i]));
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, CancelChecksHandlesAndGoesThroughTheSameHandle)
{
    zx_handle_t port, event, dup, weak_port;
    port_and_event(&port, &event);
    ASSERT_OK(zx_handle_duplicate(event, ZX_RIGHT_SAME_RIGHTS, &dup));
    ASSERT_OK(zx_handle_duplicate(port, ZX_RIGHT_READ, &weak_port));
    ASSERT_OK(zx_object_wait_async(event, port, 9, ZX_EVENT_SIGNALED, 0));
    EXPECT_STATUS(zx_port_cancel(event, event, 9), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_port_cancel(port, 12345, 9), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_port_cancel(weak_port, event, 9), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_port_cancel(port, dup, 9), ZX_ERR_NOT_FOUND); /* asked through event */
    EXPECT_STATUS(zx_port_cancel(port, event, 10), ZX_ERR_NOT_FOUND);
    EXPECT_OK(zx_port_cancel(port, event, 9));
    close_all(dup, weak_port);
    close_all(port, event);
}

TEST(PortTest, ClosingTheWatchedHandleEndsTheWaitWithoutPacket)
{
    zx_handle_t port, event, dup;
    zx_port_packet_t p;
    port_and_event(&port, &event);
    ASSERT_OK(zx_handle_duplicate(event, ZX_RIGHT_SAME_RIGHTS, &dup));
    ASSERT_OK(zx_object_wait_async(event, port, 4, ZX_EVENT_SIGNALED, 0));
    EXPECT_OK(zx_handle_close(event));
    EXPECT_OK(zx_object_signal(dup, 0, ZX_EVENT_SIGNALED)); /* the object lives on, the wait not */
    EXPECT_STATUS(zx_port_wait(port, 0, &p), ZX_ERR_TIMED_OUT);
    close_all(port, dup);
}

TEST(PortTest, ClosedPortLeavesWaitsHarmless)
{
    zx_handle_t port, event;
    port_and_event(&port, &event);
    ASSERT_OK(zx_object_wait_async(event, port, 4, ZX_EVENT_SIGNALED, 0));
    EXPECT_OK(zx_handle_close(port));
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_object_signal(event, ZX_EVENT_SIGNALED, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_handle_close(event));
}

static zx_handle_t thread_port;
static uint8_t waiter_stacks[3][16384] __attribute__((aligned(16)));
static zx_status_t waiter_status[3];

static void port_waiter(uintptr_t i)
{
    zx_port_packet_t packet;
    waiter_status[i] = zx_port_wait(thread_port, ZX_TIME_INFINITE, &packet);
}

TEST(PortTest, ThreadEvents)
{
    zx_handle_t event, threads[3];
    port_and_event(&thread_port, &event);
    for (uintptr_t i = 0; i != 3; i++) {
        waiter_status[i] = ZX_ERR_INTERNAL;
        EXPECT_OK(zx_object_wait_async(event, thread_port, 500 + i, ZX_EVENT_SIGNALED, 0));
        ASSERT_OK(zx_thread_create(zx_process_self(), "port-waiter", 11, 0, &threads[i]));
        ASSERT_OK(zinc_thread_start(threads[i], port_waiter, i, waiter_stacks[i],
                                    sizeof waiter_stacks[i]));
    }
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    for (int i = 0; i != 3; i++) {
        helper_thread_join(threads[i]);
        EXPECT_OK(waiter_status[i]);
    }
    close_all(thread_port, event);
}

static void signal_later(uintptr_t event)
{
    zx_nanosleep(zx_clock_get_monotonic() + 2 * MS);
    zx_object_signal((zx_handle_t)event, 0, ZX_USER_SIGNAL_3);
}

TEST(PortTest, WaitBlocksUntilAnotherThreadSignals)
{
    zx_handle_t port, event;
    zx_port_packet_t p;
    port_and_event(&port, &event);
    ASSERT_OK(zx_object_wait_async(event, port, 77, ZX_USER_SIGNAL_3, 0));
    zx_handle_t helper = helper_thread_start(signal_later, event);
    EXPECT_OK(zx_port_wait(port, zx_clock_get_monotonic() + 10000 * MS, &p));
    EXPECT_EQ(p.key, 77u);
    EXPECT_EQ(p.signal.observed, ZX_USER_SIGNAL_3);
    helper_thread_join(helper);
    close_all(port, event);
}

TEST(PortTest, Timestamp)
{
    zx_handle_t port, event[2];
    zx_port_packet_t packet[2];
    ASSERT_OK(zx_port_create(0, &port));
    ASSERT_OK(zx_event_create(0, &event[0]));
    ASSERT_OK(zx_event_create(0, &event[1]));
    ASSERT_OK(zx_object_wait_async(event[0], port, 1, ZX_EVENT_SIGNALED, ZX_WAIT_ASYNC_TIMESTAMP));
    ASSERT_OK(zx_object_wait_async(event[1], port, 2, ZX_EVENT_SIGNALED, 0));
    zx_time_t before = zx_clock_get_monotonic();
    ASSERT_OK(zx_object_signal(event[0], 0, ZX_EVENT_SIGNALED));
    zx_time_t after = zx_clock_get_monotonic();
    ASSERT_OK(zx_object_signal(event[1], 0, ZX_EVENT_SIGNALED));
    ASSERT_OK(zx_port_wait(port, ZX_TIME_INFINITE, &packet[0]));
    ASSERT_OK(zx_port_wait(port, ZX_TIME_INFINITE, &packet[1]));
    EXPECT_EQ(packet[0].signal.trigger, ZX_EVENT_SIGNALED);
    EXPECT_LE(before, packet[0].signal.timestamp);
    EXPECT_GE(after, packet[0].signal.timestamp);
    EXPECT_EQ(packet[1].signal.timestamp, 0);
    close_all(event[0], event[1]);
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, OnePortServesManyKindsOfObject)
{
    zx_handle_t port, event, a, b, timer;
    port_and_event(&port, &event);
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_timer_create(0, ZX_CLOCK_MONOTONIC, &timer));
    EXPECT_OK(zx_object_wait_async(event, port, 1, ZX_EVENT_SIGNALED, 0));
    EXPECT_OK(zx_object_wait_async(b, port, 2, ZX_CHANNEL_PEER_CLOSED, 0));
    EXPECT_OK(zx_object_wait_async(timer, port, 4, ZX_TIMER_SIGNALED, 0));
    EXPECT_OK(zx_timer_set(timer, zx_clock_get_monotonic() + MS, 0));
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    uint64_t keys = 0;
    zx_port_packet_t p;
    for (int i = 0; i < 3; i++) {
        EXPECT_OK(zx_port_wait(port, zx_clock_get_monotonic() + 10000 * MS, &p));
        keys |= p.key;
    }
    EXPECT_EQ(keys, 7u);
    close_all(b, timer);
    close_all(port, event);
}

TEST(PortTest, OneObjectFeedsManyPorts)
{
    zx_handle_t port1, port2, event;
    zx_port_packet_t p;
    port_and_event(&port1, &event);
    ASSERT_OK(zx_port_create(0, &port2));
    EXPECT_OK(zx_object_wait_async(event, port1, 11, ZX_EVENT_SIGNALED, 0));
    EXPECT_OK(zx_object_wait_async(event, port2, 22, ZX_EVENT_SIGNALED, 0));
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_port_wait(port1, 0, &p));
    EXPECT_EQ(p.key, 11u);
    EXPECT_OK(zx_port_wait(port2, 0, &p));
    EXPECT_EQ(p.key, 22u);
    close_all(port1, port2);
    EXPECT_OK(zx_handle_close(event));
}

TEST(PortTest, SignalAndUserPacketsKeepTheirOrder)
{
    zx_handle_t port, event;
    zx_port_packet_t user = {.key = 1}, p;
    port_and_event(&port, &event);
    EXPECT_OK(zx_object_wait_async(event, port, 2, ZX_EVENT_SIGNALED, 0));
    EXPECT_OK(zx_port_queue(port, &user));
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    user.key = 3;
    EXPECT_OK(zx_port_queue(port, &user));
    for (uint64_t key = 1; key <= 3; key++) {
        EXPECT_OK(zx_port_wait(port, 0, &p));
        EXPECT_EQ(p.key, key);
        EXPECT_EQ(p.type, key == 2 ? ZX_PKT_TYPE_SIGNAL_ONE : ZX_PKT_TYPE_USER);
    }
    close_all(port, event);
}

TEST(PortTest, WaitIntoBadBufferStillTakesThePacket)
{
    zx_handle_t port;
    zx_port_packet_t in = {.key = 5}, out;
    ASSERT_OK(zx_port_create(0, &port));
    EXPECT_OK(zx_port_queue(port, &in));
    EXPECT_STATUS(zx_port_wait(port, 0, UNMAPPED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_port_wait(port, 0, &out), ZX_ERR_TIMED_OUT); /* taken, as Fuchsia's */
    EXPECT_OK(zx_handle_close(port));
}
