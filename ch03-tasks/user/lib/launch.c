/*: # Launching, implemented

The start-up message is built in a static buffer: launching is not re-entrant, which a program that
launches from one thread at a time, as every program here does, never notices. */
#include "launch.h"

#include <string.h>

#include "zircon/object_info.h"
#include "zircon/startup.h"
#include "zircon/task.h"

#define MAX_HANDLES 16
#define MAX_MESSAGE 1024

void zinc_thread_entry(void);

/* The header, then the arguments, each ending in a zero byte: its size, or 0 if it does not fit. */
static uint32_t build_message(char *buf, int argc, const char *const *argv)
{
    struct zinc_startup header = {ZINC_STARTUP_MAGIC, (uint32_t)argc, 0, 0};
    uint32_t size = sizeof header;
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]) + 1;
        if (size + n > MAX_MESSAGE)
            return 0;
        memcpy(buf + size, argv[i], n);
        size += n;
    }
    header.args_size = size - sizeof header;
    memcpy(buf, &header, sizeof header);
    return size;
}

zx_status_t zinc_launch_prepare(zx_handle_t job, int argc, const char *const *argv, const zx_handle_t *extra,
                                uint32_t n_extra, struct zinc_launch *l)
{
    static char message[MAX_MESSAGE];
    zx_handle_t handles[MAX_HANDLES], ours = ZX_HANDLE_INVALID;
    uint32_t size = argc > 0 ? build_message(message, argc, argv) : 0;
    zx_status_t status = size && n_extra <= MAX_HANDLES - ZINC_STARTUP_FIRST_EXTRA ? ZX_OK : ZX_ERR_INVALID_ARGS;
    *l = (struct zinc_launch){0};
    if (status == ZX_OK)
        status = zx_process_create(job, argv[0], strlen(argv[0]), 0, &l->process, &l->vmar);
    if (status == ZX_OK)
        status = zinc_process_load(l->process, argv[0], strlen(argv[0]), &l->entry, &l->stack);
    if (status == ZX_OK)
        status = zx_thread_create(l->process, "initial-thread", 14, 0, &l->thread);
    if (status == ZX_OK)
        status = zx_channel_create(0, &ours, &l->bootstrap);
    if (status == ZX_OK && (status = zx_handle_duplicate(l->process, ZX_RIGHT_SAME_RIGHTS, &handles[0])) == ZX_OK) {
        if ((status = zx_handle_duplicate(l->thread, ZX_RIGHT_SAME_RIGHTS, &handles[1])) != ZX_OK) {
            zx_handle_close(handles[0]);
        } else if ((status = zx_handle_duplicate(job, ZX_RIGHT_SAME_RIGHTS, &handles[2])) != ZX_OK) {
            zx_handle_close_many(handles, 2);
        } else {
            /* The channel takes every handle of the message, even when the write fails. */
            memcpy(&handles[ZINC_STARTUP_FIRST_EXTRA], extra, n_extra * sizeof *extra);
            status = zx_channel_write(ours, 0, message, size, handles, ZINC_STARTUP_FIRST_EXTRA + n_extra);
            n_extra = 0;
        }
    }
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
    zx_status_t status = zx_process_start(l->process, l->thread, l->entry, l->stack, l->bootstrap, 0);
    zx_handle_close(l->thread);
    zx_handle_close(l->vmar); /* unless the parent took it (then ZX_HANDLE_INVALID, which closes nothing) */
    if (status == ZX_OK)
        *process = l->process;
    else
        zx_handle_close(l->process);
    *l = (struct zinc_launch){0};
    return status;
}

zx_status_t zinc_launch(zx_handle_t job, int argc, const char *const *argv, const zx_handle_t *extra,
                        uint32_t n_extra, zx_handle_t *process)
{
    struct zinc_launch l;
    zx_status_t status = zinc_launch_prepare(job, argc, argv, extra, n_extra, &l);
    return status == ZX_OK ? zinc_launch_start(&l, process) : status;
}

zx_status_t zinc_thread_start(zx_handle_t thread, void (*fn)(uintptr_t arg), uintptr_t arg, void *stack,
                              size_t stack_size)
{
    return zx_thread_start(thread, (uintptr_t)zinc_thread_entry, (uintptr_t)stack + stack_size, (uintptr_t)fn, arg);
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
