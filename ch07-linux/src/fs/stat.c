/*: # stat and its kin

What a program learns of a file without opening it: `stat`, `lstat` (the link itself), `fstat`
(an open file), `newfstatat` (relative to a directory descriptor, and with `AT_EMPTY_PATH` the
descriptor's own file), `statx` (the newer form, which says which fields it filled), and `statfs`
for the file system as a whole.

The answer is gathered once, as a `struct statx`, and `struct stat` is made from it. That
structure differs between the architectures (x86_64 keeps its historic layout, riscv64 the generic
one): it comes from Linux's `<asm/stat.h>` for the architecture built for. The kernel never
includes the C library's `<sys/stat.h>`, so the two do not meet even in the LibOS build, where the
host's glibc headers are the ones at hand.

Every file belongs to user and group 0. A file opened without a name (the console the first
process starts with, a pipe) is a character device if it is one of the device table's, and a FIFO
otherwise. Blocks are counted from the pages a file's VMO holds: a sparse file shows its holes. */
#include <asm/stat.h>
#include <asm/statfs.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

#include "fs/device.h"
#include "fs/user_path.h"
#include "kernel/frame.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "vm/vmo.h"

#define RAMFS_DEV_MINOR 1      /* the file system's own device number: 0:1 */
#define TMPFS_MAGIC 0x01021994 /* statfs's f_type for tmpfs, from Linux's <linux/magic.h> */

static struct statx_timestamp stamp(struct vnode_time t)
{
    return (struct statx_timestamp){.tv_sec = t.sec, .tv_nsec = t.nsec};
}

static void stat_vnode(struct vnode *v, struct statx *sx)
{
    hal_lock_acquire(&v->lock);
    *sx = (struct statx){
        .stx_mask = STATX_BASIC_STATS,
        .stx_blksize = PAGE_SIZE,
        .stx_nlink = v->nlink,
        .stx_mode = (uint16_t)(v->type | v->mode),
        .stx_ino = v->ino,
        .stx_size = v->size,
        .stx_atime = stamp(v->atime),
        .stx_mtime = stamp(v->mtime),
        .stx_ctime = stamp(v->ctime),
        .stx_dev_minor = RAMFS_DEV_MINOR,
    };
    if (v->type == VNODE_REGULAR)
        sx->stx_blocks = vmo_committed_pages(v->data, 0, vmo_size(v->data)) * (PAGE_SIZE / 512);
    if (v->type == VNODE_CHAR_DEVICE) {
        sx->stx_rdev_major = v->device->major;
        sx->stx_rdev_minor = v->device->minor;
    }
    hal_lock_release(&v->lock);
}

/* An open file: its vnode's, or what a file without one is. */
static void stat_file(struct file *f, struct statx *sx)
{
    if (f->node) {
        stat_vnode(f->node, sx);
        return;
    }
    *sx = (struct statx){.stx_mask = STATX_BASIC_STATS,
                         .stx_blksize = PAGE_SIZE,
                         .stx_nlink = 1,
                         .stx_mode = S_IFIFO | 0600,
                         .stx_ino = (uintptr_t)f >> 4};
    TABLE_FOREACH(struct device, devices, d)
    if (f->private == d && f->ops == d->ops) {
        sx->stx_mode = S_IFCHR | 0620;
        sx->stx_rdev_major = d->major;
        sx->stx_rdev_minor = d->minor;
    }
}

/* statx's answer for dirfd/path, or the descriptor's own file (AT_EMPTY_PATH): 0 or -errno. */
static int stat_at(int dirfd, uaddr_t path, unsigned flags, struct statx *sx)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE))
        return -EINVAL;
    int empty = flags & AT_EMPTY_PATH ? user_path_is_empty(path) : 0;
    if (empty < 0)
        return empty;
    if (empty && dirfd != AT_FDCWD) {
        struct file *f = fd_get(linux_current()->files, dirfd);
        if (!f)
            return -EBADF;
        stat_file(f, sx);
        file_unref(f);
        return 0;
    }
    struct lookup l;
    unsigned walk = (flags & AT_SYMLINK_NOFOLLOW ? PATH_NOFOLLOW : 0) |
                    (flags & AT_EMPTY_PATH ? USER_PATH_EMPTY : 0);
    int err = user_path_walk(dirfd, path, walk, &l);
    if (!err && !l.node)
        err = -ENOENT;
    if (!err)
        stat_vnode(l.node, sx);
    lookup_done(&l);
    return err;
}

/* Linux's encoding of a device number in struct stat. */
static uint64_t dev_number(uint32_t major, uint32_t minor)
{
    return (minor & 0xff) | ((uint64_t)(major & 0xfff) << 8) | ((uint64_t)(minor & ~0xffu) << 12);
}

static int copy_stat_out(uaddr_t buf, const struct statx *sx)
{
    struct stat st = {
        .st_dev = dev_number(sx->stx_dev_major, sx->stx_dev_minor),
        .st_ino = sx->stx_ino,
        .st_mode = sx->stx_mode,
        .st_nlink = sx->stx_nlink,
        .st_rdev = dev_number(sx->stx_rdev_major, sx->stx_rdev_minor),
        .st_size = (long)sx->stx_size,
        .st_blksize = (long)sx->stx_blksize,
        .st_blocks = (long)sx->stx_blocks,
        .st_atime = sx->stx_atime.tv_sec,
        .st_atime_nsec = sx->stx_atime.tv_nsec,
        .st_mtime = sx->stx_mtime.tv_sec,
        .st_mtime_nsec = sx->stx_mtime.tv_nsec,
        .st_ctime = sx->stx_ctime.tv_sec,
        .st_ctime_nsec = sx->stx_ctime.tv_nsec,
    };
    return copy_to_user(buf, &st, sizeof st);
}

static int64_t stat_call(int dirfd, uaddr_t path, uaddr_t buf, unsigned flags)
{
    struct statx sx;
    int err = stat_at(dirfd, path, flags, &sx);
    return err ? err : copy_stat_out(buf, &sx);
}

#ifdef __NR_stat
static int64_t linux_stat(const uint64_t *arg)
{
    return stat_call(AT_FDCWD, arg[0], arg[1], 0);
}
LINUX_SYSCALL(stat, linux_stat);

static int64_t linux_lstat(const uint64_t *arg)
{
    return stat_call(AT_FDCWD, arg[0], arg[1], AT_SYMLINK_NOFOLLOW);
}
LINUX_SYSCALL(lstat, linux_lstat);
#endif

static int64_t linux_fstat(const uint64_t *arg)
{
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    struct statx sx;
    stat_file(f, &sx);
    file_unref(f);
    return copy_stat_out(arg[1], &sx);
}
LINUX_SYSCALL(fstat, linux_fstat);

static int64_t linux_newfstatat(const uint64_t *arg)
{
    return stat_call((int)arg[0], arg[1], arg[2], (unsigned)arg[3]);
}
LINUX_SYSCALL(newfstatat, linux_newfstatat);

static int64_t linux_statx(const uint64_t *arg)
{
    struct statx sx;
    int err = (uint32_t)arg[3] & STATX__RESERVED
                  ? -EINVAL
                  : stat_at((int)arg[0], arg[1], (unsigned)arg[2], &sx);
    return err ? err : copy_to_user(arg[4], &sx, sizeof sx);
}
LINUX_SYSCALL(statx, linux_statx);

/* statfs: a tmpfs as large as the memory the kernel may still hand out. */
static int copy_statfs_out(uaddr_t buf)
{
    uint64_t pages = frame_free_count();
    struct statfs s = {
        .f_type = TMPFS_MAGIC,
        .f_bsize = PAGE_SIZE,
        .f_blocks = (long)pages,
        .f_bfree = (long)pages,
        .f_bavail = (long)pages,
        .f_files = (long)pages,
        .f_ffree = (long)pages,
        .f_namelen = NAME_MAX,
        .f_frsize = PAGE_SIZE,
    };
    return copy_to_user(buf, &s, sizeof s);
}

static int64_t linux_statfs(const uint64_t *arg)
{
    struct lookup l;
    int err = user_path_walk(AT_FDCWD, arg[0], 0, &l);
    if (!err && !l.node)
        err = -ENOENT;
    lookup_done(&l);
    return err ? err : copy_statfs_out(arg[1]);
}
LINUX_SYSCALL(statfs, linux_statfs);

static int64_t linux_fstatfs(const uint64_t *arg)
{
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    file_unref(f);
    return copy_statfs_out(arg[1]);
}
LINUX_SYSCALL(fstatfs, linux_fstatfs);
