/*: # Pipes ride on Zircon sockets

A Linux pipe is a one-way stream of bytes between two descriptors, a read end and a write end, with
a buffer between them. Chapter 5 built that object already: a stream socket (object/socket.h) is
two ends, each with a 64 KiB ring of the bytes its peer wrote, and signals that say when an end can
be read (`READABLE`), written (`WRITABLE`, or `WRITE_THRESHOLD` for "at least that much room") and
when its peer is gone (`PEER_CLOSED`). So `pipe` makes a socket and hands its two ends to two open
files; the pipe's semantics (pipe(7)) are the socket's, seen through Linux's error numbers:

| the pipe | the socket |
|----------|------------|
| read of an empty pipe blocks while a writer exists | `ZX_ERR_SHOULD_WAIT`: wait for `READABLE` |
| read returns 0 (end of file) once every writer is gone | `ZX_ERR_PEER_CLOSED` |
| write blocks while the pipe is full | `ZX_ERR_SHOULD_WAIT`: wait for `WRITE_THRESHOLD` |
| write with no reader fails with `EPIPE` | `ZX_ERR_PEER_CLOSED` |
| the capacity is 65536 bytes, as Linux's default | `SOCKET_CAPACITY`, 64 KiB |

An open file plays the part a handle plays for Zircon: each end counts its file as one of its
handles, and when the file goes (its last descriptor is closed), the socket sees its last handle go
and tells the peer `PEER_CLOSED`, exactly as when a Zircon process closes a socket handle.

Two things are Linux's own. A write of at most `PIPE_BUF` (4096) bytes is *atomic*: it goes in
whole, never mixed with another writer's bytes, or waits; a stream socket would take what fits. So a
small write checks for room and writes in one step under the pipe's lock, and the write end's
*write threshold* is `PIPE_BUF`: the signal a blocked writer waits for is "room for a whole atomic
write", not "room for one byte". And Linux tells a writer with no reader more than `EPIPE`: it sends
it `SIGPIPE`, which kills a program that does not handle it (fs/rw.c does that, for every file
that answers `EPIPE`).

The same files serve a *socket pair* (fs/socketpair.c): two ends that both read and write, each
end's file opened `O_RDWR`. Only a socket pair can be shut down halfway (`shutdown`), which is the
socket's *disposition*: an end whose peer disabled its writes reads what is left and then the end
of file, where Zircon would say `ZX_ERR_BAD_STATE`, and a write into a disabled direction is
`EPIPE`. */
#include <asm/fcntl.h>
#include <asm/ioctls.h>
#include <linux/limits.h>

#include "fs/fd_table.h"
#include "fs/pipe.h"
#include "kernel/kmalloc.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/socket.h"

struct pipe_end {
    struct kobject *socket;     /* this end of the socket, with a reference and a "handle" */
    struct hal_lock write_lock; /* makes a write's check for room and the write one step */
};

static struct kobject *socket_of_file(struct file *f)
{
    return ((struct pipe_end *)f->private)->socket;
}

static int64_t pipe_read(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    struct kobject *s = socket_of_file(f);
    for (;;) {
        struct message *m;
        uint64_t ticket;
        zx_status_t status = socket_read(s, len, &m, &ticket);
        if (status == ZX_ERR_PEER_CLOSED || status == ZX_ERR_BAD_STATE)
            return 0; /* every writer gone, or the peer shut its writes down */
        if (status != ZX_OK)
            return status == ZX_ERR_NO_MEMORY ? -ENOMEM : -EAGAIN;
        uint32_t n = m->num_bytes;
        message_read(m, 0, buf, n);
        message_destroy(m);
        if (socket_consume(s, ticket, n) == ZX_OK)
            return n;
        /* another reader took bytes out first: read again what is left */
    }
}

static int64_t pipe_write(struct file *f, const void *buf, size_t len, uint64_t *pos)
{
    struct pipe_end *end = f->private;
    struct message *m = message_create((uint32_t)len, 0);
    if (!m)
        return -ENOMEM;
    message_write(m, 0, buf, (uint32_t)len);
    uint32_t room, written = 0;
    hal_lock_acquire(&end->write_lock);
    zx_status_t status = socket_write_room(end->socket, len, &room);
    if (status == ZX_OK && room < len && len <= PIPE_BUF)
        status = ZX_ERR_SHOULD_WAIT; /* an atomic write waits for room for all of it */
    if (status == ZX_OK)
        status = socket_write(end->socket, m, room, &written);
    hal_lock_release(&end->write_lock);
    message_destroy(m);
    if (status == ZX_ERR_PEER_CLOSED || status == ZX_ERR_BAD_STATE)
        return -EPIPE; /* no reader, or this direction shut down */
    return status == ZX_OK ? (int64_t)written : -EAGAIN;
}

/* The read end is readable with bytes in it, and hung up once the writers are gone; the write end
   is writable with room for an atomic write, and in error once the readers are gone (which a
   write would learn as EPIPE). Each end's socket shows only its own half of these. A direction shut
   down (socket pairs only) no longer waits: reads find the end of file, writes EPIPE. */
static unsigned pipe_poll(struct file *f)
{
    zx_signals_t signals = kobject_signals(socket_of_file(f));
    unsigned events = 0;
    if (file_readable(f) && (signals & (ZX_SOCKET_READABLE | ZX_SOCKET_PEER_WRITE_DISABLED)))
        events |= POLLIN | POLLRDNORM;
    if (file_writable(f) && (signals & (ZX_SOCKET_WRITE_THRESHOLD | ZX_SOCKET_WRITE_DISABLED)))
        events |= POLLOUT | POLLWRNORM;
    if (signals & ZX_SOCKET_PEER_CLOSED)
        events |= file_readable(f) ? POLLHUP : POLLERR;
    return events;
}

/* The signals that make one of events hold on this end, and no others: a signal that wakes a
   waiter must make pipe_poll report what it waits for, or the waiter would wake for nothing, again
   and again. */
static struct kobject *pipe_wait_on(struct file *f, unsigned events, zx_signals_t *signals)
{
    *signals = 0;
    if (file_readable(f) && (events & (POLLIN | POLLRDNORM)))
        *signals |= ZX_SOCKET_READABLE | ZX_SOCKET_PEER_CLOSED | ZX_SOCKET_PEER_WRITE_DISABLED;
    if (file_writable(f) && (events & (POLLOUT | POLLWRNORM)))
        *signals |= ZX_SOCKET_WRITE_THRESHOLD | ZX_SOCKET_PEER_CLOSED | ZX_SOCKET_WRITE_DISABLED;
    if (events & (file_readable(f) ? POLLHUP : POLLERR))
        *signals |= ZX_SOCKET_PEER_CLOSED;
    return *signals ? socket_of_file(f) : NULL;
}

/* FIONREAD: how many bytes the pipe holds, asked of either end (a socket pair's end: how many it
   can read). */
static int64_t pipe_ioctl(struct file *f, unsigned cmd, uint64_t arg)
{
    if (cmd != FIONREAD)
        return -ENOTTY;
    zx_info_socket_t info;
    socket_info(socket_of_file(f), &info);
    int held = (int)(file_readable(f) ? info.rx_buf_size : info.tx_buf_size);
    return copy_to_user(arg, &held, sizeof held);
}

static void pipe_release(struct file *f)
{
    struct pipe_end *end = f->private;
    kobject_handle_removed(end->socket); /* the peer sees PEER_CLOSED */
    kobject_unref(end->socket);
    kfree(end);
}

static const struct file_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .poll = pipe_poll,
    .wait_on = pipe_wait_on,
    .ioctl = pipe_ioctl,
    .release = pipe_release,
};

/* A file for socket end s (whose reference it takes over), opened with flags: NULL when memory ran
   out, and then s is gone too. */
static struct file *end_file(struct kobject *s, uint32_t flags)
{
    struct pipe_end *end = kzalloc(sizeof *end);
    struct file *f = end ? file_create(&pipe_ops, flags, end) : NULL;
    if (!f) {
        kfree(end);
        kobject_unref(s);
        return NULL;
    }
    end->socket = s;
    hal_lock_init(&end->write_lock);
    kobject_handle_added(s);
    return f;
}

int stream_files(uint32_t flags0, uint32_t flags1, struct file **f0, struct file **f1)
{
    struct kobject *s0, *s1;
    if (socket_create(ZX_SOCKET_STREAM, &s0, &s1) != ZX_OK)
        return -ENOMEM;
    if ((flags0 & O_ACCMODE) != O_RDONLY) /* an end that writes waits for room for PIPE_BUF */
        socket_set_threshold(s0, true, PIPE_BUF);
    if ((flags1 & O_ACCMODE) != O_RDONLY)
        socket_set_threshold(s1, true, PIPE_BUF);
    *f0 = end_file(s0, flags0);
    *f1 = end_file(s1, flags1);
    if (*f0 && *f1)
        return 0;
    if (*f0)
        file_unref(*f0);
    if (*f1)
        file_unref(*f1);
    return -ENOMEM;
}

struct kobject *stream_file_socket(struct file *f)
{
    return f->ops == &pipe_ops ? socket_of_file(f) : NULL;
}

int pipe_create(uint32_t nonblock, struct file **reader, struct file **writer)
{
    return stream_files(O_RDONLY | nonblock, O_WRONLY | nonblock, reader, writer);
}

static int64_t linux_pipe2(const uint64_t *arg)
{
    if (arg[1] & ~(uint64_t)(O_CLOEXEC | O_NONBLOCK))
        return -EINVAL; /* O_DIRECT's packet mode, among others, is not served */
    struct file *reader, *writer;
    int result = pipe_create(arg[1] & O_NONBLOCK, &reader, &writer);
    if (result)
        return result;
    struct fd_table *t = linux_current()->files;
    bool cloexec = arg[1] & O_CLOEXEC;
    int fds[2] = {fd_install(t, reader, 0, cloexec), -1};
    if (fds[0] >= 0 && (fds[1] = fd_install(t, writer, 0, cloexec)) >= 0)
        result = copy_to_user(arg[0], fds, sizeof fds);
    else
        result = -EMFILE;
    if (result) { /* nothing is left open for a call that failed */
        for (int i = 0; i < 2; i++)
            if (fds[i] >= 0)
                fd_close(t, fds[i]);
    }
    file_unref(reader);
    file_unref(writer);
    return result;
}
LINUX_SYSCALL(pipe2, linux_pipe2);

#ifdef __NR_pipe /* x86_64 only; riscv64's C library calls pipe2 */
static int64_t linux_pipe(const uint64_t *arg)
{
    const uint64_t with_no_flags[2] = {arg[0], 0};
    return linux_pipe2(with_no_flags);
}
LINUX_SYSCALL(pipe, linux_pipe);
#endif
