/*: # Scheduling calls

What a Linux program may ask of the scheduler, answered for chapter 6's: every thread is a task on
a run queue shared by all CPUs, preempted by the timer, with no priorities and no pinning.

- `sched_yield` gives the CPU up: the thread sleeps a microsecond, which puts it at the back of
  the run queue. Returning at once would do on bare metal, where the timer takes the CPU away from
  a thread that spins; but the LibOS's timer does not interrupt a thread that traps as often as it
  spins, and two threads spinning on `sched_yield` (glibc's and musl's locks, a program waiting for
  a flag) kept every other thread of the process from running: its `exit` never ran.
- `sched_getaffinity` answers the CPUs there are, which is what C libraries use it for (glibc's
  and musl's `sysconf(_SC_NPROCESSORS_ONLN)`, and so `nproc`): the mask has one bit per CPU.
- `sched_setaffinity` accepts any mask that names a CPU there is, and pins nothing: a thread still
  runs wherever a CPU is free.
- `rseq`, restartable sequences (an area per thread where the kernel writes the thread's CPU, and
  a critical section the kernel restarts when it preempts the thread inside it), Zinc does not
  have: it answers `-ENOSYS`, which glibc's start-up takes to mean that there are none, and then
  finds the CPU another way. Served here rather than left to the dispatcher, which would log it at
  the start of every glibc program as a call Zinc does not know: the answer is a choice. */
#include "hal/cpu_count.h"
#include "linux/block.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

#define YIELD_NS 1000 /* a sleep long enough that the thread waits, behind every runnable one */

static int64_t linux_sched_yield(const uint64_t *arg)
{
    return linux_sleep_until(hal_timer_now() + YIELD_NS);
}
LINUX_SYSCALL(sched_yield, linux_sched_yield);

/* The mask of the CPUs there are: at most 64, which is what the kernel's mask holds. */
static uint64_t cpus(void)
{
    unsigned n = hal_cpu_count();
    return n >= 64 ? ~0ull : (1ull << n) - 1;
}

/* A thread of this process, or 0 for the caller; Zinc answers for its own process only. */
static bool known(int tid)
{
    return tid == 0 || tid == linux_thread_current()->tid || tid == linux_current()->pid;
}

/* sched_getaffinity(tid, len, mask): the bytes of the mask written. */
static int64_t linux_sched_getaffinity(const uint64_t *arg)
{
    uint64_t mask = cpus();
    if (arg[1] < sizeof mask || arg[1] % sizeof(uint64_t))
        return -EINVAL;
    if (!known((int)arg[0]))
        return -ESRCH;
    return copy_to_user(arg[2], &mask, sizeof mask) ? -EFAULT : (int64_t)sizeof mask;
}
LINUX_SYSCALL(sched_getaffinity, linux_sched_getaffinity);

static int64_t linux_sched_setaffinity(const uint64_t *arg)
{
    uint64_t mask = 0;
    if (copy_from_user(&mask, arg[2], arg[1] < sizeof mask ? arg[1] : sizeof mask))
        return -EFAULT;
    if (!known((int)arg[0]))
        return -ESRCH;
    return mask & cpus() ? 0 : -EINVAL;
}
LINUX_SYSCALL(sched_setaffinity, linux_sched_setaffinity);

static int64_t linux_rseq(const uint64_t *arg)
{
    return -ENOSYS;
}
LINUX_SYSCALL(rseq, linux_rseq);
