/*: # task-demo: jobs, processes, threads and an exception

Chapter 3's demo, the program userboot starts when the boot arguments name none (`make run`,
`make qemu`). From the root job it gets at start-up, it makes a job, launches processes of the boot
filesystem in it, runs threads of its own, and prints the koids and the exit codes it sees:

1. a child process (task-helper) that ends with a return code of its choice;
2. two threads of this process that add up numbers and exit;
3. a child that faults: the demo catches the exception on the job's exception channel, then lets it
   pass on (`TRY_NEXT`); no handler is left above, so the kernel kills the child and says why;
4. a child that spins for ever, stopped by `task_kill` on its job. */
#include <stdio.h>

#include "launch.h"
#include "zircon/exception.h"
#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/task.h"

#define STACK_SIZE 16384

static char stacks[2][STACK_SIZE] __attribute__((aligned(16)));
static volatile unsigned long sums[2];

static zx_koid_t koid_of(zx_handle_t h)
{
    zx_info_handle_basic_t info = {0};
    zx_object_get_info(h, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL);
    return info.koid;
}

static void add_up(uintptr_t which)
{
    unsigned long sum = 0;
    for (unsigned long i = 1; i <= 1000 * (which + 1); i++)
        sum += i;
    sums[which] = sum;
}

static void run_child(zx_handle_t job, const char *const *argv, int argc)
{
    zx_handle_t process;
    int64_t code = 0;
    zx_status_t status = zinc_launch(job, argc, argv, NULL, 0, &process);
    if (status != ZX_OK) {
        printf("task-demo: cannot launch %s: %d\n", argv[0], status);
        return;
    }
    printf("task-demo: launched %s %s, process koid %lu\n", argv[0], argv[1],
           (unsigned long)koid_of(process));
    zinc_process_wait(process, &code);
    printf("task-demo: process %lu exited with return code %ld\n", (unsigned long)koid_of(process),
           (long)code);
    zx_handle_close(process);
}

static void run_threads(void)
{
    zx_handle_t threads[2];
    for (int i = 0; i < 2; i++) {
        zx_thread_create(zx_process_self(), "adder", 5, 0, &threads[i]);
        zinc_thread_start(threads[i], add_up, i, stacks[i], STACK_SIZE);
    }
    for (int i = 0; i < 2; i++) {
        zx_info_thread_t info = {0};
        zx_object_wait_one(threads[i], ZX_THREAD_TERMINATED, ZX_TIME_INFINITE, NULL);
        zx_object_get_info(threads[i], ZX_INFO_THREAD, &info, sizeof info, NULL, NULL);
        printf("task-demo: thread %lu added up to %lu and exited (state %u: dead)\n",
               (unsigned long)koid_of(threads[i]), sums[i], info.state);
        zx_handle_close(threads[i]);
    }
}

static void catch_fault(zx_handle_t job)
{
    static const char *const argv[] = {"task-helper", "fault"};
    zx_handle_t channel, process, exception;
    zx_exception_info_t info;
    int64_t code = 0;
    zx_task_create_exception_channel(job, 0, &channel);
    if (zinc_launch(job, 2, argv, NULL, 0, &process) != ZX_OK)
        return;
    printf("task-demo: launched task-helper fault, process koid %lu\n",
           (unsigned long)koid_of(process));
    zx_object_wait_one(channel, ZX_CHANNEL_READABLE, ZX_TIME_INFINITE, NULL);
    if (zx_channel_read(channel, 0, &info, &exception, sizeof info, 1, NULL, NULL) == ZX_OK) {
        printf("task-demo: caught exception 0x%x of thread %lu in process %lu; passing it on\n",
               info.type, (unsigned long)info.tid, (unsigned long)info.pid);
        /* its state is TRY_NEXT: the root job is next, and nobody listens there */
        zx_handle_close(exception);
    }
    zinc_process_wait(process, &code);
    printf("task-demo: process %lu exited with return code %ld\n", (unsigned long)koid_of(process),
           (long)code);
    zx_handle_close(process);
    zx_handle_close(channel);
}

static void kill_spinner(zx_handle_t job)
{
    static const char *const argv[] = {"task-helper", "spin"};
    zx_handle_t process;
    int64_t code = 0;
    if (zinc_launch(job, 2, argv, NULL, 0, &process) != ZX_OK)
        return;
    printf("task-demo: launched task-helper spin, process koid %lu\n",
           (unsigned long)koid_of(process));
    /* it spins; this thread still gets its turn */
    zx_nanosleep(zx_clock_get_monotonic() + 30000000);
    zx_task_kill(job);
    zinc_process_wait(process, &code);
    printf("task-demo: killed job %lu: process %lu exited with return code %ld\n",
           (unsigned long)koid_of(job), (unsigned long)koid_of(process), (long)code);
    zx_handle_close(process);
}

int main(int argc, char **argv)
{
    static const char *const exit_argv[] = {"task-helper", "exit", "42"};
    zx_handle_t job;
    printf("task-demo: process %lu in job %lu\n", (unsigned long)koid_of(zx_process_self()),
           (unsigned long)koid_of(zx_job_default()));
    if (zx_job_create(zx_job_default(), 0, &job) != ZX_OK)
        return 1;
    printf("task-demo: created job %lu\n", (unsigned long)koid_of(job));
    run_child(job, exit_argv, 3);
    run_threads();
    catch_fault(job);
    kill_spinner(job);
    zx_handle_close(job);
    printf("task-demo: done\n");
    return 0;
}
