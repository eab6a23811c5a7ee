/*: # ExceptionTest

A faulting thread stops, and its exception goes to the exception channels of the thread, its process
and its jobs in turn (`zx_task_create_exception_channel`, `zx_exception_get_thread`,
`ZX_PROP_EXCEPTION_STATE`, Fuchsia's *Exception handling* concept page):

- the channel needs `INSPECT`, `DUPLICATE`, `TRANSFER`, `MANAGE_THREAD` on the task, and `ENUMERATE`
  on a process or a job; its listener end has `TRANSFER`, `WAIT` and `READ`; one channel per task at
  a time;
- a message carries a `zx_exception_info_t` and one exception handle; the thread is
  BLOCKED_EXCEPTION until that handle closes, and then resumes (`HANDLED`), ends (`THREAD_EXIT`) or
  goes to the next handler (`TRY_NEXT`, the default, also what closing the channel with the message
  unread does);
- with no handler left, the process is killed with `ZX_TASK_RETCODE_EXCEPTION_KILL`;
- a thread whose process is killed while its exception is out just ends: the exception goes to no
  other handler (a thread cannot be killed alone: `zx_task_kill` is for jobs and processes).

Faults of this program's own threads are caught on their thread channels (an uncaught one would end
the test program); a fault nobody catches is left to a child, task-helper. */
#include "launch.h"
#include "zinc_arch.h"
#include "zircon/exception.h"
#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "probe.h"
#include "zxtest.h"

#define BREAKPOINT ZINC_BREAKPOINT /* the one thing here that depends on the architecture */

#define SECOND 1000000000ll
#define STACK_SIZE 8192
#define LISTENER_RIGHTS (ZX_RIGHT_TRANSFER | ZX_RIGHT_WAIT | ZX_RIGHT_READ)

static char stack[STACK_SIZE] __attribute__((aligned(16)));
static volatile int progress;

static zx_koid_t koid_of(zx_handle_t h)
{
    zx_info_handle_basic_t info = {0};
    EXPECT_OK(zx_object_get_info(h, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    return info.koid;
}

static zx_info_thread_t thread_info(zx_handle_t thread)
{
    zx_info_thread_t info = {0};
    EXPECT_OK(zx_object_get_info(thread, ZX_INFO_THREAD, &info, sizeof info, NULL, NULL));
    return info;
}

static void fault(uintptr_t unused)
{
    progress = 1;
    *(volatile int *)0 = 1;
    progress = 2; /* only if a handler resumed the thread and the store worked: never */
}

static void breakpoint(uintptr_t unused)
{
    progress = 1;
    __asm__ volatile(BREAKPOINT);
    progress = 2;
}

/* A new thread of this process running fn, with an exception channel bound to it first. */
static zx_handle_t start_caught(void (*fn)(uintptr_t), zx_handle_t *channel)
{
    zx_handle_t thread = ZX_HANDLE_INVALID;
    progress = 0;
    EXPECT_OK(zx_thread_create(zx_process_self(), "caught", 6, 0, &thread));
    EXPECT_OK(zx_task_create_exception_channel(thread, 0, channel));
    EXPECT_OK(zinc_thread_start(thread, fn, 0, stack, STACK_SIZE));
    return thread;
}

/* The next exception on channel. */
static zx_status_t next_exception(zx_handle_t channel, zx_exception_info_t *info,
                                  zx_handle_t *exception)
{
    uint32_t bytes = 0, handles = 0;
    zx_status_t status = zx_object_wait_one(channel, ZX_CHANNEL_READABLE,
                                            zx_clock_get_monotonic() + 10 * SECOND, NULL);
    if (status == ZX_OK)
        status = zx_channel_read(channel, 0, info, exception, sizeof *info, 1, &bytes, &handles);
    if (status == ZX_OK && (bytes != sizeof *info || handles != 1))
        status = ZX_ERR_INTERNAL;
    return status;
}

static void close_with(zx_handle_t exception, uint32_t state)
{
    EXPECT_OK(zx_object_set_property(exception, ZX_PROP_EXCEPTION_STATE, &state, sizeof state));
    EXPECT_OK(zx_handle_close(exception));
}

static zx_status_t wait_end(zx_handle_t task)
{
    return zx_object_wait_one(task, ZX_TASK_TERMINATED, zx_clock_get_monotonic() + 10 * SECOND,
                              NULL);
}

TEST(ExceptionTest, ChannelHasListenerRights)
{
    zx_handle_t thread, channel;
    zx_info_handle_basic_t info = {0};
    ASSERT_OK(zx_thread_create(zx_process_self(), "t", 1, 0, &thread));
    ASSERT_OK(zx_task_create_exception_channel(thread, 0, &channel));
    ASSERT_OK(zx_object_get_info(channel, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.type, ZX_OBJ_TYPE_CHANNEL);
    EXPECT_EQ(info.rights, LISTENER_RIGHTS);
    EXPECT_STATUS(zx_channel_write(channel, 0, "x", 1, NULL, 0), ZX_ERR_ACCESS_DENIED);
    zx_handle_t handles[] = {channel, thread};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ExceptionTest, OneChannelAtATime)
{
    zx_handle_t thread, first, second;
    ASSERT_OK(zx_thread_create(zx_process_self(), "t", 1, 0, &thread));
    ASSERT_OK(zx_task_create_exception_channel(thread, 0, &first));
    EXPECT_STATUS(zx_task_create_exception_channel(thread, 0, &second), ZX_ERR_ALREADY_BOUND);
    EXPECT_OK(zx_handle_close(first));
    ASSERT_OK(zx_task_create_exception_channel(thread, 0, &second));
    zx_handle_t handles[] = {second, thread};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ExceptionTest, ChannelChecksArguments)
{
    zx_handle_t thread, weak, event, channel;
    ASSERT_OK(zx_thread_create(zx_process_self(), "t", 1, 0, &thread));
    EXPECT_STATUS(zx_task_create_exception_channel(thread, 1, &channel), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_task_create_exception_channel(ZX_HANDLE_INVALID, 0, &channel),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_task_create_exception_channel(thread, 0, UNMAPPED), ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_task_create_exception_channel(event, 0, &channel), ZX_ERR_WRONG_TYPE);
    ASSERT_OK(zx_handle_duplicate(thread, ZX_RIGHTS_BASIC, &weak));
    EXPECT_STATUS(zx_task_create_exception_channel(weak, 0, &channel), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_handle_close(weak));
    /* A process needs ENUMERATE as well; MANAGE_THREAD and the basic rights are not enough. */
    ASSERT_OK(
        zx_handle_duplicate(zx_process_self(), ZX_RIGHTS_BASIC | ZX_RIGHT_MANAGE_THREAD, &weak));
    EXPECT_STATUS(zx_task_create_exception_channel(weak, 0, &channel), ZX_ERR_ACCESS_DENIED);
    zx_handle_t handles[] = {weak, event, thread};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(ExceptionTest, PageFaultIsDelivered)
{
    zx_handle_t channel, exception, got;
    zx_exception_info_t info;
    zx_handle_t thread = start_caught(fault, &channel);
    ASSERT_OK(next_exception(channel, &info, &exception));
    EXPECT_EQ(info.type, ZX_EXCP_FATAL_PAGE_FAULT);
    EXPECT_EQ(info.tid, koid_of(thread));
    EXPECT_EQ(info.pid, koid_of(zx_process_self()));
    zx_info_handle_basic_t basic = {0};
    EXPECT_OK(
        zx_object_get_info(exception, ZX_INFO_HANDLE_BASIC, &basic, sizeof basic, NULL, NULL));
    EXPECT_EQ(basic.type, ZX_OBJ_TYPE_EXCEPTION);
    EXPECT_EQ(basic.rights, ZX_DEFAULT_EXCEPTION_RIGHTS);
    zx_info_thread_t ti = thread_info(thread);
    EXPECT_EQ(ti.state, ZX_THREAD_STATE_BLOCKED_EXCEPTION);
    EXPECT_EQ(ti.wait_exception_channel_type, ZX_EXCEPTION_CHANNEL_TYPE_THREAD);
    /* A thread's channel hands out the thread, with the rights it was made with, but not the
       process. */
    ASSERT_OK(zx_exception_get_thread(exception, &got));
    EXPECT_EQ(koid_of(got), koid_of(thread));
    EXPECT_OK(zx_handle_close(got));
    EXPECT_STATUS(zx_exception_get_process(exception, &got), ZX_ERR_ACCESS_DENIED);
    close_with(exception, ZX_EXCEPTION_STATE_THREAD_EXIT);
    EXPECT_OK(wait_end(thread));
    EXPECT_EQ(progress, 1);
    EXPECT_EQ(thread_info(thread).state, ZX_THREAD_STATE_DEAD);
    /* The thread's end closes the kernel's end of its channel. */
    EXPECT_OK(zx_object_wait_one(channel, ZX_CHANNEL_PEER_CLOSED, 0, NULL));
    zx_handle_t handles[] = {channel, thread};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ExceptionTest, StateProperty)
{
    zx_handle_t channel, exception, event;
    zx_exception_info_t info;
    uint32_t state = 99;
    zx_handle_t thread = start_caught(fault, &channel);
    ASSERT_OK(next_exception(channel, &info, &exception));
    EXPECT_OK(zx_object_get_property(exception, ZX_PROP_EXCEPTION_STATE, &state, sizeof state));
    EXPECT_EQ(state, ZX_EXCEPTION_STATE_TRY_NEXT);
    state = 3;
    EXPECT_STATUS(zx_object_set_property(exception, ZX_PROP_EXCEPTION_STATE, &state, sizeof state),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_set_property(exception, ZX_PROP_EXCEPTION_STATE, &state, 2),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_STATUS(zx_object_get_property(exception, ZX_PROP_EXCEPTION_STATE, &state, 2),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_STATUS(
        zx_object_get_property(exception, ZX_PROP_EXCEPTION_STATE, UNMAPPED, sizeof state),
        ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_exception_get_thread(event, &state), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_exception_get_thread(ZX_HANDLE_INVALID, &state), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_exception_get_thread(exception, UNMAPPED), ZX_ERR_INVALID_ARGS);
    close_with(exception, ZX_EXCEPTION_STATE_THREAD_EXIT);
    EXPECT_OK(wait_end(thread));
    zx_handle_t handles[] = {event, channel, thread};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(ExceptionTest, HandledBreakpointGoesOn)
{
    zx_handle_t channel, exception;
    zx_exception_info_t info;
    zx_handle_t thread = start_caught(breakpoint, &channel);
    ASSERT_OK(next_exception(channel, &info, &exception));
    EXPECT_EQ(info.type, ZX_EXCP_SW_BREAKPOINT);
    EXPECT_EQ(progress, 1);
    close_with(exception, ZX_EXCEPTION_STATE_HANDLED);
    EXPECT_OK(wait_end(thread));
    EXPECT_EQ(progress, 2);
    zx_handle_t handles[] = {channel, thread};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ExceptionTest, HandledFaultIsRetried)
{
    zx_handle_t channel, exception;
    zx_exception_info_t first, second;
    zx_handle_t thread = start_caught(fault, &channel);
    ASSERT_OK(next_exception(channel, &first, &exception));
    close_with(exception, ZX_EXCEPTION_STATE_HANDLED);
    /* Nothing fixed the cause: the store faults again, and the same thread reports it again. */
    ASSERT_OK(next_exception(channel, &second, &exception));
    EXPECT_EQ(second.tid, first.tid);
    EXPECT_EQ(second.type, ZX_EXCP_FATAL_PAGE_FAULT);
    EXPECT_EQ(progress, 1);
    close_with(exception, ZX_EXCEPTION_STATE_THREAD_EXIT);
    EXPECT_OK(wait_end(thread));
    zx_handle_t handles[] = {channel, thread};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ExceptionTest, TryNextGoesToTheProcess)
{
    zx_handle_t channel, process_channel, exception, got;
    zx_exception_info_t info;
    ASSERT_OK(zx_task_create_exception_channel(zx_process_self(), 0, &process_channel));
    zx_handle_t thread = start_caught(fault, &channel);
    ASSERT_OK(next_exception(channel, &info, &exception));
    close_with(exception, ZX_EXCEPTION_STATE_TRY_NEXT);
    ASSERT_OK(next_exception(process_channel, &info, &exception));
    EXPECT_EQ(info.tid, koid_of(thread));
    EXPECT_EQ(thread_info(thread).wait_exception_channel_type, ZX_EXCEPTION_CHANNEL_TYPE_PROCESS);
    ASSERT_OK(zx_exception_get_process(exception, &got));
    EXPECT_EQ(koid_of(got), koid_of(zx_process_self()));
    EXPECT_OK(zx_handle_close(got));
    close_with(exception, ZX_EXCEPTION_STATE_THREAD_EXIT);
    EXPECT_OK(wait_end(thread));
    zx_handle_t handles[] = {process_channel, channel, thread};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(ExceptionTest, ClosedChannelPassesItOn)
{
    zx_handle_t channel, process_channel, exception;
    zx_exception_info_t info;
    ASSERT_OK(zx_task_create_exception_channel(zx_process_self(), 0, &process_channel));
    zx_handle_t thread = start_caught(fault, &channel);
    ASSERT_OK(zx_object_wait_one(channel, ZX_CHANNEL_READABLE,
                                 zx_clock_get_monotonic() + 10 * SECOND, NULL));
    EXPECT_OK(zx_handle_close(channel)); /* with the message unread */
    ASSERT_OK(next_exception(process_channel, &info, &exception));
    EXPECT_EQ(info.tid, koid_of(thread));
    close_with(exception, ZX_EXCEPTION_STATE_THREAD_EXIT);
    EXPECT_OK(wait_end(thread));
    zx_handle_t handles[] = {process_channel, thread};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

/* A child, task-helper, that faults at once, in job, its exception caught on its process channel:
   *process and *thread receive its handles. */
static zx_status_t launch_caught(zx_handle_t job, zx_handle_t *channel, zx_handle_t *process,
                                 zx_handle_t *thread)
{
    const char *argv[] = {"task-helper", "fault"};
    struct zinc_launch l;
    zx_status_t status = zinc_launch_prepare(job, 2, argv, NULL, 0, &l);
    if (status == ZX_OK)
        status = zx_handle_duplicate(l.thread, ZX_RIGHT_SAME_RIGHTS, thread);
    if (status == ZX_OK)
        status = zx_task_create_exception_channel(l.process, 0, channel);
    return status == ZX_OK ? zinc_launch_start(&l, process) : status;
}

TEST(ExceptionTest, KillWhileBlockedInException)
{
    zx_handle_t channel, process, thread, exception;
    zx_exception_info_t info;
    zx_info_process_t pinfo = {0};
    ASSERT_OK(launch_caught(zx_job_default(), &channel, &process, &thread));
    ASSERT_OK(next_exception(channel, &info, &exception));
    EXPECT_EQ(thread_info(thread).state, ZX_THREAD_STATE_BLOCKED_EXCEPTION);
    EXPECT_OK(zx_task_kill(process));
    EXPECT_OK(wait_end(thread));
    EXPECT_EQ(thread_info(thread).state, ZX_THREAD_STATE_DEAD);
    EXPECT_OK(wait_end(process));
    EXPECT_OK(zx_object_get_info(process, ZX_INFO_PROCESS, &pinfo, sizeof pinfo, NULL, NULL));
    EXPECT_EQ(pinfo.return_code, ZX_TASK_RETCODE_SYSCALL_KILL);
    close_with(exception, ZX_EXCEPTION_STATE_HANDLED); /* too late to matter, and harmless */
    zx_handle_t handles[] = {channel, process, thread};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(ExceptionTest, KilledThreadGoesToNoOtherHandler)
{
    zx_handle_t job, job_channel, channel, process, thread, exception;
    zx_exception_info_t info;
    ASSERT_OK(zx_job_create(zx_job_default(), 0, &job));
    ASSERT_OK(zx_task_create_exception_channel(job, 0, &job_channel));
    ASSERT_OK(launch_caught(job, &channel, &process, &thread));
    ASSERT_OK(next_exception(channel, &info, &exception));
    /* Killed with its process, and its exception let go (TRY_NEXT, the default) before the
       thread runs again: in Zircon a killed thread just ends; its exception goes on to no other
       handler. */
    EXPECT_OK(zx_task_kill(process));
    EXPECT_OK(zx_handle_close(exception));
    EXPECT_OK(wait_end(thread));
    zx_time_t soon = zx_clock_get_monotonic() + SECOND / 50;
    EXPECT_STATUS(zx_object_wait_one(job_channel, ZX_CHANNEL_READABLE, soon, NULL),
                  ZX_ERR_TIMED_OUT);
    zx_handle_t handles[] = {job_channel, channel, process, thread, job};
    EXPECT_OK(zx_handle_close_many(handles, 5));
}

TEST(ExceptionTest, BadEntryPointFaults)
{
    zx_handle_t thread, channel, exception;
    zx_exception_info_t info;
    ASSERT_OK(zx_thread_create(zx_process_self(), "bad", 3, 0, &thread));
    ASSERT_OK(zx_task_create_exception_channel(thread, 0, &channel));
    /* Entry 0 is accepted, as in Zircon, to make a thread that faults at once; 0x1000 is no user
       address. */
    EXPECT_STATUS(zx_thread_start(thread, 0x1000, (uintptr_t)(stack + STACK_SIZE), 0, 0),
                  ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_thread_start(thread, 0, (uintptr_t)(stack + STACK_SIZE), 0, 0));
    ASSERT_OK(next_exception(channel, &info, &exception));
    EXPECT_EQ(info.type, ZX_EXCP_FATAL_PAGE_FAULT);
    close_with(exception, ZX_EXCEPTION_STATE_THREAD_EXIT);
    EXPECT_OK(wait_end(thread));
    zx_handle_t handles[] = {channel, thread};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ExceptionTest, JobChannelThenNoHandlerKills)
{
    const char *argv[] = {"task-helper", "fault"};
    zx_handle_t job, channel, process, exception, got;
    zx_exception_info_t info;
    zx_info_process_t pinfo = {0};
    ASSERT_OK(zx_job_create(zx_job_default(), 0, &job));
    ASSERT_OK(zx_task_create_exception_channel(job, 0, &channel));
    ASSERT_OK(zinc_launch(job, 2, argv, NULL, 0, &process));
    ASSERT_OK(next_exception(channel, &info, &exception));
    EXPECT_EQ(info.pid, koid_of(process));
    EXPECT_EQ(info.type, ZX_EXCP_FATAL_PAGE_FAULT);
    ASSERT_OK(zx_exception_get_process(exception, &got));
    EXPECT_EQ(koid_of(got), koid_of(process));
    EXPECT_OK(zx_handle_close(got));
    ASSERT_OK(zx_exception_get_thread(exception, &got));
    EXPECT_EQ(koid_of(got), info.tid);
    EXPECT_EQ(thread_info(got).wait_exception_channel_type, ZX_EXCEPTION_CHANNEL_TYPE_JOB);
    EXPECT_OK(zx_handle_close(got));
    EXPECT_OK(zx_handle_close(exception)); /* TRY_NEXT: nobody listens above, so the process dies */
    EXPECT_OK(wait_end(process));
    EXPECT_OK(zx_object_get_info(process, ZX_INFO_PROCESS, &pinfo, sizeof pinfo, NULL, NULL));
    EXPECT_EQ(pinfo.return_code, ZX_TASK_RETCODE_EXCEPTION_KILL);
    zx_handle_t handles[] = {process, channel, job};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(ExceptionTest, ProcessChannelOfAChild)
{
    const char *argv[] = {"task-helper", "fault"};
    struct zinc_launch l;
    zx_handle_t channel, process, exception;
    zx_exception_info_t info;
    ASSERT_OK(zinc_launch_prepare(zx_job_default(), 2, argv, NULL, 0, &l));
    ASSERT_OK(zx_task_create_exception_channel(l.process, 0, &channel));
    ASSERT_OK(zinc_launch_start(&l, &process));
    ASSERT_OK(next_exception(channel, &info, &exception));
    EXPECT_EQ(info.pid, koid_of(process));
    close_with(exception, ZX_EXCEPTION_STATE_THREAD_EXIT);
    /* Its only thread ended: so did the process, with no return code of its own. */
    EXPECT_OK(wait_end(process));
    zx_info_process_t pinfo = {0};
    EXPECT_OK(zx_object_get_info(process, ZX_INFO_PROCESS, &pinfo, sizeof pinfo, NULL, NULL));
    EXPECT_EQ(pinfo.return_code, 0);
    EXPECT_OK(zx_object_wait_one(channel, ZX_CHANNEL_PEER_CLOSED, 0, NULL));
    zx_handle_t handles[] = {process, channel};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}
