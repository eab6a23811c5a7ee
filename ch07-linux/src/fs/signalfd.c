/*: # signalfd: pending signals as a file

`signalfd(fd, mask, flags)` (`signalfd4` to the kernel; x86_64 also keeps the older `signalfd`,
without flags) makes a file through which a program reads its pending signals instead of taking
them in handlers (signalfd(2)): a read takes the pending signals of the file's mask, lowest first
(and each queued instance of a real-time signal on its own, linux/rt_queue.h), each as a
`struct signalfd_siginfo` of 128 bytes, as `sigwaitinfo` would (linux/sigtimedwait.c),
and a file with none to give waits, or answers `EAGAIN` when non-blocking. The point is the
other thing a file can do: be watched by `poll`, `select` or `epoll` beside the program's other
descriptors, readable while a signal of the mask is pending. The program blocks those signals
first, or they would be taken the usual way before it could read them. Given the descriptor of a
signalfd again, the call changes its mask; `SIGKILL` and `SIGSTOP` in a mask are ignored.

The signals a read sees are the reading thread's: its own pending ones and its process's, as
Linux's. No kernel object is signalled when a signal becomes pending (sending one only marks it
and pokes the threads that will take it, linux/signals.c), so the file names none to wait on: a
blocked read, and a poll of the file, look again every few milliseconds (linux/block.h,
fs/poll.h). */
#include <linux/signalfd.h>
#include <string.h>

#include "fs/fd_table.h"
#include "kernel/kmalloc.h"
#include "linux/signals.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

struct signalfd {
    uint64_t mask; /* atomic: signalfd4 may change it while another thread reads */
};

/* What a read gives for the signal info tells: the fields of signalfd_siginfo its code uses. */
static void to_signalfd_siginfo(const siginfo_t *info, struct signalfd_siginfo *out)
{
    memset(out, 0, sizeof *out);
    out->ssi_signo = (uint32_t)info->si_signo;
    out->ssi_code = info->si_code;
    out->ssi_pid = (uint32_t)info->si_pid;
    out->ssi_uid = info->si_uid;
    if (info->si_code > 0) { /* the kernel's: a child's status (a fault is never left pending) */
        out->ssi_status = info->si_status;
    } else {
        out->ssi_int = info->si_value.sival_int;
        out->ssi_ptr = (uint64_t)info->si_value.sival_ptr;
    }
}

static int64_t signalfd_read(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    struct signalfd *s = f->private;
    uint64_t mask = __atomic_load_n(&s->mask, __ATOMIC_SEQ_CST);
    struct signalfd_siginfo *out = buf;
    size_t n = 0;
    siginfo_t info;
    if (len < sizeof *out)
        return -EINVAL;
    for (; n < len / sizeof *out && linux_signal_dequeue(thread_current(), mask, &info); n++)
        to_signalfd_siginfo(&info, &out[n]);
    return n ? (int64_t)(n * sizeof *out) : -EAGAIN;
}

static unsigned signalfd_poll(struct file *f)
{
    struct signalfd *s = f->private;
    uint64_t mask = __atomic_load_n(&s->mask, __ATOMIC_SEQ_CST);
    return linux_signal_pending(thread_current()) & mask ? POLLIN | POLLRDNORM : 0;
}

static void signalfd_release(struct file *f)
{
    kfree(f->private);
}

/* No wait_on: there is no object to name (see above). */
static const struct file_ops signalfd_ops = {
    .read = signalfd_read,
    .poll = signalfd_poll,
    .release = signalfd_release,
};

/* Give the signalfd of descriptor fd the mask: 0, -EBADF, or -EINVAL for another kind of file. */
static int change_mask(int fd, uint64_t mask)
{
    struct file *f = fd_get(linux_current()->files, fd);
    if (!f)
        return -EBADF;
    int err = f->ops == &signalfd_ops ? 0 : -EINVAL;
    if (!err)
        __atomic_store_n(&((struct signalfd *)f->private)->mask, mask, __ATOMIC_SEQ_CST);
    file_unref(f);
    return err;
}

/* signalfd4(fd, mask, sizemask, flags) */
static int64_t linux_signalfd4(const uint64_t *arg)
{
    int fd = (int)arg[0];
    uint64_t mask, flags = arg[3];
    if (arg[2] != sizeof mask || flags & ~(uint64_t)(SFD_CLOEXEC | SFD_NONBLOCK))
        return -EINVAL;
    if (copy_from_user(&mask, arg[1], sizeof mask))
        return -EFAULT;
    mask &= ~(SIG_BIT(SIGKILL) | SIG_BIT(SIGSTOP));
    if (fd != -1) {
        int err = change_mask(fd, mask);
        return err ? err : fd;
    }
    struct signalfd *s = kzalloc(sizeof *s);
    if (!s)
        return -ENOMEM;
    s->mask = mask;
    struct file *f = file_create(&signalfd_ops, O_RDONLY | (flags & SFD_NONBLOCK), s);
    if (!f) {
        kfree(s);
        return -ENOMEM;
    }
    fd = fd_install(linux_current()->files, f, 0, flags & SFD_CLOEXEC);
    file_unref(f);
    return fd;
}
LINUX_SYSCALL(signalfd4, linux_signalfd4);

#ifdef __NR_signalfd /* x86_64 only: the older call, without flags */
static int64_t linux_signalfd(const uint64_t *arg)
{
    const uint64_t with_no_flags[4] = {arg[0], arg[1], arg[2], 0};
    return linux_signalfd4(with_no_flags);
}
LINUX_SYSCALL(signalfd, linux_signalfd);
#endif
