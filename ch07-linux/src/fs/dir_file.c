/*: # Directories as open files, and getdents64

An open directory is read with `getdents64`, which fills the program's buffer with as many
`linux_dirent64` records as fit, each the inode number, the entry's type, the name and the offset
of the next record: Zinc's offsets are directory cookies (fs/ramfs_dir.h), kept as the file's
position, so that `lseek(fd, 0, SEEK_SET)` (`rewinddir`) starts over and a saved offset
(`telldir`, `seekdir`) resumes where it said.

The records are built in a kernel page and copied out once: the directory's entries are read under
the tree lock, where the program's memory cannot be touched (a fault there could wait).
Two threads reading one directory at once may see the same records twice: Linux orders them with
a lock on the position, which is no use to a program that shares a directory's descriptor anyway. */
#include <asm/errno.h>
#include <stddef.h>
#include <string.h>

#include "fs/open.h"
#include "fs/ramfs_dir.h"
#include "kernel/frame.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

static int64_t dir_no_read(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    return -EISDIR;
}

const struct file_ops dir_file_ops = {
    .read = dir_no_read,
};

/* Linux's record, from its <linux/dirent.h>, which is not among the headers it exports. */
struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    uint16_t d_reclen;
    uint8_t d_type;
    char d_name[];
};

/* The record being filled: the kernel page and how much of it (at most room) is used. */
struct dirent_buffer {
    char *page;
    size_t used, room;
    bool full; /* a record did not fit */
};

/* DT_REG and its kin are the type bits of the mode, shifted. */
static uint8_t dirent_type(enum vnode_type type)
{
    return (uint8_t)(type >> 12);
}

static bool emit(void *ctx, const struct dir_item *item)
{
    struct dirent_buffer *b = ctx;
    size_t len = strlen(item->name);
    size_t reclen = (offsetof(struct linux_dirent64, d_name) + len + 1 + 7) & ~(size_t)7;
    if (b->used + reclen > b->room) {
        b->full = true;
        return false;
    }
    struct linux_dirent64 *d = (void *)(b->page + b->used);
    memset(d, 0, reclen);
    d->d_ino = item->ino;
    d->d_off = (int64_t)item->next;
    d->d_reclen = (uint16_t)reclen;
    d->d_type = dirent_type(item->type);
    memcpy(d->d_name, item->name, len);
    b->used += reclen;
    return true;
}

static int64_t linux_getdents64(const uint64_t *arg)
{
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    paddr_t frame = 0;
    int64_t result = f->ops != &dir_file_ops ? -ENOTDIR : 0;
    if (!result && !(frame = frame_alloc()))
        result = -ENOMEM;
    if (!result) {
        struct dirent_buffer b = {.page = hal_pmem_ptr(frame),
                                  .room = arg[2] < PAGE_SIZE ? arg[2] : PAGE_SIZE};
        hal_lock_acquire(&f->lock);
        uint64_t pos = f->pos;
        hal_lock_release(&f->lock);
        uint64_t next = dir_read(f->node, pos, emit, &b);
        if (!b.used && b.full)
            result = -EINVAL; /* not even one record fits */
        else if (!(result = copy_to_user(arg[1], b.page, b.used)))
            result = (int64_t)b.used;
        if (result > 0) {
            hal_lock_acquire(&f->lock);
            f->pos = next;
            hal_lock_release(&f->lock);
        }
        frame_free(frame);
    }
    file_unref(f);
    return result;
}
LINUX_SYSCALL(getdents64, linux_getdents64);
