/*: # Tests of pipes, below the system calls

A pipe's two files (fs/pipe.h), driven through their operations as the system calls drive them,
with what the calls cannot easily show from a program: the signals of the socket under each end,
which a waiting reader or writer sleeps on, and the exact room at which a small write stops being
possible. */
#include <asm/errno.h>
#include <linux/limits.h>

#include "fs/pipe.h"
#include "kernel/ktest.h"
#include "object/socket.h"

static char block[PIPE_BUF];

static int64_t put(struct file *w, size_t len)
{
    uint64_t pos = 0;
    return w->ops->write(w, block, len, &pos);
}

static int64_t take(struct file *r, size_t len)
{
    uint64_t pos = 0;
    return r->ops->read(r, block, len, &pos);
}

/* Write PIPE_BUF-byte blocks until the pipe takes no more: how many bytes it took. */
static int64_t fill(struct file *w)
{
    int64_t total = 0, n;
    while ((n = put(w, PIPE_BUF)) > 0)
        total += n;
    return n == -EAGAIN ? total : n;
}

KTEST(pipe_carries_bytes_in_order_then_says_eagain)
{
    struct file *r, *w;
    KASSERT_EQ(pipe_create(0, &r, &w), 0);
    uint64_t pos = 0;
    char out[8] = {0};
    KEXPECT_EQ(w->ops->write(w, "abc", 3, &pos), 3);
    KEXPECT_EQ(w->ops->write(w, "de", 2, &pos), 2);
    KEXPECT_EQ(r->ops->read(r, out, 4, &pos), 4);
    KEXPECT_EQ(out[0], 'a');
    KEXPECT_EQ(out[3], 'd');
    KEXPECT_EQ(r->ops->read(r, out, 8, &pos), 1);
    KEXPECT_EQ(out[0], 'e');
    KEXPECT_EQ(r->ops->read(r, out, 8, &pos), -EAGAIN);
    file_unref(r);
    file_unref(w);
}

KTEST(pipe_read_end_sees_end_of_file_after_the_data)
{
    struct file *r, *w;
    KASSERT_EQ(pipe_create(0, &r, &w), 0);
    KEXPECT_EQ(put(w, 10), 10);
    file_unref(w);
    KEXPECT_EQ(r->ops->poll(r), POLLIN | POLLRDNORM | POLLHUP);
    KEXPECT_EQ(take(r, 100), 10);
    KEXPECT_EQ(take(r, 100), 0);
    KEXPECT_EQ(r->ops->poll(r), POLLHUP);
    file_unref(r);
}

KTEST(pipe_write_without_a_reader_is_epipe)
{
    struct file *r, *w;
    KASSERT_EQ(pipe_create(0, &r, &w), 0);
    file_unref(r);
    KEXPECT_EQ(put(w, 1), -EPIPE);
    KEXPECT_EQ(w->ops->poll(w), POLLERR);
    file_unref(w);
}

KTEST(pipe_holds_64_kib_and_small_writes_are_atomic)
{
    struct file *r, *w;
    KASSERT_EQ(pipe_create(0, &r, &w), 0);
    KEXPECT_EQ(fill(w), 65536);
    KEXPECT_EQ(take(r, 100), 100);
    KEXPECT_EQ(put(w, PIPE_BUF), -EAGAIN); /* 100 bytes of room: not all of it */
    KEXPECT_EQ(put(w, 101), -EAGAIN);
    KEXPECT_EQ(put(w, 100), 100);
    file_unref(r);
    file_unref(w);
}

KTEST(pipe_write_beyond_pipe_buf_takes_what_fits)
{
    struct file *r, *w;
    KASSERT_EQ(pipe_create(0, &r, &w), 0);
    static char big[2 * PIPE_BUF];
    uint64_t pos = 0;
    KEXPECT_EQ(fill(w), 65536);
    KEXPECT_EQ(take(r, 100), 100);
    KEXPECT_EQ(w->ops->write(w, big, sizeof big, &pos), 100);
    file_unref(r);
    file_unref(w);
}

/* The writer waits for room for an atomic write: the signal it sleeps on is the write threshold. */
KTEST(pipe_writer_wakes_when_an_atomic_write_fits)
{
    struct file *r, *w;
    KASSERT_EQ(pipe_create(0, &r, &w), 0);
    zx_signals_t signals;
    struct kobject *obj = w->ops->wait_on(w, POLLOUT, &signals);
    KASSERT_TRUE(obj);
    KEXPECT_EQ(signals, ZX_SOCKET_WRITE_THRESHOLD | ZX_SOCKET_PEER_CLOSED |
                            ZX_SOCKET_WRITE_DISABLED); /* the last: socket pairs' shutdown */
    KEXPECT_EQ(w->ops->poll(w), POLLOUT | POLLWRNORM);
    fill(w);
    KEXPECT_EQ(w->ops->poll(w), 0u);
    KEXPECT_EQ(take(r, PIPE_BUF - 1), PIPE_BUF - 1);
    KEXPECT_EQ(kobject_signals(obj) & signals, 0u);
    KEXPECT_EQ(take(r, 1), 1);
    KEXPECT_EQ(kobject_signals(obj) & signals, ZX_SOCKET_WRITE_THRESHOLD);
    KEXPECT_EQ(w->ops->poll(w), POLLOUT | POLLWRNORM);
    file_unref(r);
    KEXPECT_EQ(kobject_signals(obj) & signals, ZX_SOCKET_PEER_CLOSED);
    file_unref(w);
}

/* A reader waits for bytes or for the last writer to go; an end names no signal for an event it
   can never have. */
KTEST(pipe_reader_wakes_for_data_or_hang_up)
{
    struct file *r, *w;
    KASSERT_EQ(pipe_create(0, &r, &w), 0);
    zx_signals_t signals;
    struct kobject *obj = r->ops->wait_on(r, POLLIN, &signals);
    KASSERT_TRUE(obj);
    KEXPECT_EQ(signals, ZX_SOCKET_READABLE | ZX_SOCKET_PEER_CLOSED |
                            ZX_SOCKET_PEER_WRITE_DISABLED); /* the last: socket pairs' shutdown */
    KEXPECT_EQ(r->ops->wait_on(r, POLLOUT, &signals), NULL);
    KEXPECT_EQ(w->ops->wait_on(w, POLLIN, &signals), NULL);
    KEXPECT_EQ(kobject_signals(obj) & (ZX_SOCKET_READABLE | ZX_SOCKET_PEER_CLOSED), 0u);
    put(w, 1);
    KEXPECT_EQ(kobject_signals(obj) & ZX_SOCKET_READABLE, ZX_SOCKET_READABLE);
    take(r, 1);
    file_unref(w);
    KEXPECT_EQ(kobject_signals(obj) & ZX_SOCKET_PEER_CLOSED, ZX_SOCKET_PEER_CLOSED);
    file_unref(r);
}

/* A pipe's end stays open while any reference to its file does: a dup'ed descriptor, say. */
KTEST(pipe_end_closes_with_its_last_reference)
{
    struct file *r, *w;
    KASSERT_EQ(pipe_create(0, &r, &w), 0);
    file_ref(w);
    file_unref(w);
    KEXPECT_EQ(r->ops->poll(r), 0u);
    file_unref(w);
    KEXPECT_EQ(r->ops->poll(r), POLLHUP);
    file_unref(r);
}
