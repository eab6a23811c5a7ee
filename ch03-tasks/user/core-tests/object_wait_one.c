/*: # ObjectWaitOneTest

`zx_object_wait_one(handle, signals, deadline, observed)` blocks until the object asserts one of
`signals` (`ZX_OK`), the deadline passes (`ZX_ERR_TIMED_OUT`), or the handle is closed under it
(`ZX_ERR_CANCELED`). What Fuchsia's reference promises, and these tests check:

- a deadline in the past (0, or any earlier time, even a negative one) just samples the signals;
  `ZX_TIME_INFINITE` waits for ever;
- a wait that times out returns no earlier than its deadline;
- `observed`, if not NULL, receives *all* the signals the object asserts, not only the ones waited
  for, on success and on timeout alike; on `ZX_ERR_CANCELED` it has `ZX_SIGNAL_HANDLE_CLOSED` set;
- the handle needs `ZX_RIGHT_WAIT`; a bad `observed` pointer is `ZX_ERR_INVALID_ARGS`;
- cancellation is per handle: closing *another* handle to the same object does not end the wait;
- while it waits, the thread is `ZX_THREAD_STATE_BLOCKED_WAIT_ONE` (and `BLOCKED_SLEEPING` in
  `zx_nanosleep`), which another thread sees in `ZX_INFO_THREAD`.

To have something happen *during* a wait, a test starts a second thread in this same process
(`zx_thread_create`, `zx_thread_start`) on a stack that is a static array. The helper sleeps a
little, acts, and ends with `zx_thread_exit`; the test waits for `ZX_THREAD_TERMINATED` before it
returns, so no helper outlives its test. Waits are kept short (tens of milliseconds), because QEMU
without KVM is slow. */
#include "zircon/process.h"
#include "zircon/task.h"
#include "probe.h"
#include "zxtest.h"

#define MS(n) ((zx_time_t)(n) * 1000000)

/* The helper thread: what it should do, and after how long. */
enum helper_action { SIGNAL_EVENT, CLOSE_HANDLE, CLOSE_THEN_SIGNAL, SIGNAL_WHEN_BLOCKED };

static struct {
    enum helper_action action;
    zx_duration_t delay;
    zx_handle_t target, other;
    zx_status_t status; /* of its last call, for the test to check after joining */
} helper;

static uint8_t helper_stack[16384] __attribute__((aligned(16)));

static void helper_main(uintptr_t arg1, uintptr_t arg2)
{
    zx_nanosleep(zx_clock_get_monotonic() + helper.delay);
    switch (helper.action) {
    case SIGNAL_EVENT:
        helper.status = zx_object_signal(helper.target, 0, ZX_EVENT_SIGNALED);
        break;
    case CLOSE_HANDLE:
        helper.status = zx_handle_close(helper.target);
        break;
    case CLOSE_THEN_SIGNAL:
        helper.status = zx_handle_close(helper.other);
        if (helper.status == ZX_OK)
            helper.status = zx_object_signal(helper.target, 0, ZX_EVENT_SIGNALED);
        break;
    case SIGNAL_WHEN_BLOCKED:
        /* other is a thread: signal once it is seen blocked in a wait (and anyway: no hang) */
        helper.status = thread_wait_state(helper.other, ZX_THREAD_STATE_BLOCKED_WAIT_ONE);
        zx_object_signal(helper.target, 0, ZX_EVENT_SIGNALED);
        break;
    }
    zx_thread_exit();
    __builtin_unreachable();
}

/* Start the helper; ZX_HANDLE_INVALID if it could not be. */
static zx_handle_t helper_start(enum helper_action action, zx_duration_t delay, zx_handle_t target,
                                zx_handle_t other)
{
    helper.action = action;
    helper.delay = delay;
    helper.target = target;
    helper.other = other;
    helper.status = 1; /* no status: the helper never got that far */
    zx_handle_t thread;
    static const char name[] = "wait-helper";
    if (zx_thread_create(zx_process_self(), name, sizeof name - 1, 0, &thread) != ZX_OK)
        return ZX_HANDLE_INVALID;
    /* Enter as if called: on x86_64 a function expects its return address pushed on a 16-byte
       aligned stack; riscv64 wants sp itself aligned. The helper never returns. */
    uintptr_t sp = (uintptr_t)(helper_stack + sizeof helper_stack);
#if defined(__x86_64__)
    sp -= 8;
#endif
    if (zx_thread_start(thread, (uintptr_t)helper_main, sp, 0, 0) != ZX_OK) {
        zx_handle_close(thread);
        return ZX_HANDLE_INVALID;
    }
    return thread;
}

/* Wait for the helper to end (it must: it never blocks for long) and close its handle. */
static void helper_join(zx_handle_t thread)
{
    EXPECT_OK(zx_object_wait_one(thread, ZX_THREAD_TERMINATED, zx_clock_get_monotonic() + MS(5000),
                                 NULL));
    EXPECT_OK(zx_handle_close(thread));
}

TEST(ObjectWaitOneTest, PastDeadlineSamplesUnsetSignal)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_object_signal(e, 0, ZX_USER_SIGNAL_1));
    zx_signals_t observed = 0;
    zx_time_t before = zx_clock_get_monotonic();
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, 0, &observed), ZX_ERR_TIMED_OUT);
    /* Observed holds every asserted signal, also those not waited for. */
    EXPECT_EQ(observed, ZX_USER_SIGNAL_1);
    observed = 0;
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, before - 1, &observed),
                  ZX_ERR_TIMED_OUT);
    EXPECT_EQ(observed, ZX_USER_SIGNAL_1);
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, -1, &observed), ZX_ERR_TIMED_OUT);
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, INT64_MIN, &observed), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, WaitForEventSignaled)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_object_signal(e, 0, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_6));
    zx_signals_t observed = 0;
    EXPECT_OK(zx_object_wait_one(e, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_0, 0, &observed));
    EXPECT_EQ(observed, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_6);
    /* Already satisfied: even an infinite deadline returns at once. */
    EXPECT_OK(zx_object_wait_one(e, ZX_USER_SIGNAL_6, ZX_TIME_INFINITE, &observed));
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, WaitForEventTimeout)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    zx_time_t deadline = zx_clock_get_monotonic() + MS(20);
    zx_signals_t observed = 0xdeadbeef;
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, deadline, &observed), ZX_ERR_TIMED_OUT);
    EXPECT_GE(zx_clock_get_monotonic(), deadline);
    EXPECT_EQ(observed, 0); /* written on timeout too */
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, NullObservedIsAllowed)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, 0, NULL), ZX_ERR_TIMED_OUT);
    ASSERT_OK(zx_object_signal(e, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_object_wait_one(e, ZX_EVENT_SIGNALED, 0, NULL));
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, BadObservedPointer)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, 0, UNMAPPED), ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_object_signal(e, 0, ZX_EVENT_SIGNALED));
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, 0, UNMAPPED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_wait_one(e, ZX_EVENT_SIGNALED, 0, (void *)0xffffffff80001000ul),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, NeedsWaitRightAndValidHandle)
{
    zx_handle_t e, no_wait;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_object_signal(e, 0, ZX_EVENT_SIGNALED));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SIGNAL | ZX_RIGHT_INSPECT, &no_wait));
    zx_signals_t observed = 0;
    EXPECT_STATUS(zx_object_wait_one(no_wait, ZX_EVENT_SIGNALED, 0, &observed),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_object_wait_one(ZX_HANDLE_INVALID, ZX_EVENT_SIGNALED, 0, &observed),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_OK(zx_handle_close(no_wait));
    EXPECT_STATUS(zx_object_wait_one(no_wait, ZX_EVENT_SIGNALED, 0, &observed), ZX_ERR_BAD_HANDLE);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, InfiniteWaitEndsWhenAnotherThreadSignals)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_object_signal(e, 0, ZX_USER_SIGNAL_3));
    zx_handle_t thread = helper_start(SIGNAL_EVENT, MS(10), e, ZX_HANDLE_INVALID);
    ASSERT_NE(thread, ZX_HANDLE_INVALID);
    zx_signals_t observed = 0;
    EXPECT_OK(zx_object_wait_one(e, ZX_EVENT_SIGNALED, ZX_TIME_INFINITE, &observed));
    EXPECT_EQ(observed, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_3);
    helper_join(thread);
    EXPECT_OK(helper.status);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, WaitForEventThenSignal)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    zx_handle_t thread = helper_start(SIGNAL_WHEN_BLOCKED, 0, e, zx_thread_self());
    ASSERT_NE(thread, ZX_HANDLE_INVALID);
    zx_signals_t observed = 0;
    EXPECT_OK(zx_object_wait_one(e, ZX_EVENT_SIGNALED, ZX_TIME_INFINITE, &observed));
    EXPECT_EQ(observed, ZX_EVENT_SIGNALED);
    helper_join(thread);
    EXPECT_OK(helper.status); /* the helper saw this thread BLOCKED_WAIT_ONE */
    zx_info_thread_t info = {0};
    ASSERT_OK(zx_object_get_info(zx_thread_self(), ZX_INFO_THREAD, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.state, ZX_THREAD_STATE_RUNNING); /* and no longer is */
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, FutureDeadlineWaitEndsEarlyWhenSignaled)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    zx_handle_t thread = helper_start(SIGNAL_EVENT, MS(10), e, ZX_HANDLE_INVALID);
    ASSERT_NE(thread, ZX_HANDLE_INVALID);
    /* A generous deadline, so that even a slow machine signals first; the wait must not sit it
       out. */
    zx_time_t deadline = zx_clock_get_monotonic() + MS(10000);
    zx_signals_t observed = 0;
    EXPECT_OK(zx_object_wait_one(e, ZX_EVENT_SIGNALED, deadline, &observed));
    EXPECT_LT(zx_clock_get_monotonic(), deadline);
    EXPECT_EQ(observed, ZX_EVENT_SIGNALED);
    helper_join(thread);
    EXPECT_OK(helper.status);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, CanceledWhenAnotherThreadClosesTheHandle)
{
    /* The helper closes the very handle this thread waits through. That races with the start of the
       wait: if the close came first, the wait fails with ZX_ERR_BAD_HANDLE, and the test tries
       again with a longer head start. Any other result is wrong. */
    int canceled = 0;
    for (zx_duration_t delay = MS(5); !canceled && delay <= MS(320); delay *= 2) {
        zx_handle_t e, keep;
        ASSERT_OK(zx_event_create(0, &e));
        ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &keep));
        ASSERT_OK(zx_object_signal(e, 0, ZX_USER_SIGNAL_2));
        zx_handle_t thread = helper_start(CLOSE_HANDLE, delay, e, ZX_HANDLE_INVALID);
        ASSERT_NE(thread, ZX_HANDLE_INVALID);
        zx_signals_t observed = 0;
        /* A finite deadline only so that a kernel that lost the cancellation fails here instead of
           hanging: no signal comes, so the wait can end only by the close. */
        zx_time_t deadline = zx_clock_get_monotonic() + MS(10000);
        zx_status_t status = zx_object_wait_one(e, ZX_EVENT_SIGNALED, deadline, &observed);
        helper_join(thread);
        EXPECT_OK(helper.status);
        if (status == ZX_ERR_CANCELED) {
            canceled = 1;
            EXPECT_EQ(observed, ZX_SIGNAL_HANDLE_CLOSED | ZX_USER_SIGNAL_2);
        } else {
            EXPECT_STATUS(status, ZX_ERR_BAD_HANDLE);
        }
        EXPECT_STATUS(zx_handle_close(e), ZX_ERR_BAD_HANDLE); /* the helper closed it */
        EXPECT_OK(zx_handle_close(keep));
    }
    EXPECT_TRUE(canceled);
}

TEST(ObjectWaitOneTest, ClosingAnotherHandleDoesNotCancel)
{
    zx_handle_t e, dup;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &dup));
    /* The helper closes dup, then signals through e; this thread waits through e and must see the
       signal, not a cancellation. */
    zx_handle_t thread = helper_start(CLOSE_THEN_SIGNAL, MS(10), e, dup);
    ASSERT_NE(thread, ZX_HANDLE_INVALID);
    zx_signals_t observed = 0;
    EXPECT_OK(
        zx_object_wait_one(e, ZX_EVENT_SIGNALED, zx_clock_get_monotonic() + MS(10000), &observed));
    EXPECT_EQ(observed, ZX_EVENT_SIGNALED);
    helper_join(thread);
    EXPECT_OK(helper.status);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectWaitOneTest, PeerClosedEndsWait)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_eventpair_create(0, &a, &b));
    zx_handle_t thread = helper_start(CLOSE_HANDLE, MS(10), b, ZX_HANDLE_INVALID);
    ASSERT_NE(thread, ZX_HANDLE_INVALID);
    zx_signals_t observed = 0;
    EXPECT_OK(zx_object_wait_one(a, ZX_EVENTPAIR_PEER_CLOSED, zx_clock_get_monotonic() + MS(10000),
                                 &observed));
    EXPECT_EQ(observed, ZX_EVENTPAIR_PEER_CLOSED);
    helper_join(thread);
    EXPECT_OK(helper.status);
    EXPECT_OK(zx_handle_close(a));
}

TEST(ObjectWaitOneTest, NanosleepSleepsUntilDeadline)
{
    zx_time_t deadline = zx_clock_get_monotonic() + MS(10);
    EXPECT_OK(zx_nanosleep(deadline));
    EXPECT_GE(zx_clock_get_monotonic(), deadline);
    /* A deadline in the past returns at once, successfully. */
    EXPECT_OK(zx_nanosleep(0));
    EXPECT_OK(zx_nanosleep(-1));
}

TEST(ObjectWaitOneTest, MonotonicClockNeverGoesBack)
{
    zx_time_t last = zx_clock_get_monotonic();
    EXPECT_GT(last, 0);
    for (int i = 0; i < 100; i++) {
        zx_time_t now = zx_clock_get_monotonic();
        EXPECT_GE(now, last);
        last = now;
    }
}
