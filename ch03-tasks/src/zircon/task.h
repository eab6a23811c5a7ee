/*: # The Zircon ABI: tasks

Jobs, processes and threads, as the system calls and `object_get_info` describe them. Numbers and
layouts are Fuchsia's. */
#ifndef ZIRCON_TASK_H
#define ZIRCON_TASK_H

#include <stdbool.h>

#include "zircon/signals.h"
#include "zircon/thread_state.h"
#include "zircon/types.h"

/* The return code of a process the kernel killed: by task_kill, or for an unhandled exception. */
#define ZX_TASK_RETCODE_SYSCALL_KILL ((int64_t)-1024)
#define ZX_TASK_RETCODE_OOM_KILL ((int64_t)-1025)
#define ZX_TASK_RETCODE_POLICY_KILL ((int64_t)-1026)
#define ZX_TASK_RETCODE_VDSO_KILL ((int64_t)-1027)
#define ZX_TASK_RETCODE_EXCEPTION_KILL ((int64_t)-1028)
#define ZX_TASK_RETCODE_CRITICAL_PROCESS_KILL ((int64_t)-1029)

/* A job's signals besides ZX_JOB_TERMINATED: which of its lists are empty. */
#define ZX_JOB_NO_JOBS ZX_OBJECT_SIGNAL_4
#define ZX_JOB_NO_PROCESSES ZX_OBJECT_SIGNAL_5
#define ZX_JOB_NO_CHILDREN ZX_OBJECT_SIGNAL_6 /* neither jobs nor processes */

/* Kill this job first when memory runs out: a size_t, 0 or 1. */
#define ZX_PROP_JOB_KILL_ON_OOM ((uint32_t)15u)

#define ZX_INFO_PROCESS_FLAG_STARTED (1u << 0)
#define ZX_INFO_PROCESS_FLAG_EXITED (1u << 1)

typedef struct zx_info_process {
    int64_t return_code;  /* valid once EXITED is set */
    zx_time_t start_time; /* when it started, on the monotonic clock */
    uint32_t flags;       /* ZX_INFO_PROCESS_FLAG_* */
    uint8_t padding1[4];
} zx_info_process_t;

/* A thread's states; BLOCKED, and the reasons that refine it, are in zircon/thread_state.h. */
#define ZX_THREAD_STATE_NEW ((uint32_t)0x0000u)
#define ZX_THREAD_STATE_RUNNING ((uint32_t)0x0001u)
#define ZX_THREAD_STATE_SUSPENDED ((uint32_t)0x0002u)
#define ZX_THREAD_STATE_DYING ((uint32_t)0x0004u)
#define ZX_THREAD_STATE_DEAD ((uint32_t)0x0005u)

typedef struct zx_info_thread {
    uint32_t state; /* ZX_THREAD_STATE_* */
    uint32_t wait_exception_channel_type; /* ZX_EXCEPTION_CHANNEL_TYPE_*, while BLOCKED_EXCEPTION */
    uint64_t cpu_affinity_mask[8];
} zx_info_thread_t;

typedef struct zx_info_job {
    int64_t return_code;
    bool exited;
    bool kill_on_oom;
    bool debugger_attached;
    uint8_t padding1[5];
} zx_info_job_t;

#endif
