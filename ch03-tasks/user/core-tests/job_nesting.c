/*: # JobTest: jobs nested as deep as they may go

A program may nest jobs as deep as the kernel lets the tree grow: 32 levels below the root, as in
Fuchsia, which is also what bounds the kernel's own recursion when it kills a tree (task/job.c). The
test asks for far more and stops where the kernel says `ZX_ERR_OUT_OF_RANGE`. Killing the outermost
job must still reach a process in the innermost, and closing the last handles must destroy the whole
chain, which the kernel does in a loop (object/kobject.c), never with a kernel stack frame per
level. */
#include "launch.h"
#include "probe.h"
#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zxtest.h"

#define DEPTH 10000
#define SECOND 1000000000ll

TEST(JobTest, KillReachesDeeplyNestedJobs)
{
    zx_handle_t outer, job, child, process = ZX_HANDLE_INVALID;
    ASSERT_OK(zx_job_create(zx_job_default(), 0, &outer));
    job = outer;
    for (int depth = 1; depth < DEPTH; depth++) {
        zx_status_t status = zx_job_create(job, 0, &child);
        if (status == ZX_ERR_OUT_OF_RANGE) /* as high as the kernel lets a tree grow */
            break;
        ASSERT_OK(status);
        if (job != outer)
            EXPECT_OK(zx_handle_close(job)); /* a child keeps its parent */
        job = child;
    }
    const char *argv[] = {"task-helper", "sleep"};
    ASSERT_OK(zinc_launch(job, 2, argv, NULL, 0, &process));
    EXPECT_OK(zx_task_kill(outer));
    zx_info_process_t info = {0};
    zx_time_t deadline = zx_clock_get_monotonic() + 10 * SECOND;
    EXPECT_OK(zx_object_wait_one(process, ZX_TASK_TERMINATED, deadline, NULL));
    EXPECT_OK(zx_object_get_info(process, ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.return_code, ZX_TASK_RETCODE_SYSCALL_KILL);
    /* The job dies after its last process has left it, which may be a moment after the process
       signalled its own end. */
    EXPECT_OK(zx_object_wait_one(job, ZX_JOB_TERMINATED, deadline, NULL));
    zx_handle_t all[] = {process, job, outer};
    EXPECT_OK(zx_handle_close_many(all, 3));
}
