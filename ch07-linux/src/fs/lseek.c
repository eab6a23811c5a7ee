/*: # lseek

Moves an open file's position: to an offset (`SEEK_SET`), by one (`SEEK_CUR`), from the end
(`SEEK_END`), which only a regular file has. `SEEK_DATA` and `SEEK_HOLE` find the next data and the
next hole; Zinc answers as a file system that keeps no map of its holes may: all of the file is
data, and the only hole is at its end. A directory's position is a cookie (fs/dir_file.c), set
only from the start. A pipe or a terminal has no position: `-ESPIPE`; a device's is always 0. */
#include "fs/open.h"
#include "linux/process.h"
#include "linux/syscall.h"

/* The whence values, from Linux's <linux/fs.h> (whose names the C library's <stdio.h> takes in the
   LibOS build). */
enum {
    LINUX_SEEK_SET,
    LINUX_SEEK_CUR,
    LINUX_SEEK_END,
    LINUX_SEEK_DATA,
    LINUX_SEEK_HOLE
};

/* The new position of a regular file of size bytes, at pos: or -errno. */
static int64_t regular_seek(uint64_t size, uint64_t pos, int64_t offset, unsigned whence)
{
    int64_t base;
    switch (whence) {
    case LINUX_SEEK_SET:
        base = 0;
        break;
    case LINUX_SEEK_CUR:
        base = (int64_t)pos;
        break;
    case LINUX_SEEK_END:
        base = (int64_t)size;
        break;
    case LINUX_SEEK_DATA:
    case LINUX_SEEK_HOLE:
        if (offset < 0 || (uint64_t)offset >= size)
            return -ENXIO;
        return whence == LINUX_SEEK_DATA ? offset : (int64_t)size;
    default:
        return -EINVAL;
    }
    int64_t to;
    if (__builtin_add_overflow(base, offset, &to))
        return -EOVERFLOW;
    return to < 0 ? -EINVAL : to;
}

static int64_t seek(struct file *f, int64_t offset, unsigned whence)
{
    if (!f->node || f->ops == &path_file_ops)
        return f->node ? -EBADF : -ESPIPE;
    if (f->node->type == VNODE_CHAR_DEVICE)
        return 0;
    hal_lock_acquire(&f->lock);
    int64_t to;
    if (f->node->type == VNODE_DIRECTORY)
        to = whence == LINUX_SEEK_SET && offset >= 0   ? offset
             : whence == LINUX_SEEK_CUR && offset == 0 ? (int64_t)f->pos
                                                       : -EINVAL;
    else
        to = regular_seek(f->node->size, f->pos, offset, whence);
    if (to >= 0)
        f->pos = (uint64_t)to;
    hal_lock_release(&f->lock);
    return to;
}

static int64_t linux_lseek(const uint64_t *arg)
{
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    int64_t to = seek(f, (int64_t)arg[1], (unsigned)arg[2]);
    file_unref(f);
    return to;
}
LINUX_SYSCALL(lseek, linux_lseek);
