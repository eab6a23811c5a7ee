/*: # Start-up: from the bootstrap channel to `main`

The first thread of a process receives a channel handle and reads its start-up message from it (the format
is in zircon/startup.h): its arguments and its first handles. `zinc_start` keeps those handles where
`zx_process_self`, `zx_thread_self` and `zx_job_default` find them, builds `argv`, calls `main`, and ends
the process with `main`'s return value. */
#include "zircon/process.h"
#include "zircon/startup.h"
#include "zircon/syscalls.h"

#define MAX_ARGS 16
#define MAX_HANDLES 16

static zx_handle_t startup_handles[MAX_HANDLES];
static uint32_t startup_handle_count;

zx_handle_t zx_process_self(void)
{
    return startup_handles[ZINC_STARTUP_PROCESS];
}

zx_handle_t zx_thread_self(void)
{
    return startup_handles[ZINC_STARTUP_THREAD];
}

zx_handle_t zx_job_default(void)
{
    return startup_handles[ZINC_STARTUP_JOB];
}

zx_handle_t zinc_startup_handle(uint32_t i)
{
    return ZINC_STARTUP_FIRST_EXTRA + i < startup_handle_count ? startup_handles[ZINC_STARTUP_FIRST_EXTRA + i]
                                                                : ZX_HANDLE_INVALID;
}

int main(int argc, char **argv);
void zinc_start(zx_handle_t bootstrap, uintptr_t unused);

void zinc_start(zx_handle_t bootstrap, uintptr_t unused)
{
    static char message[1024];
    static char *argv[MAX_ARGS + 1];
    uint32_t num_bytes = 0;
    int argc = 0;
    if (zx_channel_read(bootstrap, 0, message, startup_handles, sizeof message, MAX_HANDLES, &num_bytes,
                        &startup_handle_count) == ZX_OK) {
        const struct zinc_startup *header = (const struct zinc_startup *)message;
        char *arg = message + sizeof *header, *end = arg + header->args_size;
        if (header->magic == ZINC_STARTUP_MAGIC && end <= message + num_bytes) {
            for (; argc < (int)header->argc && argc < MAX_ARGS && arg < end; argc++) {
                argv[argc] = arg;
                while (arg < end && *arg)
                    arg++;
                arg++;
            }
        }
    }
    zx_handle_close(bootstrap);
    argv[argc] = 0;
    zx_process_exit(main(argc, argv));
}
