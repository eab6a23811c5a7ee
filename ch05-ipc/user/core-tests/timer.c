/*: # TimersTest

Fuchsia's core-tests `timers.cc` under its names (its `RestartRace` spins for 300 ms here, not
five seconds, and its coalescing cases, disabled there as flaky, are a kernel test here:
`ktimer_with_slack_takes_the_deadline_of_a_timer_due_in_its_window`), with cases of our own
(`TimerTest`) for the default rights, the rights and types the calls check, `ZX_INFO_TIMER` of a
timer with slack, firing through a port, in deadline order, and the lower bound of each slack
policy: a timer may fire late, but never before its window opens. */
#include "ipc_support.h"
#include "probe.h"
#include "zircon/object_info.h"
#include "zircon/port.h"
#include "zircon/timer.h"
#include "zxtest.h"

#define MS 1000000ll

static void check_info(zx_handle_t timer, uint32_t options, zx_time_t deadline, zx_duration_t slack)
{
    zx_info_timer_t info = {0};
    ASSERT_OK(zx_object_get_info(timer, ZX_INFO_TIMER, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.options, options);
    EXPECT_EQ(info.clock_id, ZX_CLOCK_MONOTONIC);
    EXPECT_EQ(info.deadline, deadline);
    EXPECT_EQ(info.slack, slack);
}

static zx_handle_t new_timer(uint32_t options)
{
    zx_handle_t timer = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_timer_create(options, ZX_CLOCK_MONOTONIC, &timer));
    return timer;
}

TEST(TimersTest, SetNegativeDeadline)
{
    zx_handle_t timer = new_timer(0);
    check_info(timer, 0, 0, 0);
    ASSERT_OK(zx_timer_set(timer, -1, 0));
    zx_signals_t pending = 0;
    ASSERT_OK(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, ZX_TIME_INFINITE, &pending));
    EXPECT_EQ(pending, ZX_TIMER_SIGNALED);
    check_info(timer, 0, 0, 0);
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimersTest, SetNegativeDeadlineMax)
{
    zx_handle_t timer = new_timer(0);
    ASSERT_OK(zx_timer_set(timer, INT64_MIN, 0));
    zx_signals_t pending = 0;
    ASSERT_OK(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, ZX_TIME_INFINITE, &pending));
    EXPECT_EQ(pending, ZX_TIMER_SIGNALED);
    check_info(timer, 0, 0, 0);
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimersTest, SetNegativeSlack)
{
    zx_handle_t timer = new_timer(0);
    EXPECT_STATUS(zx_timer_set(timer, 0, -1), ZX_ERR_OUT_OF_RANGE);
    check_info(timer, 0, 0, 0);
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimersTest, AlreadyPassedDeadlineOnWaitOne)
{
    zx_handle_t timer = new_timer(0);
    ASSERT_OK(zx_timer_set(timer, INT64_MIN, 0));
    zx_signals_t pending = 0;
    ASSERT_OK(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, INT64_MIN, &pending));
    EXPECT_EQ(pending, ZX_TIMER_SIGNALED);
    check_info(timer, 0, 0, 0);
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimersTest, Basic)
{
    zx_handle_t timer = new_timer(0);
    zx_signals_t pending = 1;
    EXPECT_STATUS(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, 0, &pending), ZX_ERR_TIMED_OUT);
    EXPECT_EQ(pending, 0u);
    for (int i = 0; i != 3; i++) {
        zx_time_t now = zx_clock_get_monotonic();
        ASSERT_OK(zx_timer_set(timer, now + 10 * MS, 0));
        EXPECT_OK(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, now + 1000000 * MS, &pending));
        EXPECT_EQ(pending, ZX_TIMER_SIGNALED);
        check_info(timer, 0, 0, 0);
    }
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimersTest, Restart)
{
    zx_handle_t timer = new_timer(0);
    zx_signals_t pending;
    for (int i = 0; i != 10; i++) {
        zx_time_t deadline = zx_clock_get_monotonic() + 500 * MS;
        ASSERT_OK(zx_timer_set(timer, deadline, 0)); /* a set replaces the one before */
        check_info(timer, 0, deadline, 0);
        EXPECT_STATUS(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, zx_clock_get_monotonic() + MS,
                                         &pending),
                      ZX_ERR_TIMED_OUT);
        EXPECT_EQ(pending, 0u);
        check_info(timer, 0, deadline, 0);
    }
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimersTest, InvalidCalls)
{
    zx_handle_t timer;
    EXPECT_STATUS(zx_timer_create(0, ZX_CLOCK_UTC, &timer), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_timer_create(ZX_TIMER_SLACK_LATE + 1, ZX_CLOCK_UTC, &timer),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_timer_create(ZX_TIMER_SLACK_LATE + 1, ZX_CLOCK_MONOTONIC, &timer),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_timer_create(0, ZX_CLOCK_MONOTONIC, UNMAPPED), ZX_ERR_INVALID_ARGS);
}

TEST(TimersTest, EdgeCases)
{
    zx_handle_t timer = new_timer(0);
    ASSERT_OK(zx_timer_set(timer, 0, 0));
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimersTest, RestartRace)
{
    zx_time_t start = zx_clock_get_monotonic();
    zx_handle_t timer = new_timer(0);
    while (zx_clock_get_monotonic() - start < 300 * MS)
        ASSERT_OK(zx_timer_set(timer, zx_clock_get_monotonic() + MS / 10, 0));
    EXPECT_OK(zx_timer_cancel(timer));
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimersTest, SignalsAssertedImmediately)
{
    zx_handle_t timer = new_timer(0);
    for (int i = 0; i < 100; i++) {
        zx_signals_t pending = 0;
        EXPECT_OK(zx_timer_set(timer, zx_clock_get_monotonic(), 0));
        EXPECT_OK(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, 0, &pending));
        EXPECT_EQ(pending, ZX_TIMER_SIGNALED);
        EXPECT_OK(zx_timer_cancel(timer));
        EXPECT_STATUS(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, 0, &pending), ZX_ERR_TIMED_OUT);
        EXPECT_EQ(pending, 0u);
    }
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimerTest, DefaultRights)
{
    zx_handle_t timer = new_timer(0);
    zx_info_handle_basic_t info = {0};
    ASSERT_OK(zx_object_get_info(timer, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.rights, ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_WAIT |
                               ZX_RIGHT_INSPECT | ZX_RIGHT_WRITE | ZX_RIGHT_SIGNAL);
    EXPECT_EQ(info.type, ZX_OBJ_TYPE_TIMER);
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimerTest, SetAndCancelNeedWrite)
{
    zx_handle_t timer = new_timer(0), weak;
    ASSERT_OK(zx_handle_duplicate(timer, ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT, &weak));
    EXPECT_STATUS(zx_timer_set(weak, 0, 0), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_timer_cancel(weak), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_object_wait_one(weak, ZX_TIMER_SIGNALED, 0, NULL), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_handle_close(weak));
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimerTest, CallsCheckTypeAndHandle)
{
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_timer_set(event, 0, 0), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_timer_cancel(event), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_timer_set(12345, 0, 0), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_timer_cancel(12345), ZX_ERR_BAD_HANDLE);
    zx_info_timer_t info;
    EXPECT_STATUS(zx_object_get_info(event, ZX_INFO_TIMER, &info, sizeof info, NULL, NULL),
                  ZX_ERR_WRONG_TYPE);
    EXPECT_OK(zx_handle_close(event));
}

TEST(TimerTest, InfoReportsOptionsDeadlineAndSlack)
{
    zx_handle_t timer = new_timer(ZX_TIMER_SLACK_LATE), weak;
    zx_time_t deadline = zx_clock_get_monotonic() + 100000 * MS;
    check_info(timer, ZX_TIMER_SLACK_LATE, 0, 0);
    EXPECT_OK(zx_timer_set(timer, deadline, 7 * MS));
    check_info(timer, ZX_TIMER_SLACK_LATE, deadline, 7 * MS);
    EXPECT_OK(zx_timer_cancel(timer));
    check_info(timer, ZX_TIMER_SLACK_LATE, 0, 0);
    zx_info_timer_t info;
    size_t actual = 9, avail = 9;
    EXPECT_STATUS(zx_object_get_info(timer, ZX_INFO_TIMER, &info, sizeof info - 1, &actual, &avail),
                  ZX_ERR_BUFFER_TOO_SMALL);
    ASSERT_OK(zx_handle_duplicate(timer, ZX_RIGHT_WAIT, &weak));
    EXPECT_STATUS(zx_object_get_info(weak, ZX_INFO_TIMER, &info, sizeof info, NULL, NULL),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_handle_close(weak));
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimerTest, CancelBeforeDeadlineNeverFires)
{
    zx_handle_t timer = new_timer(0);
    EXPECT_OK(zx_timer_set(timer, zx_clock_get_monotonic() + 2 * MS, 0));
    EXPECT_OK(zx_timer_cancel(timer));
    EXPECT_STATUS(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, zx_clock_get_monotonic() + 10 * MS,
                                     NULL),
                  ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_timer_cancel(timer)); /* cancelling a timer that is not armed is fine */
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimerTest, FiresOnceThroughAPort)
{
    zx_handle_t timer = new_timer(0), port;
    zx_port_packet_t p;
    ASSERT_OK(zx_port_create(0, &port));
    ASSERT_OK(zx_object_wait_async(timer, port, 42, ZX_TIMER_SIGNALED, ZX_WAIT_ASYNC_TIMESTAMP));
    zx_time_t deadline = zx_clock_get_monotonic() + 3 * MS;
    ASSERT_OK(zx_timer_set(timer, deadline, 0));
    EXPECT_OK(zx_port_wait(port, ZX_TIME_INFINITE, &p));
    EXPECT_EQ(p.key, 42u);
    EXPECT_EQ(p.signal.observed, ZX_TIMER_SIGNALED);
    EXPECT_GE(p.signal.timestamp, deadline);
    EXPECT_STATUS(zx_port_wait(port, 0, &p), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_handle_close(port));
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimerTest, TimersFireInDeadlineOrder)
{
    zx_handle_t timers[3], port;
    ASSERT_OK(zx_port_create(0, &port));
    zx_time_t now = zx_clock_get_monotonic();
    for (int i = 0; i < 3; i++) {
        timers[i] = new_timer(0);
        ASSERT_OK(zx_object_wait_async(timers[i], port, (uint64_t)i, ZX_TIMER_SIGNALED, 0));
        ASSERT_OK(zx_timer_set(timers[i], now + (3 - i) * 5 * MS, 0)); /* the last set, first due */
    }
    for (uint64_t want = 3; want-- > 0;) {
        zx_port_packet_t p;
        EXPECT_OK(zx_port_wait(port, ZX_TIME_INFINITE, &p));
        EXPECT_EQ(p.key, want);
    }
    for (int i = 0; i < 3; i++)
        EXPECT_OK(zx_handle_close(timers[i]));
    EXPECT_OK(zx_handle_close(port));
}

/* A timer with policy options and slack fires no earlier than its window opens. */
static void check_not_before_window(uint32_t options, zx_duration_t slack, zx_duration_t opens)
{
    zx_handle_t timer = new_timer(options);
    zx_time_t deadline = zx_clock_get_monotonic() + 20 * MS;
    ASSERT_OK(zx_timer_set(timer, deadline, slack));
    EXPECT_OK(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, ZX_TIME_INFINITE, NULL));
    EXPECT_GE(zx_clock_get_monotonic(), deadline - opens);
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimerTest, LateSlackNeverFiresEarly)
{
    check_not_before_window(ZX_TIMER_SLACK_LATE, 10 * MS, 0);
}

TEST(TimerTest, CenterAndEarlySlackOpenBeforeTheDeadline)
{
    check_not_before_window(ZX_TIMER_SLACK_CENTER, 10 * MS, 10 * MS);
    check_not_before_window(ZX_TIMER_SLACK_EARLY, 10 * MS, 10 * MS);
}

TEST(TimerTest, UserSignalsOnlyWithSignalRight)
{
    zx_handle_t timer = new_timer(0);
    zx_signals_t pending = 0;
    EXPECT_OK(zx_object_signal(timer, 0, ZX_USER_SIGNAL_0));
    EXPECT_STATUS(zx_object_signal(timer, 0, ZX_TIMER_SIGNALED), ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_timer_set(timer, 0, 0));
    EXPECT_OK(zx_object_wait_one(timer, ZX_TIMER_SIGNALED, 0, &pending));
    EXPECT_EQ(pending, ZX_TIMER_SIGNALED | ZX_USER_SIGNAL_0);
    EXPECT_OK(zx_handle_close(timer));
}

TEST(TimerTest, ClosingAnArmedTimerIsSafe)
{
    for (int i = 0; i < 20; i++) {
        zx_handle_t timer = new_timer(0);
        EXPECT_OK(zx_timer_set(timer, zx_clock_get_monotonic() + (i % 4) * MS / 20, 0));
        EXPECT_OK(zx_handle_close(timer));
    }
    zx_nanosleep(zx_clock_get_monotonic() + MS);
}
