/*: # Start-up: from the bootstrap channel to `main`

The first thread of a process receives a channel handle and reads its start-up message from it (the
format is in zircon/startup.h): its arguments and its first handles. `zinc_start` files each handle
by what its handle info says it is for, where `zx_process_self`, `zx_thread_self`, `zx_job_default`,
`zx_vmar_root_self` and `zinc_startup_handle` find it, builds `argv`, calls `main`, and ends the
process with `main`'s return value. A message that is not a start-up message leaves the program with
no handles and no arguments. */
#include "zircon/process.h"
#include "zircon/startup.h"
#include "zircon/syscalls.h"

#define MAX_ARGS 16

static zx_handle_t process_self, thread_self, job_default, vmar_root, extra[ZINC_STARTUP_MAX_EXTRA];

zx_handle_t zx_process_self(void)
{
    return process_self;
}

zx_handle_t zx_thread_self(void)
{
    return thread_self;
}

zx_handle_t zx_job_default(void)
{
    return job_default;
}

zx_handle_t zx_vmar_root_self(void)
{
    return vmar_root;
}

zx_handle_t zinc_startup_handle(uint32_t i)
{
    return i < ZINC_STARTUP_MAX_EXTRA ? extra[i] : ZX_HANDLE_INVALID;
}

/* Put handle h where its handle info says; one the program has no use for is closed. */
static void file_handle(uint32_t info, zx_handle_t h)
{
    uint32_t type = PA_HND_TYPE(info), arg = PA_HND_ARG(info);
    zx_handle_t *slot = type == PA_PROC_SELF                                  ? &process_self
                        : type == PA_THREAD_SELF                              ? &thread_self
                        : type == PA_JOB_DEFAULT                              ? &job_default
                        : type == PA_VMAR_ROOT                                ? &vmar_root
                        : type == PA_USER0 && arg < ZINC_STARTUP_MAX_EXTRA ? &extra[arg]
                                                                              : NULL;
    if (slot && *slot == ZX_HANDLE_INVALID)
        *slot = h;
    else
        zx_handle_close(h);
}

int main(int argc, char **argv);
void zinc_start(zx_handle_t bootstrap, uintptr_t unused);

void zinc_start(zx_handle_t bootstrap, uintptr_t unused)
{
    static char message[1024] __attribute__((aligned(8)));
    static char *argv[MAX_ARGS + 1];
    zx_handle_t handles[ZINC_STARTUP_MAX_HANDLES];
    uint32_t num_bytes = 0, num_handles = 0;
    int argc = 0;
    if (zx_channel_read(bootstrap, 0, message, handles, sizeof message, ZINC_STARTUP_MAX_HANDLES,
                        &num_bytes, &num_handles) == ZX_OK) {
        const struct zinc_startup *header = (const struct zinc_startup *)message;
        const uint32_t *info = (const uint32_t *)(header + 1);
        char *arg = (char *)(info + num_handles), *end = arg + header->args_size;
        int valid = num_bytes >= sizeof *header && header->magic == ZINC_STARTUP_MAGIC &&
                     header->handle_count == num_handles && end <= message + num_bytes;
        for (uint32_t i = 0; i < num_handles; i++)
            file_handle(valid ? info[i] : 0, handles[i]);
        for (; valid && argc < (int)header->argc && argc < MAX_ARGS && arg < end; argc++) {
            argv[argc] = arg;
            while (arg < end && *arg)
                arg++;
            arg++;
        }
    }
    zx_handle_close(bootstrap);
    argv[argc] = 0;
    zx_process_exit(main(argc, argv));
}
