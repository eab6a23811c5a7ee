/*: # ThreadTest

A thread is created in a process (NEW), started once at an entry with a stack and two arguments
(RUNNING), and ends by `zx_thread_exit`, by a kill, or with its process (DEAD), asserting
`ZX_THREAD_TERMINATED` (`zx_thread_create`, `zx_thread_start`, `ZX_INFO_THREAD`):

- creating needs `ZX_RIGHT_MANAGE_THREAD` on the process, starting it on the thread; options must be
  0;
- a thread that ended, or already started, cannot start again: `ZX_ERR_BAD_STATE`;
- `zx_task_kill` does not kill a thread: it answers `ZX_ERR_WRONG_TYPE` (after checking
  `ZX_RIGHT_DESTROY`), as in Fuchsia, which kills jobs and processes only (RFC-0007); a thread ends
  by returning from its function or by `zx_thread_exit`, or with its process
  (`ProcessTest.KillSpinning` kills one that spins); so the threads here that spin or sleep stop
  when `stop` is set;
- a thread blocked in the kernel is `ZX_THREAD_STATE_BLOCKED_` and what it waits for (`SLEEPING` in
  `zx_nanosleep`, `WAIT_ONE` in `zx_object_wait_one`; `ZX_THREAD_STATE_BASIC` of each is `BLOCKED`),
  and `RUNNING` again once the wait is over;
- `ZX_INFO_PROCESS_THREADS` lists the threads of a process that have not ended.

The threads run functions of this program through `zinc_thread_start` (user/lib/launch.c), on stacks
of their own.

Fuchsia calls its group of thread cases `Threads`; the one case here that checks what one of
those checks carries its name, `Threads.Basics`. */
#include "launch.h"
#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "probe.h"
#include "zxtest.h"

#define SECOND 1000000000ll
#define MILLISECOND 1000000ll
#define STACK_SIZE 8192
#define THREADS 4

static char stacks[THREADS][STACK_SIZE] __attribute__((aligned(16)));
static volatile uint64_t cells[THREADS];
static volatile int stop; /* set to end the threads that spin or sleep */

static zx_handle_t new_thread(const char *name)
{
    zx_handle_t thread = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_thread_create(zx_process_self(), name, 1, 0, &thread));
    return thread;
}

static uint32_t state_of(zx_handle_t thread)
{
    zx_info_thread_t info = {0};
    EXPECT_OK(zx_object_get_info(thread, ZX_INFO_THREAD, &info, sizeof info, NULL, NULL));
    return info.state;
}

static zx_status_t wait_end(zx_handle_t thread)
{
    return zx_object_wait_one(thread, ZX_THREAD_TERMINATED, zx_clock_get_monotonic() + 10 * SECOND,
                              NULL);
}

static void store_sum(uintptr_t arg)
{
    cells[0] = arg + 1;
}

static void count_until_stopped(uintptr_t i)
{
    while (!stop)
        cells[i]++;
}

static void exit_early(uintptr_t arg)
{
    cells[1] = 1;
    zx_thread_exit();
    cells[1] = 2; /* never */
}

static void sleep_until_stopped(uintptr_t unused)
{
    while (!stop)
        zx_nanosleep(zx_clock_get_monotonic() + 10 * MILLISECOND);
}

/* Wait for the event whose handle is arg, then say so and spin. */
static void wait_then_spin(uintptr_t event)
{
    zx_object_wait_one((zx_handle_t)event, ZX_EVENT_SIGNALED, ZX_TIME_INFINITE, NULL);
    cells[1] = 1;
    while (!stop)
        cells[2]++;
}

/* The entry of a raw start: both arguments arrive, in the first two argument registers. */
static void two_arguments(uintptr_t a, uintptr_t b)
{
    cells[2] = a * 1000 + b;
    zx_thread_exit();
}

TEST(Threads, Basics)
{
    zx_handle_t thread = new_thread("a");
    cells[0] = 0;
    EXPECT_EQ(state_of(thread), ZX_THREAD_STATE_NEW);
    ASSERT_OK(zinc_thread_start(thread, store_sum, 41, stacks[0], STACK_SIZE));
    EXPECT_OK(wait_end(thread));
    EXPECT_EQ(cells[0], 42);
    EXPECT_EQ(state_of(thread), ZX_THREAD_STATE_DEAD);
    EXPECT_OK(zx_handle_close(thread));
}

TEST(ThreadTest, StartPassesTwoArguments)
{
    zx_handle_t thread = new_thread("b");
    cells[2] = 0;
    ASSERT_OK(zx_thread_start(thread, (uintptr_t)two_arguments,
                              (uintptr_t)(stacks[0] + STACK_SIZE - 16), 7, 9));
    EXPECT_OK(wait_end(thread));
    EXPECT_EQ(cells[2], 7009);
    EXPECT_OK(zx_handle_close(thread));
}

TEST(ThreadTest, ExitEndsOnlyTheThread)
{
    zx_handle_t thread = new_thread("c");
    cells[1] = 0;
    ASSERT_OK(zinc_thread_start(thread, exit_early, 0, stacks[0], STACK_SIZE));
    EXPECT_OK(wait_end(thread));
    EXPECT_EQ(cells[1], 1);
    zx_info_process_t info = {0};
    EXPECT_OK(
        zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.flags, ZX_INFO_PROCESS_FLAG_STARTED);
    EXPECT_OK(zx_handle_close(thread));
}

TEST(ThreadTest, CreateChecksArguments)
{
    zx_handle_t thread, weak, event;
    EXPECT_STATUS(zx_thread_create(zx_process_self(), "t", 1, 1, &thread), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_thread_create(ZX_HANDLE_INVALID, "t", 1, 0, &thread), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_thread_create(zx_process_self(), "t", 1, 0, UNMAPPED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_thread_create(zx_process_self(), UNMAPPED, 1, 0, &thread),
                  ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_thread_create(event, "t", 1, 0, &thread), ZX_ERR_WRONG_TYPE);
    ASSERT_OK(zx_handle_duplicate(zx_process_self(), ZX_RIGHTS_BASIC, &weak));
    EXPECT_STATUS(zx_thread_create(weak, "t", 1, 0, &thread), ZX_ERR_ACCESS_DENIED);
    zx_handle_t handles[] = {event, weak};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ThreadTest, StartChecksHandleAndState)
{
    zx_handle_t thread = new_thread("d"), weak;
    ASSERT_OK(zx_handle_duplicate(thread, ZX_RIGHTS_BASIC, &weak));
    EXPECT_STATUS(zinc_thread_start(weak, store_sum, 0, stacks[0], STACK_SIZE),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zinc_thread_start(zx_process_self(), store_sum, 0, stacks[0], STACK_SIZE),
                  ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zinc_thread_start(ZX_HANDLE_INVALID, store_sum, 0, stacks[0], STACK_SIZE),
                  ZX_ERR_BAD_HANDLE);
    ASSERT_OK(zinc_thread_start(thread, store_sum, 0, stacks[0], STACK_SIZE));
    EXPECT_STATUS(zinc_thread_start(thread, store_sum, 0, stacks[1], STACK_SIZE), ZX_ERR_BAD_STATE);
    EXPECT_OK(wait_end(thread));
    EXPECT_STATUS(zinc_thread_start(thread, store_sum, 0, stacks[1], STACK_SIZE), ZX_ERR_BAD_STATE);
    zx_handle_t handles[] = {thread, weak};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

/* Killing a thread was taken out of Zircon (RFC-0007): what would it leave behind, a lock held, a
   structure half written, in a process that goes on? A job or a process dies whole. */
TEST(ThreadTest, KillIsNotForThreads)
{
    zx_handle_t thread = new_thread("e"), weak, event;
    cells[3] = 0;
    stop = 0;
    ASSERT_OK(zinc_thread_start(thread, count_until_stopped, 3, stacks[3], STACK_SIZE));
    while (cells[3] == 0)
        zx_nanosleep(zx_clock_get_monotonic() + MILLISECOND);
    ASSERT_OK(zx_handle_duplicate(thread, ZX_RIGHTS_BASIC, &weak));
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_task_kill(weak), ZX_ERR_ACCESS_DENIED); /* the right is checked first */
    EXPECT_STATUS(zx_task_kill(event), ZX_ERR_ACCESS_DENIED); /* an event has no DESTROY */
    EXPECT_STATUS(zx_task_kill(thread), ZX_ERR_WRONG_TYPE);
    uint64_t then = cells[3];
    zx_time_t give_up = zx_clock_get_monotonic() + 10 * SECOND;
    while (cells[3] == then && zx_clock_get_monotonic() < give_up)
        zx_nanosleep(zx_clock_get_monotonic() + MILLISECOND);
    EXPECT_NE(cells[3], then); /* it runs on */
    EXPECT_EQ(state_of(thread), ZX_THREAD_STATE_RUNNING);
    stop = 1;
    EXPECT_OK(wait_end(thread));
    EXPECT_EQ(state_of(thread), ZX_THREAD_STATE_DEAD);
    zx_handle_t handles[] = {thread, weak, event};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(ThreadTest, SpinningThreadsAllRun)
{
    zx_handle_t threads[THREADS];
    stop = 0;
    for (int i = 0; i < THREADS; i++) {
        cells[i] = 0;
        threads[i] = new_thread("spinner");
        ASSERT_OK(zinc_thread_start(threads[i], count_until_stopped, i, stacks[i], STACK_SIZE));
    }
    zx_time_t give_up = zx_clock_get_monotonic() + 10 * SECOND;
    for (int i = 0; i < THREADS; i++) {
        while (cells[i] == 0 && zx_clock_get_monotonic() < give_up)
            zx_nanosleep(zx_clock_get_monotonic() + MILLISECOND);
        EXPECT_NE(cells[i], 0);
    }
    stop = 1;
    for (int i = 0; i < THREADS; i++) {
        EXPECT_OK(wait_end(threads[i]));
        EXPECT_OK(zx_handle_close(threads[i]));
    }
}

TEST(ThreadTest, ListedWhileAlive)
{
    zx_handle_t thread = new_thread("f");
    zx_info_handle_basic_t basic = {0};
    zx_koid_t koids[4] = {0};
    size_t actual = 0, avail = 0;
    ASSERT_OK(zx_object_get_info(thread, ZX_INFO_HANDLE_BASIC, &basic, sizeof basic, NULL, NULL));
    EXPECT_EQ(basic.type, ZX_OBJ_TYPE_THREAD);
    EXPECT_OK(zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS_THREADS, koids, sizeof koids,
                                 &actual, &avail));
    EXPECT_EQ(actual, 2);
    EXPECT_EQ(avail, 2);
    EXPECT_TRUE(koids[0] == basic.koid || koids[1] == basic.koid);
    EXPECT_OK(zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS_THREADS, koids, sizeof koids[0],
                                 &actual, &avail));
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(avail, 2);
    ASSERT_OK(zinc_thread_start(thread, store_sum, 0, stacks[0], STACK_SIZE));
    EXPECT_OK(wait_end(thread));
    EXPECT_OK(zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS_THREADS, koids, sizeof koids,
                                 &actual, &avail));
    EXPECT_EQ(avail, 1);
    EXPECT_OK(zx_handle_close(thread));
}

TEST(ThreadTest, InfoChecksTypeAndRights)
{
    zx_handle_t weak;
    zx_info_thread_t info;
    ASSERT_OK(zx_handle_duplicate(zx_thread_self(), ZX_RIGHT_TRANSFER, &weak));
    EXPECT_STATUS(zx_object_get_info(weak, ZX_INFO_THREAD, &info, sizeof info, NULL, NULL),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(
        zx_object_get_info(zx_process_self(), ZX_INFO_THREAD, &info, sizeof info, NULL, NULL),
        ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_object_get_info(zx_thread_self(), ZX_INFO_THREAD, &info, 4, NULL, NULL),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(state_of(zx_thread_self()), ZX_THREAD_STATE_RUNNING);
    EXPECT_OK(zx_handle_close(weak));
}

TEST(ThreadTest, BlockedSleepingInNanosleep)
{
    zx_handle_t thread = new_thread("g");
    stop = 0;
    ASSERT_OK(zinc_thread_start(thread, sleep_until_stopped, 0, stacks[0], STACK_SIZE));
    EXPECT_OK(thread_wait_state(thread, ZX_THREAD_STATE_BLOCKED_SLEEPING));
    EXPECT_EQ(ZX_THREAD_STATE_BASIC(state_of(thread)), ZX_THREAD_STATE_BLOCKED);
    stop = 1;
    EXPECT_OK(wait_end(thread));
    EXPECT_EQ(state_of(thread), ZX_THREAD_STATE_DEAD);
    EXPECT_OK(zx_handle_close(thread));
}

TEST(ThreadTest, BlockedWaitOneThenRunning)
{
    zx_handle_t thread = new_thread("h"), event;
    ASSERT_OK(zx_event_create(0, &event));
    cells[1] = 0;
    stop = 0;
    ASSERT_OK(zinc_thread_start(thread, wait_then_spin, event, stacks[1], STACK_SIZE));
    EXPECT_OK(thread_wait_state(thread, ZX_THREAD_STATE_BLOCKED_WAIT_ONE));
    EXPECT_EQ(cells[1], 0);
    ASSERT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    zx_time_t give_up = zx_clock_get_monotonic() + 10 * SECOND;
    while (cells[1] == 0 && zx_clock_get_monotonic() < give_up)
        zx_nanosleep(zx_clock_get_monotonic() + MILLISECOND);
    EXPECT_EQ(state_of(thread), ZX_THREAD_STATE_RUNNING);
    stop = 1;
    EXPECT_OK(wait_end(thread));
    zx_handle_t handles[] = {thread, event};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}
