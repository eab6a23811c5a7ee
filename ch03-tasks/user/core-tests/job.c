/*: # JobTest

Jobs form a tree that holds every process (Fuchsia's *Job* object page, `zx_job_create`,
`zx_task_kill`):

- `zx_job_create` makes a child of a job whose handle has `ZX_RIGHT_MANAGE_JOB`; options must be 0;
- `ZX_INFO_JOB_CHILDREN` and `ZX_INFO_JOB_PROCESSES` list koids and need `ZX_RIGHT_ENUMERATE`; a
  buffer too small is not an error: `actual` says how many were written, `avail` how many there are;
- killing a job kills every process in it and in the jobs below, with
  `ZX_TASK_RETCODE_SYSCALL_KILL`, and nothing new can be made in it; once all of it is dead, bottom
  up, the job signals `ZX_JOB_TERMINATED`, `ZX_INFO_JOB` says it exited, and it is gone from its
  parent's `ZX_INFO_JOB_CHILDREN`;
- `ZX_JOB_NO_PROCESSES`, `ZX_JOB_NO_JOBS` and `ZX_JOB_NO_CHILDREN` say which of its lists are empty;
  a process leaves the list when it dies, a job when it dies or its last handle goes;
- jobs nest at most 32 deep below the root: past that, `zx_job_create` is `ZX_ERR_OUT_OF_RANGE`;
- `ZX_PROP_JOB_KILL_ON_OOM` is 0 or 1.

The processes here are task-helper (user/task-helper.c), launched with user/lib/launch.c.

Cases that check what a case of Fuchsia's core-tests checks carry its name, group and all: the
lists of children are `JobGetInfoTest`, as in Fuchsia. */
#include "launch.h"
#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "probe.h"
#include "zxtest.h"

#define SECOND 1000000000ll
#define NO_CHILDREN (ZX_JOB_NO_PROCESSES | ZX_JOB_NO_JOBS | ZX_JOB_NO_CHILDREN)

static zx_koid_t koid_of(zx_handle_t h)
{
    zx_info_handle_basic_t info = {0};
    EXPECT_OK(zx_object_get_info(h, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    return info.koid;
}

static zx_handle_t new_job(void)
{
    zx_handle_t job = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_job_create(zx_job_default(), 0, &job));
    return job;
}

static zx_handle_t launch(zx_handle_t job, const char *what)
{
    const char *argv[] = {"task-helper", what};
    zx_handle_t process = ZX_HANDLE_INVALID;
    EXPECT_OK(zinc_launch(job, 2, argv, NULL, 0, &process));
    return process;
}

static int64_t return_code(zx_handle_t process)
{
    zx_info_process_t info = {0};
    EXPECT_OK(zx_object_wait_one(process, ZX_TASK_TERMINATED,
                                 zx_clock_get_monotonic() + 10 * SECOND, NULL));
    EXPECT_OK(zx_object_get_info(process, ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL));
    return info.return_code;
}

TEST(JobTest, CreateMakesAJob)
{
    zx_handle_t job = new_job();
    zx_info_handle_basic_t info = {0};
    ASSERT_OK(zx_object_get_info(job, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.type, ZX_OBJ_TYPE_JOB);
    EXPECT_NE(info.koid, koid_of(zx_job_default()));
    EXPECT_EQ(info.rights & (ZX_RIGHT_MANAGE_JOB | ZX_RIGHT_ENUMERATE | ZX_RIGHT_DESTROY),
              ZX_RIGHT_MANAGE_JOB | ZX_RIGHT_ENUMERATE | ZX_RIGHT_DESTROY);
    EXPECT_OK(zx_handle_close(job));
}

TEST(JobTest, CreateChecksArguments)
{
    zx_handle_t job, event;
    EXPECT_STATUS(zx_job_create(zx_job_default(), 1, &job), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_job_create(ZX_HANDLE_INVALID, 0, &job), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_job_create(zx_job_default(), 0, UNMAPPED), ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_job_create(event, 0, &job), ZX_ERR_WRONG_TYPE);
    EXPECT_OK(zx_handle_close(event));
}

TEST(JobTest, CreateMissingRightsTest)
{
    zx_handle_t weak, job;
    ASSERT_OK(zx_handle_duplicate(zx_job_default(), ZX_RIGHTS_BASIC | ZX_RIGHT_ENUMERATE, &weak));
    EXPECT_STATUS(zx_job_create(weak, 0, &job), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_handle_close(weak));
}

TEST(JobGetInfoTest, InfoJobChildJobsGetChild)
{
    zx_handle_t parent = new_job(), a, b;
    ASSERT_OK(zx_job_create(parent, 0, &a));
    ASSERT_OK(zx_job_create(parent, 0, &b));
    zx_koid_t koids[4] = {0};
    size_t actual = 99, avail = 99;
    EXPECT_OK(
        zx_object_get_info(parent, ZX_INFO_JOB_CHILDREN, koids, sizeof koids, &actual, &avail));
    EXPECT_EQ(actual, 2);
    EXPECT_EQ(avail, 2);
    zx_koid_t ka = koid_of(a), kb = koid_of(b);
    EXPECT_TRUE((koids[0] == ka && koids[1] == kb) || (koids[0] == kb && koids[1] == ka));
    /* Room for one: one written, still two there, and that is not an error. */
    EXPECT_OK(
        zx_object_get_info(parent, ZX_INFO_JOB_CHILDREN, koids, sizeof koids[0], &actual, &avail));
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(avail, 2);
    EXPECT_OK(zx_object_get_info(parent, ZX_INFO_JOB_CHILDREN, NULL, 0, &actual, &avail));
    EXPECT_EQ(actual, 0);
    EXPECT_EQ(avail, 2);
    EXPECT_STATUS(
        zx_object_get_info(parent, ZX_INFO_JOB_CHILDREN, UNMAPPED, sizeof koids, &actual, &avail),
        ZX_ERR_INVALID_ARGS);
    /* A child leaves the list when its last handle goes. */
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(
        zx_object_get_info(parent, ZX_INFO_JOB_CHILDREN, koids, sizeof koids, &actual, &avail));
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(koids[0], koid_of(b));
    zx_handle_t handles[] = {b, parent};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(JobGetInfoTest, InfoJobChildrenRequiresEnumerateRights)
{
    zx_handle_t weak;
    size_t actual;
    zx_koid_t koid;
    ASSERT_OK(zx_handle_duplicate(zx_job_default(), ZX_RIGHTS_BASIC, &weak));
    EXPECT_STATUS(zx_object_get_info(weak, ZX_INFO_JOB_CHILDREN, &koid, sizeof koid, &actual, NULL),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(
        zx_object_get_info(weak, ZX_INFO_JOB_PROCESSES, &koid, sizeof koid, &actual, NULL),
        ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_object_get_info(zx_process_self(), ZX_INFO_JOB_CHILDREN, &koid, sizeof koid,
                                     &actual, NULL),
                  ZX_ERR_WRONG_TYPE);
    EXPECT_OK(zx_handle_close(weak));
}

TEST(JobGetInfoTest, InfoJobProcessesGetChild)
{
    zx_handle_t job = new_job(), process = launch(job, "sleep");
    zx_koid_t koids[2] = {0};
    size_t actual = 0, avail = 0;
    EXPECT_OK(zx_object_get_info(job, ZX_INFO_JOB_PROCESSES, koids, sizeof koids, &actual, &avail));
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(avail, 1);
    EXPECT_EQ(koids[0], koid_of(process));
    EXPECT_OK(zx_task_kill(job));
    EXPECT_EQ(return_code(process), ZX_TASK_RETCODE_SYSCALL_KILL);
    EXPECT_OK(zx_object_get_info(job, ZX_INFO_JOB_PROCESSES, koids, sizeof koids, &actual, &avail));
    EXPECT_EQ(avail, 0);
    zx_handle_t handles[] = {process, job};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(JobTest, KillEndsItsProcesses)
{
    zx_handle_t job = new_job(), sleeper = launch(job, "sleep"), spinner = launch(job, "spin");
    zx_info_job_t info = {0};
    ASSERT_OK(zx_object_get_info(job, ZX_INFO_JOB, &info, sizeof info, NULL, NULL));
    EXPECT_FALSE(info.exited);
    EXPECT_OK(zx_task_kill(job));
    EXPECT_EQ(return_code(sleeper), ZX_TASK_RETCODE_SYSCALL_KILL);
    EXPECT_EQ(return_code(spinner), ZX_TASK_RETCODE_SYSCALL_KILL);
    EXPECT_OK(zx_object_wait_one(job, ZX_JOB_TERMINATED, ZX_TIME_INFINITE, NULL));
    ASSERT_OK(zx_object_get_info(job, ZX_INFO_JOB, &info, sizeof info, NULL, NULL));
    EXPECT_TRUE(info.exited);
    EXPECT_EQ(info.return_code, ZX_TASK_RETCODE_SYSCALL_KILL);
    zx_handle_t handles[] = {sleeper, spinner, job};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(JobTest, KillReachesJobsBelow)
{
    zx_handle_t parent = new_job(), child, process;
    ASSERT_OK(zx_job_create(parent, 0, &child));
    process = launch(child, "sleep");
    EXPECT_OK(zx_task_kill(parent));
    EXPECT_EQ(return_code(process), ZX_TASK_RETCODE_SYSCALL_KILL);
    EXPECT_OK(zx_object_wait_one(child, ZX_JOB_TERMINATED, ZX_TIME_INFINITE, NULL));
    zx_handle_t handles[] = {process, child, parent};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(JobTest, KillJobNoChildTest)
{
    zx_handle_t job = new_job(), child, process, vmar;
    EXPECT_OK(zx_task_kill(job));
    EXPECT_STATUS(zx_job_create(job, 0, &child), ZX_ERR_BAD_STATE);
    EXPECT_STATUS(zx_process_create(job, "late", 4, 0, &process, &vmar), ZX_ERR_BAD_STATE);
    EXPECT_OK(zx_handle_close(job));
}

TEST(JobTest, KillNeedsDestroyRight)
{
    zx_handle_t job = new_job(), weak;
    ASSERT_OK(zx_handle_duplicate(job, ZX_RIGHTS_BASIC, &weak));
    EXPECT_STATUS(zx_task_kill(weak), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_task_kill(ZX_HANDLE_INVALID), ZX_ERR_BAD_HANDLE);
    zx_handle_t handles[] = {weak, job};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(JobTest, InfoNeedsInspect)
{
    zx_handle_t job = new_job(), weak;
    zx_info_job_t info;
    ASSERT_OK(zx_handle_duplicate(job, ZX_RIGHT_TRANSFER, &weak));
    EXPECT_STATUS(zx_object_get_info(weak, ZX_INFO_JOB, &info, sizeof info, NULL, NULL),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_object_get_info(job, ZX_INFO_JOB, &info, sizeof info - 1, NULL, NULL),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_STATUS(
        zx_object_get_info(zx_process_self(), ZX_INFO_JOB, &info, sizeof info, NULL, NULL),
        ZX_ERR_WRONG_TYPE);
    zx_handle_t handles[] = {weak, job};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(JobTest, JobSignals)
{
    zx_handle_t job = new_job(), process, vmar, child;
    EXPECT_EQ(signals_of(job), NO_CHILDREN);
    ASSERT_OK(zx_process_create(job, "p", 1, 0, &process, &vmar));
    EXPECT_EQ(signals_of(job), ZX_JOB_NO_JOBS);
    ASSERT_OK(zx_job_create(job, 0, &child));
    EXPECT_EQ(signals_of(job), 0);
    /* The process never started: its last handle going ends it, and it leaves the job. */
    EXPECT_OK(zx_handle_close(process));
    EXPECT_EQ(signals_of(job), ZX_JOB_NO_PROCESSES);
    EXPECT_OK(zx_handle_close(child));
    EXPECT_EQ(signals_of(job), NO_CHILDREN);
    zx_handle_t handles[] = {vmar, job};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(JobTest, KillTest)
{
    zx_handle_t child, grandchild, process, more, vmar;
    zx_signals_t signals = 0;
    zx_info_job_t info = {0};
    child = new_job();
    ASSERT_OK(zx_job_create(child, 0, &grandchild));
    process = launch(child, "sleep");
    ASSERT_OK(zx_task_kill(child));
    ASSERT_OK(zx_object_wait_one(process, ZX_TASK_TERMINATED, ZX_TIME_INFINITE, &signals));
    EXPECT_EQ(signals, ZX_TASK_TERMINATED);
    ASSERT_OK(zx_object_wait_one(child, ZX_TASK_TERMINATED, ZX_TIME_INFINITE, &signals));
    EXPECT_EQ(signals, ZX_TASK_TERMINATED | NO_CHILDREN);
    ASSERT_OK(zx_object_get_info(child, ZX_INFO_JOB, &info, sizeof info, NULL, NULL));
    EXPECT_TRUE(info.exited);
    EXPECT_EQ(info.return_code, ZX_TASK_RETCODE_SYSCALL_KILL);
    ASSERT_OK(zx_object_get_info(grandchild, ZX_INFO_JOB, &info, sizeof info, NULL, NULL));
    EXPECT_TRUE(info.exited);
    EXPECT_EQ(info.return_code, ZX_TASK_RETCODE_SYSCALL_KILL);
    EXPECT_EQ(return_code(process), ZX_TASK_RETCODE_SYSCALL_KILL);
    EXPECT_STATUS(zx_job_create(child, 0, &more), ZX_ERR_BAD_STATE);
    EXPECT_STATUS(zx_process_create(child, "late", 4, 0, &more, &vmar), ZX_ERR_BAD_STATE);
    zx_handle_t handles[] = {process, grandchild, child};
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

/* The one child job that parent lists, or ZX_KOID_INVALID if it lists none. */
static zx_koid_t only_child(zx_handle_t parent)
{
    zx_koid_t koids[1] = {ZX_KOID_INVALID};
    size_t avail = 0;
    EXPECT_OK(zx_object_get_info(parent, ZX_INFO_JOB_CHILDREN, koids, sizeof koids, NULL, &avail));
    EXPECT_LE(avail, 1);
    return avail ? koids[0] : ZX_KOID_INVALID;
}

TEST(JobTest, KillJobRemovesFromTree)
{
    zx_handle_t parent = new_job(), child;
    ASSERT_OK(zx_job_create(parent, 0, &child));
    EXPECT_EQ(only_child(parent), koid_of(child));
    /* Dead, though its handle is still open: it leaves the tree. */
    ASSERT_OK(zx_task_kill(child));
    ASSERT_OK(zx_object_wait_one(child, ZX_TASK_TERMINATED, ZX_TIME_INFINITE, NULL));
    EXPECT_EQ(only_child(parent), ZX_KOID_INVALID);
    EXPECT_EQ(signals_of(parent), NO_CHILDREN);
    zx_handle_t handles[] = {child, parent};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(JobTest, CloseJobRemovesFromTree)
{
    zx_handle_t parent = new_job(), child;
    ASSERT_OK(zx_job_create(parent, 0, &child));
    EXPECT_EQ(only_child(parent), koid_of(child));
    EXPECT_OK(zx_handle_close(child));
    EXPECT_EQ(only_child(parent), ZX_KOID_INVALID);
    EXPECT_OK(zx_handle_close(parent));
}

TEST(JobTest, KillJobChain)
{
    /* Five jobs, each inside the one before, each with a process. Killed from the top, they die
       from the bottom: when the top one has terminated, all the others have. */
    zx_handle_t jobs[5], processes[5], parent = zx_job_default();
    for (int i = 0; i < 5; i++) {
        ASSERT_OK(zx_job_create(parent, 0, &jobs[i]));
        processes[i] = launch(jobs[i], "sleep");
        parent = jobs[i];
    }
    ASSERT_OK(zx_task_kill(jobs[0]));
    ASSERT_OK(zx_object_wait_one(jobs[0], ZX_TASK_TERMINATED, ZX_TIME_INFINITE, NULL));
    for (int i = 0; i < 5; i++) {
        EXPECT_EQ(signals_of(jobs[i]), ZX_TASK_TERMINATED | NO_CHILDREN);
        EXPECT_EQ(signals_of(processes[i]), ZX_TASK_TERMINATED);
    }
    EXPECT_OK(zx_handle_close_many(processes, 5));
    EXPECT_OK(zx_handle_close_many(jobs, 5));
}

TEST(JobTest, WaitTest)
{
    zx_handle_t job = new_job(), process = launch(job, "sleep");
    zx_signals_t signals = 0;
    size_t avail = 99;
    ASSERT_OK(zx_object_wait_one(job, ZX_JOB_NO_JOBS, ZX_TIME_INFINITE, &signals));
    EXPECT_EQ(signals, ZX_JOB_NO_JOBS);
    zx_nanosleep(zx_clock_get_monotonic() + 5000000);
    ASSERT_OK(zx_task_kill(process));
    ASSERT_OK(zx_object_wait_one(job, ZX_JOB_NO_PROCESSES, ZX_TIME_INFINITE, &signals));
    EXPECT_EQ(signals, NO_CHILDREN);
    /* A dead process is off the list at once, though its handle is still open; the job lives on. */
    EXPECT_OK(zx_object_get_info(job, ZX_INFO_JOB_PROCESSES, NULL, 0, NULL, &avail));
    EXPECT_EQ(avail, 0);
    EXPECT_EQ(signals_of(process), ZX_TASK_TERMINATED);
    zx_handle_t handles[] = {process, job};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

#define PROP ZX_PROP_JOB_KILL_ON_OOM

TEST(JobTest, SetJobOomKillBit)
{
    zx_handle_t job = new_job();
    size_t oom = 1;
    zx_info_job_t info = {0};
    ASSERT_OK(zx_object_set_property(job, PROP, &oom, sizeof oom));
    oom = 7;
    ASSERT_OK(zx_object_get_property(job, PROP, &oom, sizeof oom));
    EXPECT_EQ(oom, 1);
    ASSERT_OK(zx_object_get_info(job, ZX_INFO_JOB, &info, sizeof info, NULL, NULL));
    EXPECT_TRUE(info.kill_on_oom);
    oom = 0;
    ASSERT_OK(zx_object_set_property(job, PROP, &oom, sizeof oom));
    ASSERT_OK(zx_object_get_property(job, PROP, &oom, sizeof oom));
    EXPECT_EQ(oom, 0);
    oom = 2;
    EXPECT_STATUS(zx_object_set_property(job, PROP, &oom, sizeof oom), ZX_ERR_INVALID_ARGS);
    zx_handle_t self = zx_process_self();
    EXPECT_STATUS(zx_object_set_property(self, PROP, &oom, sizeof oom), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_object_get_property(job, PROP, &oom, sizeof oom - 1), ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_OK(zx_handle_close(job));
}

TEST(JobTest, MaxHeightSmoke)
{
    /* Down from this program's job until the height limit: at most 32 levels below the root. */
    enum { MAX_JOBS = 128 };
    static zx_handle_t jobs[MAX_JOBS];
    zx_handle_t parent = zx_job_default(), child, process, vmar;
    int n = 0;
    while (n < MAX_JOBS && zx_job_create(parent, 0, &jobs[n]) == ZX_OK)
        parent = jobs[n++];
    EXPECT_GT(n, 0);
    EXPECT_LE(n, 32);
    EXPECT_STATUS(zx_job_create(parent, 0, &child), ZX_ERR_OUT_OF_RANGE);
    /* The lowest job may not hold a job, but it holds processes. */
    ASSERT_OK(zx_process_create(parent, "test", 4, 0, &process, &vmar));
    zx_handle_t handles[] = {process, vmar};
    EXPECT_OK(zx_handle_close_many(handles, 2));
    while (n > 0)
        EXPECT_OK(zx_handle_close(jobs[--n]));
}
