/*: # ProcessTest

A process is made in a job, started once with its first thread, and ends with a return code
(`zx_process_create`, `zx_process_start`, `zx_process_exit`, `ZX_INFO_PROCESS`):

- the return code is what `zx_process_exit` was given (or `main` returned); a killed process has
  `ZX_TASK_RETCODE_SYSCALL_KILL`, one that faulted with no handler `ZX_TASK_RETCODE_EXCEPTION_KILL`;
- `ZX_INFO_PROCESS` needs `ZX_RIGHT_INSPECT` and tells `STARTED` and `EXITED` apart; an ended
  process asserts `ZX_PROCESS_TERMINATED`; the topic is version 1 of topic 3 (`0x10000003`), the
  only one the reference still defines: version 0, the old record with two `bool`s, is
  `ZX_ERR_NOT_SUPPORTED`;
- starting needs `ZX_RIGHT_WRITE`, a thread of the same process, a process not started yet, and an
  entry that is 0 or a user address; the handle it passes leaves the caller even when starting fails
  (and is closed then); with `ZX_HANDLE_INVALID` instead of a handle, the process starts with none
  at all;
- `zx_task_kill` ends a process whatever it does: spinning in user code, or blocked in the kernel;
- processes that never make a system call still share the CPU: two spin, and a third gets its work
  done.

Cases that check what a case of Fuchsia's core-tests checks carry its name, group and all: the
list of threads is `ProcessGetInfoTest`, as in Fuchsia. */
#include "launch.h"
#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "probe.h"
#include "zxtest.h"

#define SECOND 1000000000ll
#define MILLISECOND 1000000ll

static zx_handle_t launch(zx_handle_t job, const char *what, const char *arg)
{
    const char *argv[] = {"task-helper", what, arg};
    zx_handle_t process = ZX_HANDLE_INVALID;
    EXPECT_OK(zinc_launch(job, arg ? 3 : 2, argv, NULL, 0, &process));
    return process;
}

static zx_info_process_t wait_info(zx_handle_t process)
{
    zx_info_process_t info = {0};
    EXPECT_OK(zx_object_wait_one(process, ZX_PROCESS_TERMINATED,
                                 zx_clock_get_monotonic() + 10 * SECOND, NULL));
    EXPECT_OK(zx_object_get_info(process, ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL));
    return info;
}

TEST(ProcessTest, ReturnCodeOfExit)
{
    zx_handle_t process = launch(zx_job_default(), "exit", "42");
    zx_info_process_t info = wait_info(process);
    EXPECT_EQ(info.return_code, 42);
    EXPECT_EQ(info.flags, ZX_INFO_PROCESS_FLAG_STARTED | ZX_INFO_PROCESS_FLAG_EXITED);
    EXPECT_GT(info.start_time, 0);
    EXPECT_OK(zx_handle_close(process));
}

TEST(ProcessTest, NegativeReturnCode)
{
    zx_handle_t process = launch(zx_job_default(), "exit", "-7");
    EXPECT_EQ(wait_info(process).return_code, -7);
    EXPECT_OK(zx_handle_close(process));
}

TEST(ProcessTest, CreateChecksArguments)
{
    zx_handle_t process, vmar, event, weak;
    EXPECT_STATUS(zx_process_create(zx_job_default(), "p", 1, 1, &process, &vmar),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_process_create(ZX_HANDLE_INVALID, "p", 1, 0, &process, &vmar),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_process_create(zx_job_default(), UNMAPPED, 1, 0, &process, &vmar),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_process_create(zx_job_default(), "p", 1, 0, UNMAPPED, &vmar),
                  ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_process_create(event, "p", 1, 0, &process, &vmar), ZX_ERR_WRONG_TYPE);
    ASSERT_OK(zx_handle_duplicate(zx_job_default(), ZX_RIGHTS_BASIC | ZX_RIGHT_MANAGE_JOB, &weak));
    EXPECT_STATUS(zx_process_create(weak, "p", 1, 0, &process, &vmar), ZX_ERR_ACCESS_DENIED);
    zx_handle_t handles[] = {event, weak};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ProcessTest, LongNameSucceeds)
{
    zx_handle_t process, vmar;
    char name[ZX_MAX_NAME_LEN] = {0};
    const char *longer = "a-name-that-is-longer-than-thirty-one-bytes";
    ASSERT_OK(zx_process_create(zx_job_default(), longer, 43, 0, &process, &vmar));
    EXPECT_OK(zx_object_get_property(process, ZX_PROP_NAME, name, sizeof name));
    EXPECT_EQ(name[ZX_MAX_NAME_LEN - 1], 0);
    EXPECT_EQ(name[ZX_MAX_NAME_LEN - 2], longer[ZX_MAX_NAME_LEN - 2]);
    EXPECT_OK(zx_handle_close(process));
}

TEST(ProcessTest, InfoBeforeAndAfterKillOfUnstarted)
{
    zx_handle_t process, vmar;
    zx_info_process_t info = {0};
    ASSERT_OK(zx_process_create(zx_job_default(), "unstarted", 9, 0, &process, &vmar));
    EXPECT_OK(zx_object_get_info(process, ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.flags, 0);
    EXPECT_STATUS(zx_object_wait_one(process, ZX_PROCESS_TERMINATED, 0, NULL), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_task_kill(process));
    info = wait_info(process);
    EXPECT_EQ(info.flags, ZX_INFO_PROCESS_FLAG_EXITED);
    EXPECT_EQ(info.return_code, ZX_TASK_RETCODE_SYSCALL_KILL);
    EXPECT_OK(zx_handle_close(process));
}

TEST(ProcessTest, InfoChecksTypeRightsAndBuffer)
{
    zx_handle_t weak;
    zx_info_process_t info;
    size_t actual = 9, avail = 9;
    ASSERT_OK(zx_handle_duplicate(zx_process_self(), ZX_RIGHT_TRANSFER, &weak));
    EXPECT_STATUS(zx_object_get_info(weak, ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(
        zx_object_get_info(zx_job_default(), ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL),
        ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS, &info, sizeof info - 1,
                                     &actual, &avail),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(actual, 0);
    EXPECT_EQ(avail, 1);
    EXPECT_STATUS(
        zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS, UNMAPPED, sizeof info, NULL, NULL),
        ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS, &info, sizeof info, &actual,
                                 &avail));
    EXPECT_EQ(info.flags, ZX_INFO_PROCESS_FLAG_STARTED);
    EXPECT_OK(zx_handle_close(weak));
}

TEST(ProcessTest, InfoTopicIsVersionOne)
{
    zx_info_process_t info;
    zx_handle_t self = zx_process_self();
    EXPECT_EQ(ZX_INFO_PROCESS, 0x10000003u);
    EXPECT_STATUS(zx_object_get_info(self, ZX_INFO_TOPIC(3u, 0), &info, sizeof info, NULL, NULL),
                  ZX_ERR_NOT_SUPPORTED);
    EXPECT_OK(zx_object_get_info(self, ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL));
    EXPECT_GT(info.start_time, 0);
}

TEST(ProcessTest, LoadUnknownProgram)
{
    zx_handle_t process, vmar;
    uintptr_t entry, stack;
    ASSERT_OK(zx_process_create(zx_job_default(), "nothing", 7, 0, &process, &vmar));
    EXPECT_STATUS(zinc_process_load(process, "no-such-program", 15, &entry, &stack),
                  ZX_ERR_NOT_FOUND);
    EXPECT_STATUS(zinc_process_load(process, "task-helper", 11, UNMAPPED, &stack),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(process));
}

TEST(ProcessTest, StartChecksItsArguments)
{
    const char *argv[] = {"task-helper", "exit", "3"};
    struct zinc_launch l;
    zx_handle_t event, other, other_thread, vmar, process;
    ASSERT_OK(zinc_launch_prepare(zx_job_default(), 3, argv, NULL, 0, &l));
    ASSERT_OK(zx_process_create(zx_job_default(), "other", 5, 0, &other, &vmar));
    ASSERT_OK(zx_thread_create(other, "t", 1, 0, &other_thread));
    /* A thread of another process: refused, and the passed handle is gone all the same. */
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_process_start(l.process, other_thread, l.entry, l.stack, event, 0),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_handle_close(event), ZX_ERR_BAD_HANDLE);
    /* A value that names no handle (this one was just consumed) is a bad handle; 0 is none at
       all. */
    EXPECT_STATUS(zx_process_start(l.process, l.thread, l.entry, l.stack, event, 0),
                  ZX_ERR_BAD_HANDLE);
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_process_start(other_thread, l.thread, l.entry, l.stack, event, 0),
                  ZX_ERR_WRONG_TYPE);
    /* The real start; then starting again, with another thread of it, is a bad state. */
    zx_handle_t second;
    ASSERT_OK(zx_thread_create(l.process, "second", 6, 0, &second));
    ASSERT_OK(zinc_launch_start(&l, &process));
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_process_start(process, second, 0, 0, event, 0), ZX_ERR_BAD_STATE);
    /* The child's exit ends it, although "second" never ran. */
    EXPECT_EQ(wait_info(process).return_code, 3);
    EXPECT_OK(zx_object_wait_one(second, ZX_THREAD_TERMINATED, 0, NULL));
    zx_handle_t handles[] = {process, second, other_thread, other};
    EXPECT_OK(zx_handle_close_many(handles, 4));
}

/* A process created and loaded with task-helper, not started: its first thread in *thread. */
static zx_handle_t loaded(zx_handle_t *thread, uintptr_t *entry, uintptr_t *stack)
{
    zx_handle_t process = ZX_HANDLE_INVALID, vmar = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_process_create(zx_job_default(), "task-helper", 11, 0, &process, &vmar));
    EXPECT_OK(zinc_process_load(process, "task-helper", 11, entry, stack));
    EXPECT_OK(zx_thread_create(process, "first", 5, 0, thread));
    zx_handle_close(vmar); /* ZX_HANDLE_INVALID before chapter 4 */
    return process;
}

TEST(ProcessTest, ProcessStartNoHandle)
{
    /* With no bootstrap handle, task-helper finds no arguments, and its main returns 0. */
    zx_handle_t thread, process;
    uintptr_t entry, stack;
    process = loaded(&thread, &entry, &stack);
    ASSERT_OK(zx_process_start(process, thread, entry, stack, ZX_HANDLE_INVALID, 0));
    zx_info_process_t info = wait_info(process);
    EXPECT_EQ(info.flags, ZX_INFO_PROCESS_FLAG_STARTED | ZX_INFO_PROCESS_FLAG_EXITED);
    EXPECT_EQ(info.return_code, 0);
    zx_handle_t handles[] = {thread, process};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ProcessTest, ProcessStartNonUserspaceEntry)
{
    zx_handle_t thread, process, event, dup;
    uintptr_t entry, stack;
    process = loaded(&thread, &entry, &stack);
    EXPECT_STATUS(zx_process_start(process, thread, 1, stack, ZX_HANDLE_INVALID, 0),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(
        zx_process_start(process, thread, (uintptr_t)KERNEL_HALF, stack, ZX_HANDLE_INVALID, 0),
        ZX_ERR_INVALID_ARGS);
    /* A handle passed to a start that fails is closed, not left in the process that did not
       start. */
    ASSERT_OK(zx_event_create(0, &event));
    ASSERT_OK(zx_handle_duplicate(event, ZX_RIGHT_SAME_RIGHTS, &dup));
    EXPECT_STATUS(zx_process_start(process, thread, (uintptr_t)KERNEL_HALF, stack, dup, 0),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_FALSE(is_valid(dup));
    EXPECT_EQ(handle_count(event), 1);
    /* The process was never started, and still can be. */
    zx_info_process_t info = {0};
    EXPECT_OK(zx_object_get_info(process, ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.flags, 0);
    ASSERT_OK(zx_process_start(process, thread, entry, stack, ZX_HANDLE_INVALID, 0));
    EXPECT_EQ(wait_info(process).return_code, 0);
    zx_handle_t handles[] = {event, thread, process};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(ProcessTest, LastStartedThreadExitEndsIt)
{
    static const char *const argv[] = {"task-helper", "thread-exit"};
    struct zinc_launch l;
    zx_handle_t process, unstarted;
    ASSERT_OK(zinc_launch_prepare(zx_job_default(), 2, argv, NULL, 0, &l));
    ASSERT_OK(zx_thread_create(l.process, "unstarted", 9, 0, &unstarted));
    ASSERT_OK(zinc_launch_start(&l, &process));
    /* Its only running thread leaves with zx_thread_exit; the thread that never ran keeps nothing
       alive. */
    EXPECT_EQ(wait_info(process).return_code, 0);
    EXPECT_STATUS(zx_thread_start(unstarted, 0x1000, 0x2000, 0, 0), ZX_ERR_BAD_STATE);
    zx_handle_t handles[] = {process, unstarted};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ProcessTest, ClosingAnUnstartedThreadLeavesTheProcessToStart)
{
    static const char *const argv[] = {"task-helper", "exit", "5"};
    struct zinc_launch l;
    zx_handle_t process, spare;
    ASSERT_OK(zinc_launch_prepare(zx_job_default(), 3, argv, NULL, 0, &l));
    ASSERT_OK(zx_thread_create(l.process, "spare", 5, 0, &spare));
    EXPECT_OK(zx_handle_close(spare)); /* the process never ran: it is not over */
    EXPECT_EQ(signals_of(l.process) & ZX_TASK_TERMINATED, 0u);
    ASSERT_OK(zinc_launch_start(&l, &process));
    EXPECT_EQ(wait_info(process).return_code, 5);
    EXPECT_OK(zx_handle_close(process));
}

TEST(ProcessTest, KillSpinning)
{
    zx_handle_t process = launch(zx_job_default(), "spin", NULL);
    EXPECT_OK(zx_nanosleep(zx_clock_get_monotonic() + 20 * MILLISECOND));
    EXPECT_STATUS(zx_object_wait_one(process, ZX_PROCESS_TERMINATED, 0, NULL), ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_task_kill(process));
    EXPECT_EQ(wait_info(process).return_code, ZX_TASK_RETCODE_SYSCALL_KILL);
    EXPECT_OK(zx_task_kill(process)); /* killing a dead process is not an error */
    EXPECT_OK(zx_handle_close(process));
}

TEST(ProcessTest, KillBlockedInTheKernel)
{
    zx_handle_t process = launch(zx_job_default(), "sleep", NULL);
    EXPECT_OK(zx_nanosleep(zx_clock_get_monotonic() + 5 * MILLISECOND));
    EXPECT_OK(zx_task_kill(process));
    EXPECT_EQ(wait_info(process).return_code, ZX_TASK_RETCODE_SYSCALL_KILL);
    EXPECT_OK(zx_handle_close(process));
}

TEST(ProcessTest, KillNeedsDestroyRight)
{
    zx_handle_t weak;
    ASSERT_OK(zx_handle_duplicate(zx_process_self(), ZX_RIGHTS_BASIC, &weak));
    EXPECT_STATUS(zx_task_kill(weak), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_handle_close(weak));
}

TEST(ProcessTest, UnhandledFaultKillsOnlyThatProcess)
{
    zx_handle_t process = launch(zx_job_default(), "fault", NULL);
    EXPECT_EQ(wait_info(process).return_code, ZX_TASK_RETCODE_EXCEPTION_KILL);
    EXPECT_OK(zx_handle_close(process));
}

TEST(ProcessTest, SpinnersDoNotStarveOthers)
{
    zx_handle_t job, spinners[2], worker;
    ASSERT_OK(zx_job_create(zx_job_default(), 0, &job));
    spinners[0] = launch(job, "spin", NULL);
    spinners[1] = launch(job, "spin", NULL);
    worker = launch(job, "work", "5");
    EXPECT_EQ(wait_info(worker).return_code, 5);
    for (int i = 0; i < 2; i++)
        EXPECT_STATUS(zx_object_wait_one(spinners[i], ZX_PROCESS_TERMINATED, 0, NULL),
                      ZX_ERR_TIMED_OUT);
    EXPECT_OK(zx_task_kill(job));
    for (int i = 0; i < 2; i++)
        EXPECT_EQ(wait_info(spinners[i]).return_code, ZX_TASK_RETCODE_SYSCALL_KILL);
    zx_handle_t handles[] = {spinners[0], spinners[1], worker, job};
    EXPECT_OK(zx_handle_close_many(handles, 4));
}

TEST(ProcessGetInfoTest, InfoProcessThreadsSelfSuceeds)
{
    zx_koid_t koids[4] = {0};
    size_t actual = 0, avail = 0;
    zx_info_handle_basic_t self = {0};
    zx_handle_t weak;
    ASSERT_OK(
        zx_object_get_info(zx_thread_self(), ZX_INFO_HANDLE_BASIC, &self, sizeof self, NULL, NULL));
    EXPECT_OK(zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS_THREADS, koids, sizeof koids,
                                 &actual, &avail));
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(avail, 1);
    EXPECT_EQ(koids[0], self.koid);
    ASSERT_OK(zx_handle_duplicate(zx_process_self(), ZX_RIGHTS_BASIC, &weak));
    EXPECT_STATUS(
        zx_object_get_info(weak, ZX_INFO_PROCESS_THREADS, koids, sizeof koids, &actual, &avail),
        ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_handle_close(weak));
}
