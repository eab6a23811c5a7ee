/*: # Reading and writing

`read`, `write`, `readv`, `writev`, `pread64` and `pwrite64`: one loop for all of them. The data
goes through a page of kernel memory, a chunk at a time: the file's operations work on kernel
memory (fs/file.h), and the copy to or from the program is where a bad pointer becomes `-EFAULT`.

A transfer is as long as the file allows at once. A read returns what a pipe or the console has,
without waiting for more once something came; a regular file keeps giving until its end. When the
very first chunk would have to wait, the call blocks on what the file names (linux/block.c) and
runs again, unless the file is non-blocking (`O_NONBLOCK`): then it is `-EAGAIN`. A write that
finds no reader at the other end of a pipe is `-EPIPE` and `SIGPIPE` both, as in Linux. */
#include <asm/fcntl.h>
#include <linux/uio.h>

#include "fs/file.h"
#include "kernel/frame.h"
#include "linux/block.h"
#include "linux/process.h"
#include "linux/signals.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

#define CHUNK PAGE_SIZE
#define SMALL 256 /* a transfer this short goes through the stack, not a frame */

/* Transfer len bytes between the program's buf and f at *pos: the count, or -errno if nothing was
   transferred, or (if may_wait) what the call must return to wait. */
static int64_t transfer(struct file *f, bool writing, uaddr_t buf, size_t len, uint64_t *pos,
                        bool may_wait)
{
    if (writing ? !f->ops->write || !file_writable(f) : !f->ops->read || !file_readable(f))
        return writing ? (f->ops->write ? -EBADF : -EINVAL) : (f->ops->read ? -EBADF : -EINVAL);
    /* The bytes pass through a kernel buffer: a frame, or for a short transfer (a pipe's byte, a
       line of the terminal) a few bytes of the stack, which are not zeroed and freed each time. */
    uint8_t small[SMALL];
    paddr_t bounce = len > SMALL ? frame_alloc() : 0;
    if (len > SMALL && !bounce)
        return -ENOMEM;
    void *kbuf = bounce ? hal_pmem_ptr(bounce) : small;
    int64_t done = 0, n = 0;
    while ((size_t)done < len) {
        size_t want = len - done < CHUNK ? len - done : CHUNK;
        if (writing) {
            n = copy_from_user(kbuf, buf + done, want);
            if (!n)
                n = f->ops->write(f, kbuf, want, pos);
        } else {
            n = f->ops->read(f, kbuf, want, pos);
            if (n > 0 && copy_to_user(buf + done, kbuf, n))
                n = -EFAULT;
        }
        if (n <= 0)
            break;
        done += n;
        if ((size_t)n < want)
            break;
    }
    if (bounce)
        frame_free(bounce);
    if (writing && !done && n == -EPIPE) /* a pipe nobody reads: Linux adds a signal */
        linux_signal_thread(thread_current(), SIGPIPE);
    if (done || n != -EAGAIN || !may_wait || (f->flags & O_NONBLOCK))
        return done ? done : n;
    if (f->ops->wait_on) {
        zx_signals_t signals;
        struct kobject *obj = f->ops->wait_on(f, writing ? POLLOUT : POLLIN, &signals);
        return linux_block_on(obj, signals, HAL_NO_DEADLINE);
    }
    return linux_block_on(NULL, 0, HAL_NO_DEADLINE);
}

/* The same at the file's own position, which it advances. */
static int64_t transfer_at_position(struct file *f, bool writing, uaddr_t buf, size_t len,
                                    bool may_wait)
{
    hal_lock_acquire(&f->lock);
    uint64_t pos = f->pos;
    hal_lock_release(&f->lock);
    int64_t n = transfer(f, writing, buf, len, &pos, may_wait);
    if (n > 0) {
        hal_lock_acquire(&f->lock);
        f->pos = pos;
        hal_lock_release(&f->lock);
    }
    return n;
}

static int64_t read_or_write(const uint64_t *arg, bool writing)
{
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    int64_t n =
        (int64_t)arg[2] < 0 ? -EINVAL : transfer_at_position(f, writing, arg[1], arg[2], true);
    file_unref(f);
    return n;
}

static int64_t linux_read(const uint64_t *arg)
{
    return read_or_write(arg, false);
}
LINUX_SYSCALL(read, linux_read);

static int64_t linux_write(const uint64_t *arg)
{
    return read_or_write(arg, true);
}
LINUX_SYSCALL(write, linux_write);

/* pread64 and pwrite64: at the offset given, leaving the file's position alone. A file with no
   position (a pipe, a socket: no vnode, as lseek says) is -ESPIPE: it would read as read does. */
static int64_t at_offset(const uint64_t *arg, bool writing)
{
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    uint64_t pos = arg[3];
    int64_t n;
    if ((int64_t)pos < 0 || (int64_t)arg[2] < 0)
        n = -EINVAL;
    else if (!f->node)
        n = -ESPIPE;
    else
        n = transfer(f, writing, arg[1], arg[2], &pos, true);
    file_unref(f);
    return n;
}

static int64_t linux_pread64(const uint64_t *arg)
{
    return at_offset(arg, false);
}
LINUX_SYSCALL(pread64, linux_pread64);

static int64_t linux_pwrite64(const uint64_t *arg)
{
    return at_offset(arg, true);
}
LINUX_SYSCALL(pwrite64, linux_pwrite64);

/* readv and writev: each buffer in turn, stopping at the first short transfer. */
static int64_t vectored(const uint64_t *arg, bool writing)
{
    int count = (int)arg[2];
    if (count < 0 || count > UIO_MAXIOV)
        return -EINVAL;
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    int64_t total = 0;
    for (int i = 0; i < count; i++) {
        struct iovec iov;
        int64_t n = copy_from_user(&iov, arg[1] + i * sizeof iov, sizeof iov);
        if (!n && (int64_t)iov.iov_len < 0)
            n = -EINVAL;
        if (!n && iov.iov_len)
            n = transfer_at_position(f, writing, (uaddr_t)iov.iov_base, iov.iov_len, !total);
        if (n < 0 && total)
            break; /* what was transferred counts; the error shows at the next call */
        if (n < 0) {
            total = n;
            break;
        }
        total += n;
        if ((size_t)n < iov.iov_len)
            break;
    }
    file_unref(f);
    return total;
}

static int64_t linux_readv(const uint64_t *arg)
{
    return vectored(arg, false);
}
LINUX_SYSCALL(readv, linux_readv);

static int64_t linux_writev(const uint64_t *arg)
{
    return vectored(arg, true);
}
LINUX_SYSCALL(writev, linux_writev);
