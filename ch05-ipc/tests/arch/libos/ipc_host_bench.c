/*: # LibOS against its host: pipes and socket pairs

The host's nearest operations to chapter 5's figures, in the same run: 1 KiB written to a pipe and
read back, and 1 KiB through a Unix socket pair: each a `write` and a `read` system call. */
#include <sys/socket.h>
#include <unistd.h>

#include "hal/hal.h"
#include "kernel/kbench.h"

#define ROUNDS 2000
#define KIB 1024

static char buf[KIB];

static uint64_t host_write_read(int fds[2])
{
    uint64_t start = hal_timer_now();
    for (int i = 0; i < ROUNDS; i++)
        if (write(fds[1], buf, KIB) != KIB || read(fds[0], buf, KIB) != KIB)
            return 0;
    uint64_t per_round = (hal_timer_now() - start) / ROUNDS;
    close(fds[0]);
    close(fds[1]);
    return per_round;
}

KBENCH(ipc_host)
{
    int fds[2];
    if (pipe(fds) == 0)
        kbench_report("host pipe write+read 1 KiB", host_write_read(fds), "ns");
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0)
        kbench_report("host socketpair write+read 1 KiB", host_write_read(fds), "ns");
}
