/*: # What a user thread costs: a futex round trip, and the memory of a blocked thread

The benchmark that chapter 6 is measured by, written here so that it runs on chapter 5's kernel as
well, where every user thread is a kernel thread, and then unchanged on chapter 6's, where every
user thread is a task (chapter 6's `make bench` runs it on both, chapter 5's build first: its
Makefile's `BENCH_BESIDE`). The user program `futex-pingpong` does the work; the kernel starts
it (task/userboot.h) and reads the result.

- The round trip between two user threads of one process taking turns through a futex: the
  program's return code, in nanoseconds, from which the rate follows.
- The memory a blocked thread costs: the kernel's memory in use (memory_probe.h) when the program
  has made everything but its threads, and again when its threads are all blocked in
  `zx_futex_wait`, divided by their number. It covers what the kernel keeps for a thread: the
  thread object and its handle, its wait, and what runs it (a kernel stack, or a task and its
  suspended call). From that, how many blocked threads 256 MiB would hold; unless the kernel
  ran out of threads first, as chapter 5 does on bare metal, whose kernel stacks are a fixed pool
  in the kernel image (and so not counted in the frames in use either). */
#include "kernel/kbench.h"
#include "memory_probe.h"
#include "object/wait.h"
#include "task/userboot.h"

#define ROUNDS 2000
#define BLOCKED 200 /* threads (LibOS runs at most 256 host threads in user code at once) */
#define WORD(n) #n
#define ARG(n) WORD(n)
#define GIVE_UP_NS 300000000000ull /* 5 minutes, for an emulated machine: a bench never hangs */

/* Run futex-pingpong with args to its end: its return code, or -1. */
static int64_t run(const char *args, void (*during)(struct process *p))
{
    struct process *p;
    zx_signals_t seen;
    if (userboot_launch("futex-pingpong", args, &p) != ZX_OK)
        return -1;
    if (during)
        during(p);
    zx_status_t status = object_wait_here(&p->base, ZX_TASK_TERMINATED,
                                          hal_timer_now() + GIVE_UP_NS, &seen);
    int64_t code = status == ZX_OK ? p->return_code : -1;
    kobject_unref(&p->base);
    return code;
}

static uint64_t before, after;

/* Wait for the program's signal, read the memory in use, and answer with reply. */
static uint64_t look_when(struct process *p, zx_signals_t signal, zx_signals_t reply)
{
    zx_signals_t seen;
    object_wait_here(&p->base, signal | ZX_TASK_TERMINATED, hal_timer_now() + GIVE_UP_NS, &seen);
    uint64_t bytes = memory_in_use();
    kobject_signal(&p->base, 0, reply);
    return bytes;
}

static void weigh(struct process *p)
{
    before = look_when(p, ZX_USER_SIGNAL_0, ZX_USER_SIGNAL_1);
    after = look_when(p, ZX_USER_SIGNAL_2, ZX_USER_SIGNAL_3);
}

KBENCH(user_threads)
{
    int64_t ns = run("futex-pingpong rounds " ARG(ROUNDS), NULL);
    kbench_report("futex round trip between two user threads", ns > 0 ? (uint64_t)ns : 0, "ns");
    kbench_report("  so, round trips per second", ns > 0 ? 1000000000ull / (uint64_t)ns : 0, "");
    int64_t blocked = run("futex-pingpong block " ARG(BLOCKED), weigh);
    if (blocked <= 0 || after <= before) {
        kbench_report("user threads blocked: none (an error)", 0, "");
        return;
    }
    uint64_t each = (after - before) / (uint64_t)blocked;
    kbench_report("user threads blocked in zx_futex_wait at once", (uint64_t)blocked, "");
    kbench_report("kernel memory per blocked user thread", each, "bytes");
    if (blocked < BLOCKED) /* chapter 5 on bare metal: its pool of kernel stacks is the limit */
        kbench_report("  the kernel ran out of threads; asked for", BLOCKED, "");
    else
        kbench_report("  so, blocked threads that fit in 256 MiB", (256ull << 20) / each, "");
}
