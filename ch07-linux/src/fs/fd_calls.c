/*: # The calls on descriptors

`close`, `dup`, `dup2`, `dup3`, `fcntl`, `ioctl` and `close_range`: the calls that work on a
descriptor or on the open file it names, and never on a path. Most are a line or two over the
descriptor table (fs/fd_table.h); what deserves care is which flag belongs where. Close-on-exec is
the descriptor's own (`F_GETFD`, `F_SETFD`, `FIOCLEX`), so `dup` never copies it; `O_APPEND` and
`O_NONBLOCK` belong to the open file (`F_GETFL`, `F_SETFL`, `FIONBIO`), so a change through one
descriptor shows through every descriptor that shares the file, in this process or another.

Record locks (`F_GETLK`, `F_SETLK`, `F_SETLKW`) are accepted and do nothing: Zinc has one user at a
time and no second process contending for a region of a file, so every lock is granted and a query
always finds the region free. A program that locks its files (a database, a mail spool) then runs
as it would alone. */
#include <asm/ioctls.h>
#include <linux/close_range.h>
#include <linux/fcntl.h>

#include "fs/fd_table.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* The status flags F_SETFL may change; the access mode and the rest stay as open(2) set them. */
#define SETTABLE_FLAGS (O_APPEND | O_NONBLOCK)
/* The flags of open(2) that act once, at the open, and that F_GETFL does not show. */
#define OPEN_ONLY_FLAGS (O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)

static struct fd_table *files(void)
{
    return linux_current()->files;
}

static int64_t linux_close(const uint64_t *arg)
{
    return fd_close(files(), (int)arg[0]);
}
LINUX_SYSCALL(close, linux_close);

/* Name fd's file by the lowest free descriptor >= min as well: the new descriptor, or -errno. */
static int64_t dup_from(int fd, int min, bool cloexec)
{
    struct file *f = fd_get(files(), fd);
    if (!f)
        return -EBADF;
    int result = fd_install(files(), f, min, cloexec);
    file_unref(f);
    return result;
}

static int64_t linux_dup(const uint64_t *arg)
{
    return dup_from((int)arg[0], 0, false);
}
LINUX_SYSCALL(dup, linux_dup);

static int64_t linux_dup3(const uint64_t *arg)
{
    int old = (int)arg[0], new = (int)arg[1];
    if ((arg[2] & ~(uint64_t)O_CLOEXEC) || old == new)
        return -EINVAL;
    return fd_dup_to(files(), old, new, arg[2] & O_CLOEXEC);
}
LINUX_SYSCALL(dup3, linux_dup3);

#ifdef __NR_dup2 /* x86_64 only; riscv64's C library calls dup3 */
/* dup2 onto the same descriptor changes nothing, not even close-on-exec: it only says whether old
   is open. */
static int64_t linux_dup2(const uint64_t *arg)
{
    int old = (int)arg[0], new = (int)arg[1];
    if (old == new)
        return fd_get_cloexec(files(), old) < 0 ? -EBADF : old;
    return fd_dup_to(files(), old, new, false);
}
LINUX_SYSCALL(dup2, linux_dup2);
#endif

/* F_GETLK and F_SETLK(W): the struct flock must be readable and well formed; no region is ever
   locked by anyone else, so a query answers F_UNLCK. */
static int64_t record_lock(int cmd, uaddr_t addr)
{
    struct flock lock;
    if (copy_from_user(&lock, addr, sizeof lock))
        return -EFAULT;
    if (lock.l_type != F_RDLCK && lock.l_type != F_WRLCK && lock.l_type != F_UNLCK)
        return -EINVAL;
    if (cmd != F_GETLK)
        return 0;
    lock.l_type = F_UNLCK;
    return copy_to_user(addr, &lock, sizeof lock);
}

/* fcntl's commands on the open file f, named by descriptor fd. */
static int64_t file_control(struct file *f, int fd, int cmd, uint64_t arg)
{
    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        if (arg >= FD_MAX)
            return -EINVAL;
        return fd_install(files(), f, (int)arg, cmd == F_DUPFD_CLOEXEC);
    case F_GETFD:
        return fd_get_cloexec(files(), fd) == 1 ? FD_CLOEXEC : 0;
    case F_SETFD:
        return fd_set_cloexec(files(), fd, arg & FD_CLOEXEC);
    case F_GETFL:
        return f->flags & ~(uint32_t)OPEN_ONLY_FLAGS;
    case F_SETFL:
        hal_lock_acquire(&f->lock);
        f->flags = (f->flags & ~SETTABLE_FLAGS) | ((uint32_t)arg & SETTABLE_FLAGS);
        hal_lock_release(&f->lock);
        return 0;
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
        return record_lock(cmd, arg);
    default:
        return -EINVAL;
    }
}

static int64_t linux_fcntl(const uint64_t *arg)
{
    struct file *f = fd_get(files(), (int)arg[0]);
    if (!f)
        return -EBADF;
    int64_t result = file_control(f, (int)arg[0], (int)arg[1], arg[2]);
    file_unref(f);
    return result;
}
LINUX_SYSCALL(fcntl, linux_fcntl);

/* The ioctls every file answers alike; the rest are the file's own. */
static int64_t io_control(struct file *f, int fd, unsigned cmd, uint64_t arg)
{
    int on;
    switch (cmd) {
    case FIONBIO:
        if (copy_from_user(&on, arg, sizeof on))
            return -EFAULT;
        hal_lock_acquire(&f->lock);
        f->flags = on ? f->flags | O_NONBLOCK : f->flags & ~(uint32_t)O_NONBLOCK;
        hal_lock_release(&f->lock);
        return 0;
    case FIOCLEX:
    case FIONCLEX:
        return fd_set_cloexec(files(), fd, cmd == FIOCLEX);
    default:
        return f->ops->ioctl ? f->ops->ioctl(f, cmd, arg) : -ENOTTY;
    }
}

static int64_t linux_ioctl(const uint64_t *arg)
{
    struct file *f = fd_get(files(), (int)arg[0]);
    if (!f)
        return -EBADF;
    int64_t result = io_control(f, (int)arg[0], (unsigned)arg[1], arg[2]);
    file_unref(f);
    return result;
}
LINUX_SYSCALL(ioctl, linux_ioctl);

/* close_range(first, last, flags): close (or, with CLOSE_RANGE_CLOEXEC, mark close-on-exec) every
   open descriptor from first to last. CLOSE_RANGE_UNSHARE asks for a table of the caller's own,
   which it always has: no thread shares a table with another process yet. */
static int64_t linux_close_range(const uint64_t *arg)
{
    uint64_t first = (unsigned)arg[0], last = (unsigned)arg[1];
    if (first > last || (arg[2] & ~(uint64_t)(CLOSE_RANGE_CLOEXEC | CLOSE_RANGE_UNSHARE)))
        return -EINVAL;
    for (uint64_t fd = first; fd <= last && fd < FD_MAX; fd++) {
        if (arg[2] & CLOSE_RANGE_CLOEXEC)
            fd_set_cloexec(files(), (int)fd, true);
        else
            fd_close(files(), (int)fd);
    }
    return 0;
}
LINUX_SYSCALL(close_range, linux_close_range);
