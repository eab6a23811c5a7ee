/*: # LibOS: the serial line is standard output and input */
#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include "libos.h"

void hal_serial_write(const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(STDOUT_FILENO, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        buf += n;
        len -= n;
    }
}

size_t hal_serial_read(char *buf, size_t len)
{
    /* Read only what is waiting: a poll with no timeout first, so that this never blocks. */
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    if (poll(&p, 1, 0) != 1 || !(p.revents & POLLIN))
        return 0;
    ssize_t n = read(STDIN_FILENO, buf, len);
    return n > 0 ? (size_t)n : 0;
}
