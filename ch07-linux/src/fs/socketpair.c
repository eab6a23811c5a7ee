/*: # Socket pairs

`socketpair(AF_UNIX, SOCK_STREAM, 0, sv)` makes two connected sockets: what one end writes, the
other reads, in both directions. That is a Zircon stream socket exactly, with no translation at
all, so a socket pair is the pipe of fs/pipe.c opened for reading and writing at both ends. Zinc
serves the stream type, which is what programs use socket pairs for (a two-way channel to a
child process, or between threads); datagram and sequenced-packet pairs, and every other kind of
socket (`socket`, networks), are not here.

`shutdown` closes one direction or both without closing the descriptor: `SHUT_WR` disables this
end's writes (the peer reads what is left, then the end of file), `SHUT_RD` the peer's writes into
this end. These are the socket's dispositions (`zx_socket_set_disposition`). */
#include <asm/fcntl.h>

#include "fs/fd_table.h"
#include "fs/pipe.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/socket.h"

/* The values of <sys/socket.h>, which Linux's UAPI headers leave to the C library; the same on
   x86_64 and riscv64. */
#define AF_UNIX 1
#define SOCK_STREAM 1
#define SOCK_TYPE_MASK 0xf
#define SOCK_NONBLOCK O_NONBLOCK
#define SOCK_CLOEXEC O_CLOEXEC
#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

static int64_t linux_socketpair(const uint64_t *arg)
{
    uint64_t domain = arg[0], type = arg[1], protocol = arg[2];
    if (domain != AF_UNIX)
        return -EAFNOSUPPORT;
    if (type & ~(uint64_t)(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if ((type & SOCK_TYPE_MASK) != SOCK_STREAM || protocol != 0)
        return -EPROTONOSUPPORT;
    uint32_t flags = O_RDWR | (type & SOCK_NONBLOCK ? O_NONBLOCK : 0);
    struct file *f[2];
    int result = stream_files(flags, flags, &f[0], &f[1]);
    if (result)
        return result;
    struct fd_table *t = linux_current()->files;
    bool cloexec = type & SOCK_CLOEXEC;
    int fds[2] = {fd_install(t, f[0], 0, cloexec), -1};
    if (fds[0] >= 0 && (fds[1] = fd_install(t, f[1], 0, cloexec)) >= 0)
        result = copy_to_user(arg[3], fds, sizeof fds);
    else
        result = -EMFILE;
    for (int i = 0; result && i < 2; i++) /* nothing is left open for a call that failed */
        if (fds[i] >= 0)
            fd_close(t, fds[i]);
    file_unref(f[0]);
    file_unref(f[1]);
    return result;
}
LINUX_SYSCALL(socketpair, linux_socketpair);

static int64_t linux_shutdown(const uint64_t *arg)
{
    uint64_t how = arg[1];
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    struct kobject *socket = stream_file_socket(f);
    int64_t result = 0;
    if (!socket || (f->flags & O_ACCMODE) != O_RDWR)
        result = -ENOTSOCK; /* a pipe is no socket, though it rides on one */
    else if (how > SHUT_RDWR)
        result = -EINVAL;
    else
        socket_set_disposition(socket, how != SHUT_RD ? ZX_SOCKET_DISPOSITION_WRITE_DISABLED : 0,
                               how != SHUT_WR ? ZX_SOCKET_DISPOSITION_WRITE_DISABLED : 0);
    file_unref(f);
    return result;
}
LINUX_SYSCALL(shutdown, linux_shutdown);
