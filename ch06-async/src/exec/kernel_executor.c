/*: # The kernel's executor, started

At boot, after every subsystem is ready (`INIT_LATE`), the kernel's executor gets its task that
never finishes and its CPUs: kernel threads that run it for ever, one per CPU (hal/cpu_count.h). On
bare metal every CPU has been brought up by then (`INIT_KERNEL`), and the threads spread over them
from the one run queue; on LibOS each is a host thread, one per core of the host. */
#include "exec/kernel_executor.h"

#include "hal/cpu_count.h"
#include "kernel/init.h"
#include "kernel/panic.h"

struct executor kernel_executor;

/* The task that keeps the executor running: polled once, pending for ever, never woken. */
static enum poll never_ready(struct future *f, struct waker w)
{
    (void)f;
    (void)w;
    return POLL_PENDING;
}

static struct future forever = {.poll = never_ready};
static struct task keeper;

static void run_kernel_executor(void *arg)
{
    (void)arg;
    executor_run(&kernel_executor, HAL_NO_DEADLINE);
    panic("the kernel's executor ran out of tasks");
}

static void kernel_executor_init(void)
{
    executor_init(&kernel_executor);
    task_spawn(&kernel_executor, &keeper, &forever);
    for (unsigned i = 0, cpus = hal_cpu_count(); i < cpus; i++)
        if (hal_thread_spawn(run_kernel_executor, NULL) != 0)
            panic("no kernel thread for the kernel's executor");
}
INIT_STEP(kernel_executor_init, INIT_LATE);
