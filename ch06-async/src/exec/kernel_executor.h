/*: # The kernel's executor

One executor runs the kernel's tasks, the user threads among them, on kernel threads started at
boot, one per CPU the kernel runs tasks on. A test may make executors of its own; this one never
stops: it keeps a task that never finishes, so that `executor_run` never returns for want of
work and its CPUs idle instead. */
#ifndef ZINC_EXEC_KERNEL_EXECUTOR_H
#define ZINC_EXEC_KERNEL_EXECUTOR_H

#include "exec/executor.h"

extern struct executor kernel_executor;

#endif
