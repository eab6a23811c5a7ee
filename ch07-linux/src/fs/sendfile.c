/*: # sendfile

`sendfile(out, in, offset, count)` copies from one file to another inside the kernel, saving the
program a read and a write per buffer: `cat` uses it. Linux does it without a copy; here it is the
loop of fs/rw.c with both ends in the kernel, a page at a time through a frame.

The input is read at `*offset` when the program gives one (which is then updated, and the file's
own position left alone), else at its position. A write that takes less than was read gives the
rest back by moving the input's position back, which is why the input must be a file of the file
system, whose position means something: from a pipe or a socket the bytes would be gone, and Linux
refuses those too (`EINVAL`; the program falls back to read and write). As everywhere, a call that
must wait waits only before it has moved anything. */
#include <asm/fcntl.h>

#include "fs/file.h"
#include "kernel/frame.h"
#include "linux/block.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* Copy up to count bytes from in at *in_pos to out at its position: the count, or -errno (-EAGAIN
   when the very first write or read must wait). */
static int64_t copy_between(struct file *out, struct file *in, uint64_t *in_pos, size_t count)
{
    paddr_t bounce = frame_alloc();
    if (!bounce)
        return -ENOMEM;
    void *kbuf = hal_pmem_ptr(bounce);
    hal_lock_acquire(&out->lock);
    uint64_t out_pos = out->pos;
    hal_lock_release(&out->lock);
    int64_t done = 0, error = 0;
    while ((size_t)done < count) {
        size_t want = count - done < PAGE_SIZE ? count - done : PAGE_SIZE;
        uint64_t start = *in_pos;
        int64_t n = in->ops->read(in, kbuf, want, in_pos);
        int64_t written = n > 0 ? out->ops->write(out, kbuf, (size_t)n, &out_pos) : 0;
        if (written < n)
            *in_pos = start + (written > 0 ? (uint64_t)written : 0); /* the rest is read again */
        if (n <= 0 || written <= 0) {
            error = n <= 0 ? n : written;
            break;
        }
        done += written;
        if (written < (int64_t)want)
            break;
    }
    frame_free(bounce);
    if (done) {
        hal_lock_acquire(&out->lock);
        out->pos = out_pos;
        hal_lock_release(&out->lock);
    }
    return done ? done : error;
}

/* Wait for out to take bytes, or say it will not. */
static int64_t wait_for_room(struct file *out)
{
    if (out->flags & O_NONBLOCK)
        return -EAGAIN;
    if (!out->ops->wait_on)
        return linux_block_on(NULL, 0, HAL_NO_DEADLINE);
    zx_signals_t signals;
    struct kobject *obj = out->ops->wait_on(out, POLLOUT, &signals);
    return linux_block_on(obj, signals, HAL_NO_DEADLINE);
}

static int64_t send(struct file *out, struct file *in, uaddr_t offset, size_t count)
{
    if (!file_readable(in) || !file_writable(out))
        return -EBADF;
    if (!in->node || !in->ops->read || !out->ops->write || (out->flags & O_APPEND))
        return -EINVAL;
    uint64_t pos;
    if (offset && copy_from_user(&pos, offset, sizeof pos))
        return -EFAULT;
    if (offset && (int64_t)pos < 0)
        return -EINVAL;
    if (!offset) {
        hal_lock_acquire(&in->lock);
        pos = in->pos;
        hal_lock_release(&in->lock);
    }
    int64_t n = copy_between(out, in, &pos, count);
    if (n == -EAGAIN)
        return wait_for_room(out); /* a file of the file system never waits to be read */
    if (n > 0 && offset && copy_to_user(offset, &pos, sizeof pos))
        return -EFAULT;
    if (n > 0 && !offset) {
        hal_lock_acquire(&in->lock);
        in->pos = pos;
        hal_lock_release(&in->lock);
    }
    return n;
}

/* sendfile(out_fd, in_fd, offset or NULL, count) */
static int64_t linux_sendfile(const uint64_t *arg)
{
    struct fd_table *t = linux_current()->files;
    struct file *out = fd_get(t, (int)arg[0]), *in = fd_get(t, (int)arg[1]);
    int64_t n = in && out ? send(out, in, arg[2], (size_t)arg[3]) : -EBADF;
    if (in)
        file_unref(in);
    if (out)
        file_unref(out);
    return n;
}
LINUX_SYSCALL(sendfile, linux_sendfile);
