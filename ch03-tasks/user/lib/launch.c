/*: # Launching, implemented

The start-up message is built in a static buffer: launching is not re-entrant, which a program that
launches from one thread at a time, as every program here does, never notices. */
#include "launch.h"

#include <string.h>

#include "zircon/object_info.h"
#include "zircon/startup.h"
#include "zircon/task.h"

#define MAX_MESSAGE 1024

void zinc_thread_entry(void);

/* The header, the n handle info words, then the arguments, each ending in a zero byte: the
   message's size, or 0 if it does not fit. */
static uint32_t build_message(char *buf, int argc, const char *const *argv, const uint32_t *info,
                              uint32_t n)
{
    struct zinc_startup header = {ZINC_STARTUP_MAGIC, (uint32_t)argc, 0, n};
    uint32_t size = sizeof header + n * sizeof *info;
    memcpy(buf + sizeof header, info, n * sizeof *info);
    for (int i = 0; i < argc; i++) {
        size_t len = strlen(argv[i]) + 1;
        if (size + len > MAX_MESSAGE)
            return 0;
        memcpy(buf + size, argv[i], len);
        size += len;
    }
    header.args_size = size - sizeof header - n * sizeof *info;
    memcpy(buf, &header, sizeof header);
    return size;
}

/* The child's own handles, duplicated from the parent's into handles[] with their handle info:
   itself, its thread, the job, and its root VMAR when there is one. Their number, or -1 (nothing
   left over). */
static int own_handles(const struct zinc_launch *l, zx_handle_t job, zx_handle_t *handles,
                       uint32_t *info)
{
    const struct {
        zx_handle_t handle;
        uint32_t type;
    } own[] = {{l->process, PA_PROC_SELF},
               {l->thread, PA_THREAD_SELF},
               {job, PA_JOB_DEFAULT},
               {l->vmar, PA_VMAR_ROOT}};
    int n = 0;
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        if (own[i].handle == ZX_HANDLE_INVALID)
            continue;
        if (zx_handle_duplicate(own[i].handle, ZX_RIGHT_SAME_RIGHTS, &handles[n]) != ZX_OK) {
            zx_handle_close_many(handles, (size_t)n);
            return -1;
        }
        info[n++] = PA_HND(own[i].type, 0);
    }
    return n;
}

zx_status_t zinc_launch_prepare(zx_handle_t job, int argc, const char *const *argv,
                                const zx_handle_t *extra, uint32_t n_extra, struct zinc_launch *l)
{
    static char message[MAX_MESSAGE];
    zx_handle_t handles[ZINC_STARTUP_MAX_HANDLES], ours = ZX_HANDLE_INVALID;
    uint32_t info[ZINC_STARTUP_MAX_HANDLES], size = 0;
    int n = 0;
    zx_status_t status =
        argc > 0 && n_extra <= ZINC_STARTUP_MAX_EXTRA ? ZX_OK : ZX_ERR_INVALID_ARGS;
    *l = (struct zinc_launch){0};
    if (status == ZX_OK)
        status = zx_process_create(job, argv[0], strlen(argv[0]), 0, &l->process, &l->vmar);
    if (status == ZX_OK)
        status = zinc_process_load(l->process, argv[0], strlen(argv[0]), &l->entry, &l->stack);
    if (status == ZX_OK)
        status = zx_thread_create(l->process, "initial-thread", 14, 0, &l->thread);
    if (status == ZX_OK)
        status = zx_channel_create(0, &ours, &l->bootstrap);
    if (status == ZX_OK && (n = own_handles(l, job, handles, info)) < 0)
        status = ZX_ERR_NO_MEMORY;
    if (status == ZX_OK) {
        for (uint32_t i = 0; i < n_extra; i++) {
            handles[n + i] = extra[i];
            info[n + i] = PA_HND(PA_USER0, i);
        }
        size = build_message(message, argc, argv, info, (uint32_t)n + n_extra);
        if (size) {
            /* The channel takes every handle of the message, even when the write fails. */
            status = zx_channel_write(ours, 0, message, size, handles, (uint32_t)n + n_extra);
            n = 0;
            n_extra = 0;
        } else {
            status = ZX_ERR_INVALID_ARGS; /* the arguments do not fit */
        }
    }
    if (n > 0)
        zx_handle_close_many(handles, (size_t)n);
    zx_handle_close(ours); /* the message waits in the channel for the child */
    if (n_extra)
        zx_handle_close_many(extra, n_extra);
    if (status != ZX_OK) {
        zx_handle_t made[] = {l->bootstrap, l->thread, l->process, l->vmar};
        zx_handle_close_many(made, 4);
        *l = (struct zinc_launch){0};
    }
    return status;
}

zx_status_t zinc_launch_start(struct zinc_launch *l, zx_handle_t *process)
{
    /* process_start moves the bootstrap handle into the child whatever happens. */
    zx_status_t status =
        zx_process_start(l->process, l->thread, l->entry, l->stack, l->bootstrap, 0);
    zx_handle_close(l->thread);
    /* unless the parent took it (then ZX_HANDLE_INVALID, which closes nothing) */
    zx_handle_close(l->vmar);
    if (status == ZX_OK)
        *process = l->process;
    else
        zx_handle_close(l->process);
    *l = (struct zinc_launch){0};
    return status;
}

zx_status_t zinc_launch(zx_handle_t job, int argc, const char *const *argv,
                        const zx_handle_t *extra, uint32_t n_extra, zx_handle_t *process)
{
    struct zinc_launch l;
    zx_status_t status = zinc_launch_prepare(job, argc, argv, extra, n_extra, &l);
    return status == ZX_OK ? zinc_launch_start(&l, process) : status;
}

zx_status_t zinc_thread_start(zx_handle_t thread, void (*fn)(uintptr_t arg), uintptr_t arg,
                              void *stack, size_t stack_size)
{
    return zx_thread_start(thread, (uintptr_t)zinc_thread_entry, (uintptr_t)stack + stack_size,
                           (uintptr_t)fn, arg);
}

zx_status_t zinc_process_wait(zx_handle_t process, int64_t *return_code)
{
    zx_info_process_t info;
    zx_status_t status = zx_object_wait_one(process, ZX_TASK_TERMINATED, ZX_TIME_INFINITE, NULL);
    if (status == ZX_OK)
        status = zx_object_get_info(process, ZX_INFO_PROCESS, &info, sizeof info, NULL, NULL);
    if (status == ZX_OK)
        *return_code = info.return_code;
    return status;
}
