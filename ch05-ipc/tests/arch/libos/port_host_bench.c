/*: # LibOS against its host: the nearest Linux operations to a port

Linux has no port; what comes nearest to "one side makes an event, the other takes it" are an
`eventfd` (a write adds to a counter, a read takes it) and a pipe carrying one byte. Both are
measured here in the same run as Zinc's port figures, each a system call there and back twice. */
#include <sys/eventfd.h>
#include <unistd.h>

#include "hal/hal.h"
#include "kernel/kbench.h"

#define ROUNDS 20000

static uint64_t host_eventfd(void)
{
    int fd = eventfd(0, EFD_CLOEXEC);
    uint64_t v = 1, start = hal_timer_now();
    for (int i = 0; fd >= 0 && i < ROUNDS; i++)
        if (write(fd, &v, sizeof v) != sizeof v || read(fd, &v, sizeof v) != sizeof v)
            break;
    uint64_t ns = fd >= 0 ? (hal_timer_now() - start) / ROUNDS : 0;
    if (fd >= 0)
        close(fd);
    return ns;
}

static uint64_t host_pipe_byte(void)
{
    int fds[2];
    char c = 'x';
    if (pipe(fds) != 0)
        return 0;
    uint64_t start = hal_timer_now();
    for (int i = 0; i < ROUNDS; i++)
        if (write(fds[1], &c, 1) != 1 || read(fds[0], &c, 1) != 1)
            break;
    uint64_t ns = (hal_timer_now() - start) / ROUNDS;
    close(fds[0]);
    close(fds[1]);
    return ns;
}

KBENCH(port_host)
{
    kbench_report("host eventfd write+read", host_eventfd(), "ns");
    kbench_report("host pipe write+read of 1 byte", host_pipe_byte(), "ns");
}
