/*: # socket: none with a name

`socket(domain, type, protocol)` makes a socket to be bound to an address or connected to one:
a network's, or a name in the file system for `AF_UNIX`. Zinc has neither networks nor named
sockets; its only sockets are the unnamed pairs of fs/socketpair.c. So every `socket` call is
refused as a Linux built without the family refuses it, with `-EAFNOSUPPORT`, which programs take as
"not here" and go on: busybox's init, for one, asks for the system log's socket at boot, and
without a log writes to the console. (An unknown `ENOSYS` would also be logged by the kernel, once,
at every boot.) */
#include "linux/syscall.h"

static int64_t linux_socket(const uint64_t *arg)
{
    return -EAFNOSUPPORT;
}
LINUX_SYSCALL(socket, linux_socket);
