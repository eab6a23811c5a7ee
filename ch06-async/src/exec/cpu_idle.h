/*: # How a CPU idles, and is woken

When an executor's run queue is empty its CPU has nothing to do until some waker queues a task: a
timer's interrupt, another CPU's system call. It must then sleep without spinning, and be woken by
the waker that brings work. This file is the only place that knows how; the executor only says
"sleep" and "kick". Today a CPU's executor runs on a kernel thread, so sleeping is parking that
thread (`hal_thread_park`) and a kick is `hal_thread_wake`, whose token keeps a kick that comes
before the sleep: the executor announces that it will sleep, under its lock, before it sleeps, and
a waker that finds it announced kicks it. When each CPU comes up with an executor of its own and
idles with `hlt` or `wfi`, these four functions are what change.

A `struct exec_cpu` lives on the stack of `executor_run` for as long as the CPU runs that
executor. */
#ifndef ZINC_EXEC_CPU_IDLE_H
#define ZINC_EXEC_CPU_IDLE_H

#include "hal/hal.h"

struct exec_cpu {
    struct hal_thread *thread;
    struct exec_cpu *next; /* executor's lock: the executor's list of sleeping CPUs */
    bool kicked;           /* executor's lock: taken off that list by a waker */
};

/* Describe the calling CPU. */
void exec_cpu_init(struct exec_cpu *cpu);

/* Sleep until kicked or until deadline. Returns true if kicked. Without locks held. */
bool exec_cpu_sleep(struct exec_cpu *cpu, uint64_t deadline);

/* Wake cpu, or make its next sleep return at once. From anywhere, locks held or not. */
void exec_cpu_kick(struct exec_cpu *cpu);

/* Undo a kick that came after exec_cpu_sleep returned for its deadline. Never sleeps. */
void exec_cpu_forget_kick(struct exec_cpu *cpu);

#endif
