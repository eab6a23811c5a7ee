/*: # sync, fsync, fdatasync

A file system on a disk keeps what programs write in memory for a while and writes it out later;
these calls ask for it now: `sync` for everything, `fsync` and `fdatasync` for one file. Every file
of Zinc lives in memory and nowhere else (ramfs, /proc, the devices), so there is never anything to
write, and each call has only its errors to get right. As on Linux, a descriptor that names no file
of a file system that could be synchronized (a pipe, a socket, a terminal, a device) is `-EINVAL`,
and one opened with `O_PATH` is `-EBADF`. busybox's init calls `sync` before it powers off. */
#include <asm/fcntl.h>

#include "fs/open.h"
#include "linux/process.h"
#include "linux/syscall.h"

static int64_t linux_sync(const uint64_t *arg)
{
    return 0;
}
LINUX_SYSCALL(sync, linux_sync);

/* The answer for descriptor fd: of a file that can be synchronized, or (whole) of any file of the
   file system it belongs to, as syncfs asks. */
static int64_t sync_file(int fd, bool whole)
{
    struct file *f = fd_get(linux_current()->files, fd);
    if (!f)
        return -EBADF;
    int64_t result = 0;
    if (f->flags & O_PATH)
        result = -EBADF;
    else if (!whole &&
             (!f->node || (f->node->type != VNODE_REGULAR && f->node->type != VNODE_DIRECTORY)))
        result = -EINVAL;
    file_unref(f);
    return result;
}

static int64_t linux_fsync(const uint64_t *arg)
{
    return sync_file((int)arg[0], false);
}
LINUX_SYSCALL(fsync, linux_fsync);

static int64_t linux_fdatasync(const uint64_t *arg)
{
    return sync_file((int)arg[0], false);
}
LINUX_SYSCALL(fdatasync, linux_fdatasync);

static int64_t linux_syncfs(const uint64_t *arg)
{
    return sync_file((int)arg[0], true);
}
LINUX_SYSCALL(syncfs, linux_syncfs);
