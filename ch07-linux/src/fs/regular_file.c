/*: # Regular files as open files

Reads and writes at the file's position, on the vnode's VMO (fs/ramfs_file.h); with `O_APPEND`
every write goes to the end, whatever the position says, and leaves the position there. A regular
file never makes a program wait: it is always readable and writable, which is what `poll` says of
it when `poll` is left out. */
#include <asm/errno.h>
#include <asm/fcntl.h>

#include "fs/open.h"
#include "fs/ramfs_file.h"

static int64_t regular_read(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    int64_t n = ramfs_read(f->node, buf, len, *pos);
    if (n > 0)
        *pos += n;
    return n;
}

static int64_t regular_write(struct file *f, const void *buf, size_t len, uint64_t *pos)
{
    return ramfs_write(f->node, buf, len, pos, f->flags & O_APPEND);
}

const struct file_ops regular_file_ops = {
    .read = regular_read,
    .write = regular_write,
};

/* A file opened with O_PATH names a file for the *at calls and fstat, and does nothing else. */
static int64_t path_only(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    return -EBADF;
}

static int64_t path_only_write(struct file *f, const void *buf, size_t len, uint64_t *pos)
{
    return -EBADF;
}

const struct file_ops path_file_ops = {
    .read = path_only,
    .write = path_only_write,
};
