/*: # FutexTest and FutexOwnershipTestCase

Fuchsia's core-tests `futex/futex.cc` and `futex_ownership.cc` under their names, where a case
checks the same behaviour (several of Fuchsia's long ownership cases are cut to their main steps),
with cases of our own for the checks the reference pages list: unaligned and unmapped pointers,
an owner that is the caller, not a thread, not started, or ended.

Waiting needs other threads. A test starts *waiters*: threads of this process, each blocked in one
`zx_futex_wait` until the test sees it blocked (`ZX_THREAD_STATE_BLOCKED_FUTEX`). A waiter that
returns records its status, says so, and then stays alive until the test stops it: an owner that
has ended owns nothing, and the ownership cases look at the owner after the wake. Which waiter a
wake picks is not promised to user code, so the cases count woken waiters, as Fuchsia's do, and
wait 100 ms to be sure no more wake up than should (Fuchsia's tests wait 300 ms). */
#include "launch.h"
#include "probe.h"
#include "zircon/futex.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zxtest.h"

#define WAITERS 8
#define STACK 8192
#define MSEC 1000000ll
#define WAKE_ALL UINT32_MAX

struct waiter {
    zx_handle_t thread;
    zx_futex_t *futex;
    zx_futex_t expected;
    zx_handle_t owner;
    zx_time_t deadline;
    zx_status_t result; /* atomic, as are returned and stop */
    int returned, stop;
};

static struct waiter waiters[WAITERS];
static uint8_t stacks[WAITERS][STACK] __attribute__((aligned(16)));

static void wait_then_linger(uintptr_t i)
{
    struct waiter *w = &waiters[i];
    zx_status_t status = zx_futex_wait(w->futex, w->expected, w->owner, w->deadline);
    __atomic_store_n(&w->result, status, __ATOMIC_SEQ_CST);
    __atomic_store_n(&w->returned, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_load_n(&w->stop, __ATOMIC_SEQ_CST))
        zx_nanosleep(zx_clock_get_monotonic() + MSEC);
}

static bool returned(int i)
{
    return __atomic_load_n(&waiters[i].returned, __ATOMIC_SEQ_CST);
}

static zx_status_t result(int i)
{
    return __atomic_load_n(&waiters[i].result, __ATOMIC_SEQ_CST);
}

/* Start waiter i on futex, expecting its value to be expected, naming owner; return once it is
   blocked in the wait or has returned from it. */
static void start_full(int i, zx_futex_t *futex, zx_futex_t expected, zx_handle_t owner,
                       zx_time_t deadline)
{
    struct waiter *w = &waiters[i];
    *w =
        (struct waiter){ZX_HANDLE_INVALID, futex, expected, owner, deadline, ZX_ERR_INTERNAL, 0, 0};
    EXPECT_OK(zx_thread_create(zx_process_self(), "futex-waiter", 12, 0, &w->thread));
    EXPECT_OK(zinc_thread_start(w->thread, wait_then_linger, (uintptr_t)i, stacks[i], STACK));
    zx_time_t give_up = zx_clock_get_monotonic() + 10000 * MSEC;
    for (;;) {
        zx_info_thread_t info = {0};
        EXPECT_OK(zx_object_get_info(w->thread, ZX_INFO_THREAD, &info, sizeof info, NULL, NULL));
        if (info.state == ZX_THREAD_STATE_BLOCKED_FUTEX || returned(i))
            return;
        if (zx_clock_get_monotonic() > give_up) {
            EXPECT_TRUE(false); /* the waiter never blocked */
            return;
        }
        zx_nanosleep(zx_clock_get_monotonic() + MSEC);
    }
}

/* Start waiter i on futex with its current value, no owner, no deadline. */
static void start(int i, zx_futex_t *futex)
{
    start_full(i, futex, *futex, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);
}

static void stop(int i)
{
    __atomic_store_n(&waiters[i].stop, 1, __ATOMIC_SEQ_CST);
    EXPECT_OK(zx_object_wait_one(waiters[i].thread, ZX_THREAD_TERMINATED,
                                 zx_clock_get_monotonic() + 10000 * MSEC, NULL));
    EXPECT_OK(zx_handle_close(waiters[i].thread));
}

static int count_returned(int n)
{
    int count = 0;
    for (int i = 0; i < n; i++)
        count += returned(i);
    return count;
}

/* Wait until exactly want of the first n waiters have returned, and stay so for 100 ms. */
static void expect_returned(int n, int want)
{
    zx_time_t give_up = zx_clock_get_monotonic() + 10000 * MSEC;
    while (count_returned(n) < want && zx_clock_get_monotonic() < give_up)
        zx_nanosleep(zx_clock_get_monotonic() + MSEC);
    zx_nanosleep(zx_clock_get_monotonic() + 100 * MSEC);
    EXPECT_EQ(count_returned(n), want);
}

static zx_koid_t koid_of(zx_handle_t h)
{
    return basic(h).koid;
}

static zx_koid_t owner_of(const zx_futex_t *futex)
{
    zx_koid_t koid = ~ZX_KOID_INVALID;
    EXPECT_OK(zx_futex_get_owner(futex, &koid));
    return koid;
}

/* Wake all waiters of futexes a and b and stop the first n waiters. */
static void finish(int n, zx_futex_t *a, zx_futex_t *b)
{
    EXPECT_OK(zx_futex_wake(a, WAKE_ALL));
    if (b)
        EXPECT_OK(zx_futex_wake(b, WAKE_ALL));
    for (int i = 0; i < n; i++)
        stop(i);
}

static zx_futex_t *misaligned(zx_futex_t *futex)
{
    return (zx_futex_t *)((uintptr_t)futex + 1);
}

TEST(FutexTest, WaitValueMismatch)
{
    zx_futex_t futex = 123;
    EXPECT_STATUS(zx_futex_wait(&futex, futex + 1, ZX_HANDLE_INVALID, ZX_TIME_INFINITE),
                  ZX_ERR_BAD_STATE);
}

TEST(FutexTest, WaitTimeout)
{
    zx_futex_t futex = 123;
    EXPECT_STATUS(zx_futex_wait(&futex, futex, ZX_HANDLE_INVALID, 0), ZX_ERR_TIMED_OUT);
}

TEST(FutexTest, WaitTimeoutElapsed)
{
    zx_futex_t futex = 0;
    for (int i = 0; i < 5; i++) {
        zx_time_t deadline = zx_clock_get_monotonic() + 20 * MSEC;
        EXPECT_STATUS(zx_futex_wait(&futex, 0, ZX_HANDLE_INVALID, deadline), ZX_ERR_TIMED_OUT);
        EXPECT_GE(zx_clock_get_monotonic(), deadline); /* not early */
    }
}

TEST(FutexTest, WaitBadAddress)
{
    EXPECT_STATUS(zx_futex_wait(NULL, 123, ZX_HANDLE_INVALID, ZX_TIME_INFINITE),
                  ZX_ERR_INVALID_ARGS);
}

TEST(FutexTest, WaitUnalignedOrUnmappedAddress)
{
    zx_futex_t futex[2] = {0, 0};
    EXPECT_STATUS(zx_futex_wait(misaligned(futex), 0, ZX_HANDLE_INVALID, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_wait(UNMAPPED, 0, ZX_HANDLE_INVALID, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_wait(KERNEL_HALF, 0, ZX_HANDLE_INVALID, 0), ZX_ERR_INVALID_ARGS);
}

TEST(FutexTest, Wakeup)
{
    zx_futex_t futex = 1;
    start(0, &futex);
    EXPECT_FALSE(returned(0));
    EXPECT_OK(zx_futex_wake(&futex, WAKE_ALL));
    expect_returned(1, 1);
    EXPECT_OK(result(0));
    stop(0);
}

TEST(FutexTest, WaiterIsBlockedOnAFutex)
{
    zx_futex_t futex = 1;
    start(0, &futex);
    EXPECT_OK(thread_wait_state(waiters[0].thread, ZX_THREAD_STATE_BLOCKED_FUTEX));
    finish(1, &futex, NULL);
    EXPECT_OK(result(0));
}

TEST(FutexTest, WakeupLimit)
{
    zx_futex_t futex = 1;
    for (int i = 0; i < 4; i++)
        start(i, &futex);
    EXPECT_OK(zx_futex_wake(&futex, 2));
    expect_returned(4, 2);
    EXPECT_OK(zx_futex_wake(&futex, WAKE_ALL));
    expect_returned(4, 4);
    for (int i = 0; i < 4; i++) {
        EXPECT_OK(result(i));
        stop(i);
    }
}

TEST(FutexTest, WakeZeroWakesNobody)
{
    zx_futex_t futex = 1;
    start(0, &futex);
    EXPECT_OK(zx_futex_wake(&futex, 0));
    expect_returned(1, 0);
    finish(1, &futex, NULL);
}

TEST(FutexTest, WakeupAddress)
{
    zx_futex_t futex1 = 1, futex2 = 1, dummy = 1;
    start(0, &futex1);
    start(1, &futex2);
    EXPECT_OK(zx_futex_wake(&dummy, WAKE_ALL));
    expect_returned(2, 0);
    EXPECT_OK(zx_futex_wake(&futex1, WAKE_ALL));
    expect_returned(2, 1);
    EXPECT_TRUE(returned(0));
    EXPECT_OK(zx_futex_wake(&futex2, WAKE_ALL));
    expect_returned(2, 2);
    stop(0);
    stop(1);
}

TEST(FutexTest, WakeChecksAlignmentOnly)
{
    zx_futex_t futex[2] = {0, 0};
    EXPECT_STATUS(zx_futex_wake(misaligned(futex), 1), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_wake_single_owner(misaligned(futex)), ZX_ERR_INVALID_ARGS);
    /* The value is never read: an address nobody mapped is no error. */
    EXPECT_OK(zx_futex_wake((zx_futex_t *)UNMAPPED, 1));
    EXPECT_OK(zx_futex_wake_single_owner((zx_futex_t *)UNMAPPED));
}

TEST(FutexTest, RequeueValueMismatch)
{
    zx_futex_t futex1 = 100, futex2 = 200;
    EXPECT_STATUS(zx_futex_requeue(&futex1, 1, futex1 + 1, &futex2, 1, ZX_HANDLE_INVALID),
                  ZX_ERR_BAD_STATE);
}

TEST(FutexTest, RequeueSameAddr)
{
    zx_futex_t futex = 100;
    EXPECT_STATUS(zx_futex_requeue(&futex, 1, futex, &futex, 1, ZX_HANDLE_INVALID),
                  ZX_ERR_INVALID_ARGS);
}

TEST(FutexTest, RequeueBadAddresses)
{
    zx_futex_t a[2] = {0, 0}, b = 0;
    EXPECT_STATUS(zx_futex_requeue(NULL, 1, 0, &b, 1, ZX_HANDLE_INVALID), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_requeue(misaligned(a), 1, 0, &b, 1, ZX_HANDLE_INVALID),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_requeue(a, 1, 0, NULL, 1, ZX_HANDLE_INVALID), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_requeue(a, 1, 0, misaligned(a), 1, ZX_HANDLE_INVALID),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_requeue(UNMAPPED, 1, 0, &b, 1, ZX_HANDLE_INVALID), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_requeue_single_owner(NULL, 0, &b, 1, ZX_HANDLE_INVALID),
                  ZX_ERR_INVALID_ARGS);
}

TEST(FutexTest, RequeueWithNoWaiters)
{
    zx_futex_t futex1 = 100, futex2 = 200;
    EXPECT_OK(zx_futex_requeue(&futex1, 1, 100, &futex2, 1, ZX_HANDLE_INVALID));
    EXPECT_OK(zx_futex_requeue_single_owner(&futex1, 100, &futex2, 1, ZX_HANDLE_INVALID));
}

TEST(FutexTest, Requeue)
{
    zx_futex_t futex1 = 100, futex2 = 200;
    for (int i = 0; i < 6; i++)
        start(i, &futex1);
    EXPECT_OK(zx_futex_requeue(&futex1, 3, 100, &futex2, 2, ZX_HANDLE_INVALID));
    expect_returned(6, 3);
    /* The two requeued wait on futex2 now. */
    EXPECT_OK(zx_futex_wake(&futex2, WAKE_ALL));
    expect_returned(6, 5);
    EXPECT_OK(zx_futex_wake(&futex1, 1));
    expect_returned(6, 6);
    for (int i = 0; i < 6; i++) {
        EXPECT_OK(result(i));
        stop(i);
    }
}

TEST(FutexTest, RequeueUnqueuedOnTimeout)
{
    zx_futex_t futex1 = 100, futex2 = 200;
    start_full(0, &futex1, 100, ZX_HANDLE_INVALID, zx_clock_get_monotonic() + 300 * MSEC);
    EXPECT_OK(zx_futex_requeue(&futex1, 0, 100, &futex2, WAKE_ALL, ZX_HANDLE_INVALID));
    start(1, &futex2);
    /* Waiter 0 times out on futex2's queue, and must leave that queue, not futex1's. */
    zx_time_t give_up = zx_clock_get_monotonic() + 10000 * MSEC;
    while (!returned(0) && zx_clock_get_monotonic() < give_up)
        zx_nanosleep(zx_clock_get_monotonic() + MSEC);
    EXPECT_STATUS(result(0), ZX_ERR_TIMED_OUT);
    EXPECT_FALSE(returned(1));
    EXPECT_OK(zx_futex_wake(&futex2, 1)); /* the one left on futex2 is waiter 1 */
    expect_returned(2, 2);
    EXPECT_OK(result(1));
    stop(0);
    stop(1);
}

TEST(FutexOwnershipTestCase, GetOwner)
{
    zx_futex_t futex = 0;
    EXPECT_EQ(owner_of(&futex), ZX_KOID_INVALID);
    EXPECT_STATUS(zx_futex_get_owner(&futex, NULL), ZX_ERR_INVALID_ARGS);
    zx_koid_t koid;
    EXPECT_STATUS(zx_futex_get_owner(misaligned(&futex), &koid), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_get_owner(NULL, &koid), ZX_ERR_INVALID_ARGS);
}

TEST(FutexOwnershipTestCase, Wait)
{
    zx_futex_t futex = 0;
    zx_handle_t self = zx_thread_self();
    start_full(0, &futex, 0, self, ZX_TIME_INFINITE);
    EXPECT_EQ(owner_of(&futex), koid_of(self));
    /* A wait that fails on the value changes no owner. */
    start_full(1, &futex, 1, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);
    EXPECT_STATUS(result(1), ZX_ERR_BAD_STATE);
    stop(1);
    EXPECT_EQ(owner_of(&futex), koid_of(self));
    /* Nor does one naming a thread that waits already. */
    start_full(1, &futex, 0, waiters[0].thread, ZX_TIME_INFINITE);
    EXPECT_STATUS(result(1), ZX_ERR_INVALID_ARGS);
    stop(1);
    EXPECT_EQ(owner_of(&futex), koid_of(self));
    /* A wait that times out has still named the owner, even with a deadline already past. */
    zx_futex_t other = 0;
    start(2, &other); /* a started thread, to be named */
    start_full(1, &futex, 0, waiters[2].thread, 0);
    EXPECT_STATUS(result(1), ZX_ERR_TIMED_OUT);
    stop(1);
    EXPECT_EQ(owner_of(&futex), koid_of(waiters[2].thread));
    /* A successful wait without an owner leaves none. */
    start_full(1, &futex, 0, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);
    EXPECT_EQ(owner_of(&futex), ZX_KOID_INVALID);
    EXPECT_OK(zx_futex_wake(&other, WAKE_ALL));
    EXPECT_OK(zx_futex_wake(&futex, WAKE_ALL));
    expect_returned(3, 3);
    for (int i = 0; i < 3; i++) {
        EXPECT_OK(result(i));
        stop(i);
    }
}

TEST(FutexOwnershipTestCase, WaitOwnerIsCaller)
{
    zx_futex_t futex = 0;
    /* The waiter names itself: its own handle is what the test got from zx_thread_create. */
    zx_handle_t thread;
    ASSERT_OK(zx_thread_create(zx_process_self(), "self-owner", 10, 0, &thread));
    waiters[0] =
        (struct waiter){thread, &futex, 0, thread, ZX_TIME_INFINITE, ZX_ERR_INTERNAL, 0, 0};
    EXPECT_OK(zinc_thread_start(thread, wait_then_linger, 0, stacks[0], STACK));
    zx_time_t give_up = zx_clock_get_monotonic() + 10000 * MSEC;
    while (!returned(0) && zx_clock_get_monotonic() < give_up)
        zx_nanosleep(zx_clock_get_monotonic() + MSEC);
    EXPECT_STATUS(result(0), ZX_ERR_INVALID_ARGS);
    stop(0);
    EXPECT_EQ(owner_of(&futex), ZX_KOID_INVALID);
}

TEST(FutexOwnershipTestCase, WaitOwnerNotAThread)
{
    zx_futex_t futex = 0;
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_futex_wait(&futex, 0, event, 0), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_futex_wait(&futex, 1, event, 0), ZX_ERR_BAD_STATE); /* the value first */
    EXPECT_OK(zx_handle_close(event));
}

TEST(FutexOwnershipTestCase, WaitBadOwnerHandle)
{
    zx_futex_t futex = 0;
    zx_handle_t bad = (zx_handle_t)0x7ffffff0;
    EXPECT_STATUS(zx_futex_wait(&futex, 0, bad, 0), ZX_ERR_BAD_HANDLE);
    /* A stale value is reported before the handle is (Fuchsia's fxbug.dev/34382). */
    EXPECT_STATUS(zx_futex_wait(&futex, 1, bad, 0), ZX_ERR_BAD_STATE);
}

TEST(FutexOwnershipTestCase, WaitOwnerNotStarted)
{
    zx_futex_t futex = 0;
    zx_handle_t thread;
    ASSERT_OK(zx_thread_create(zx_process_self(), "unstarted", 9, 0, &thread));
    EXPECT_STATUS(zx_futex_wait(&futex, 0, thread, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(thread));
}

TEST(FutexOwnershipTestCase, OwnerThatEndedOwnsNothing)
{
    zx_futex_t futex = 0, other = 0;
    start(0, &other);
    start_full(1, &futex, 0, waiters[0].thread, ZX_TIME_INFINITE);
    EXPECT_EQ(owner_of(&futex), koid_of(waiters[0].thread));
    EXPECT_OK(zx_futex_wake(&other, 1));
    stop(0); /* the owner ends */
    EXPECT_EQ(owner_of(&futex), ZX_KOID_INVALID);
    finish(0, &futex, NULL);
    stop(1);
}

/* Fuchsia's WakeOwnershipTest: 8 waiters name the test thread the owner; wake them one by one,
   with a plain wake (no owner after) or a single-owner one (the woken thread, until the last). */
static void wake_ownership(bool use_requeue)
{
    zx_futex_t futex = 0, requeue_futex = 1;
    zx_handle_t self = zx_thread_self();
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < WAITERS; i++)
            start_full(i, &futex, 0, self, ZX_TIME_INFINITE);
        EXPECT_EQ(owner_of(&futex), koid_of(self));
        if (use_requeue) {
            EXPECT_STATUS(pass ? zx_futex_requeue_single_owner(&futex, 1, &requeue_futex, 0,
                                                                ZX_HANDLE_INVALID)
                               : zx_futex_requeue(&futex, 1, 1, &requeue_futex, 0,
                                                  ZX_HANDLE_INVALID),
                          ZX_ERR_BAD_STATE);
            EXPECT_EQ(owner_of(&futex), koid_of(self));
        }
        bool seen[WAITERS] = {false};
        for (int n = 0; n < WAITERS; n++) {
            if (!pass)
                EXPECT_OK(use_requeue ? zx_futex_requeue(&futex, 1, 0, &requeue_futex, 0,
                                                         ZX_HANDLE_INVALID)
                                      : zx_futex_wake(&futex, 1));
            else
                EXPECT_OK(use_requeue ? zx_futex_requeue_single_owner(&futex, 0, &requeue_futex,
                                                                      0, ZX_HANDLE_INVALID)
                                      : zx_futex_wake_single_owner(&futex));
            expect_returned(WAITERS, n + 1);
            int woken = -1;
            for (int i = 0; i < WAITERS; i++)
                if (returned(i) && !seen[i])
                    woken = i;
            ASSERT_TRUE(woken >= 0);
            seen[woken] = true;
            EXPECT_OK(result(woken));
            bool last = n + 1 == WAITERS;
            EXPECT_EQ(owner_of(&futex),
                      !pass || last ? ZX_KOID_INVALID : koid_of(waiters[woken].thread));
        }
        for (int i = 0; i < WAITERS; i++)
            stop(i);
    }
}

TEST(FutexOwnershipTestCase, Wake)
{
    wake_ownership(false);
}

TEST(FutexOwnershipTestCase, RequeueWake)
{
    wake_ownership(true);
}

/* Fuchsia's WakeZeroOwnershipTest: waking nobody still takes the ownership away. */
static void wake_zero_ownership(bool use_requeue)
{
    zx_futex_t futex = 0, requeue_futex = 0;
    zx_handle_t self = zx_thread_self();
    start_full(0, &futex, 0, self, ZX_TIME_INFINITE);
    EXPECT_EQ(owner_of(&futex), koid_of(self));
    EXPECT_OK(use_requeue
                  ? zx_futex_requeue(&futex, 0, 0, &requeue_futex, 0, ZX_HANDLE_INVALID)
                  : zx_futex_wake(&futex, 0));
    expect_returned(1, 0);
    EXPECT_EQ(owner_of(&futex), ZX_KOID_INVALID);
    finish(1, &futex, NULL);
    EXPECT_OK(result(0));
}

TEST(FutexOwnershipTestCase, WakeZero)
{
    wake_zero_ownership(false);
}

TEST(FutexOwnershipTestCase, RequeueWakeZero)
{
    wake_zero_ownership(true);
}

TEST(FutexOwnershipTestCase, Requeue)
{
    zx_futex_t wake_futex = 0, requeue_futex = 1;
    zx_handle_t self = zx_thread_self(), event;
    for (int i = 0; i < WAITERS; i++)
        start_full(i, &wake_futex, 0, self, ZX_TIME_INFINITE);
    EXPECT_EQ(owner_of(&wake_futex), koid_of(self));
    EXPECT_EQ(owner_of(&requeue_futex), ZX_KOID_INVALID);
    /* Wake one, which owns the wake futex now; move one, and name us the requeue futex's owner. */
    EXPECT_OK(zx_futex_requeue_single_owner(&wake_futex, 0, &requeue_futex, 1, self));
    expect_returned(WAITERS, 1);
    int woken = -1;
    for (int i = 0; i < WAITERS; i++)
        if (returned(i))
            woken = i;
    ASSERT_TRUE(woken >= 0);
    zx_koid_t woken_koid = koid_of(waiters[woken].thread);
    EXPECT_EQ(owner_of(&wake_futex), woken_koid);
    EXPECT_EQ(owner_of(&requeue_futex), koid_of(self));
    /* Failures change nothing. */
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_futex_requeue(&wake_futex, 1, 0, &requeue_futex, 1, (zx_handle_t)0x7ffffff0),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_futex_requeue(&wake_futex, 1, 0, &requeue_futex, 1, event),
                  ZX_ERR_WRONG_TYPE);
    for (int i = 0; i < WAITERS; i++)
        if (i != woken)
            EXPECT_STATUS(zx_futex_requeue(&wake_futex, 1, 0, &requeue_futex, 1,
                                           waiters[i].thread),
                          ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_futex_requeue(&wake_futex, 1, 1, &requeue_futex, 1, ZX_HANDLE_INVALID),
                  ZX_ERR_BAD_STATE);
    EXPECT_STATUS(zx_futex_requeue(&wake_futex, 1, 1, &requeue_futex, 1, (zx_handle_t)0x7ffffff0),
                  ZX_ERR_BAD_STATE);
    EXPECT_OK(zx_handle_close(event));
    expect_returned(WAITERS, 1);
    EXPECT_EQ(owner_of(&wake_futex), woken_koid);
    EXPECT_EQ(owner_of(&requeue_futex), koid_of(self));
    /* A plain requeue: wake two, move two more, no owner on the wake futex, none named. */
    EXPECT_OK(zx_futex_requeue(&wake_futex, 2, 0, &requeue_futex, 2, ZX_HANDLE_INVALID));
    expect_returned(WAITERS, 3);
    EXPECT_EQ(owner_of(&wake_futex), ZX_KOID_INVALID);
    EXPECT_EQ(owner_of(&requeue_futex), ZX_KOID_INVALID);
    /* Three wait on the requeue futex, two on the wake futex. */
    EXPECT_OK(zx_futex_wake(&requeue_futex, WAKE_ALL));
    expect_returned(WAITERS, 6);
    finish(WAITERS, &wake_futex, NULL);
}
