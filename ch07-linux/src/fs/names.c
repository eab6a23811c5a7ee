/*: # Calls that change names

`mkdir`, `rmdir`, `unlink`, `rename`, `link`, `symlink` and their `*at` forms, and `readlink`, which
reads what a symlink says. Each walks its path to the directory and the last name (fs/path.h,
`PATH_ENTRY`: the last name is acted on, never followed) and leaves the rest to the RAM file
system's operations (fs/ramfs.h), which check and change the directory under one lock. The older
calls are the `*at` ones with `AT_FDCWD`; x86_64 has both, riscv64 only the `*at` ones. */
#include <linux/fcntl.h>
#include <string.h>

#include "fs/ramfs.h"
#include "fs/user_path.h"
#include "kernel/frame.h"
#include "kernel/kmalloc.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* renameat2's flags, from Linux's <linux/fs.h>. */
#define LINUX_RENAME_NOREPLACE 1

static int64_t do_mkdir(int dirfd, uaddr_t path, uint32_t mode)
{
    struct lookup l;
    int err = user_path_walk(dirfd, path, PATH_ENTRY, &l);
    if (!err && (l.node || !l.dir))
        err = -EEXIST;
    struct vnode *made;
    if (!err) {
        err = ramfs_create(l.dir, l.name, VNODE_DIRECTORY, mode & 07777 & ~linux_current()->umask,
                           &made);
        if (!err)
            vnode_unref(made);
    }
    lookup_done(&l);
    return err;
}

static int64_t do_unlink(int dirfd, uaddr_t path, bool directory)
{
    struct lookup l;
    int err = user_path_walk(dirfd, path, PATH_ENTRY, &l);
    if (!err && !l.dir)
        err = directory ? -EBUSY : -EISDIR;
    if (!err)
        err = directory ? ramfs_rmdir(l.dir, l.name) : ramfs_unlink(l.dir, l.name);
    lookup_done(&l);
    return err;
}

static int64_t do_rename(int olddirfd, uaddr_t oldpath, int newdirfd, uaddr_t newpath,
                         unsigned flags)
{
    if (flags & ~LINUX_RENAME_NOREPLACE)
        return -EINVAL;
    struct lookup from, to = {0};
    int err = user_path_walk(olddirfd, oldpath, PATH_ENTRY, &from);
    if (!err)
        err = user_path_walk(newdirfd, newpath, PATH_ENTRY, &to);
    if (!err && (!from.dir || !to.dir))
        err = -EBUSY;
    if (!err && from.node && from.node->type != VNODE_DIRECTORY &&
        (from.trailing_slash || to.trailing_slash))
        err = -ENOTDIR;
    if (!err)
        err = ramfs_rename(from.dir, from.name, to.dir, to.name, flags & LINUX_RENAME_NOREPLACE);
    lookup_done(&from);
    lookup_done(&to);
    return err;
}

static int64_t do_link(int olddirfd, uaddr_t oldpath, int newdirfd, uaddr_t newpath, unsigned flags)
{
    if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    unsigned walk = (flags & AT_SYMLINK_FOLLOW ? 0 : PATH_NOFOLLOW) |
                    (flags & AT_EMPTY_PATH ? USER_PATH_EMPTY : 0);
    struct lookup from, to = {0};
    int err = user_path_walk(olddirfd, oldpath, walk, &from);
    if (!err && !from.node)
        err = -ENOENT;
    if (!err)
        err = user_path_walk(newdirfd, newpath, PATH_ENTRY, &to);
    if (!err && (to.node || !to.dir))
        err = -EEXIST;
    if (!err && to.trailing_slash)
        err = -ENOENT;
    if (!err)
        err = ramfs_link(to.dir, to.name, from.node);
    lookup_done(&from);
    lookup_done(&to);
    return err;
}

static int64_t do_symlink(uaddr_t utarget, int dirfd, uaddr_t path)
{
    paddr_t frame = frame_alloc();
    if (!frame)
        return -ENOMEM;
    char *target = hal_pmem_ptr(frame);
    int64_t len = user_path_copy(target, utarget);
    int err = len < 0 ? (int)len : !len ? -ENOENT : 0;
    struct lookup l = {0};
    if (!err)
        err = user_path_walk(dirfd, path, PATH_ENTRY, &l);
    if (!err && (l.node || !l.dir))
        err = -EEXIST;
    struct vnode *link = NULL;
    if (!err && !(link = vnode_create_symlink(target)))
        err = len >= KMALLOC_MAX ? -ENAMETOOLONG : -ENOMEM;
    if (!err)
        err = ramfs_add(l.dir, l.name, link);
    if (link)
        vnode_unref(link);
    lookup_done(&l);
    frame_free(frame);
    return err;
}

static int64_t do_readlink(int dirfd, uaddr_t path, uaddr_t buf, int64_t size)
{
    if (size <= 0)
        return -EINVAL;
    struct lookup l;
    int64_t n = user_path_walk(dirfd, path, PATH_NOFOLLOW | USER_PATH_EMPTY, &l);
    if (!n && !l.node)
        n = -ENOENT;
    if (!n && l.node->type != VNODE_SYMLINK)
        n = -EINVAL;
    if (!n) {
        n = (int64_t)l.node->size < size ? (int64_t)l.node->size : size;
        if (copy_to_user(buf, l.node->target, n))
            n = -EFAULT;
    }
    lookup_done(&l);
    return n;
}

static int64_t linux_mkdirat(const uint64_t *arg)
{
    return do_mkdir((int)arg[0], arg[1], (uint32_t)arg[2]);
}
LINUX_SYSCALL(mkdirat, linux_mkdirat);

static int64_t linux_unlinkat(const uint64_t *arg)
{
    if (arg[2] & ~(uint64_t)AT_REMOVEDIR)
        return -EINVAL;
    return do_unlink((int)arg[0], arg[1], arg[2] & AT_REMOVEDIR);
}
LINUX_SYSCALL(unlinkat, linux_unlinkat);

static int64_t linux_renameat2(const uint64_t *arg)
{
    return do_rename((int)arg[0], arg[1], (int)arg[2], arg[3], (unsigned)arg[4]);
}
LINUX_SYSCALL(renameat2, linux_renameat2);

static int64_t linux_linkat(const uint64_t *arg)
{
    return do_link((int)arg[0], arg[1], (int)arg[2], arg[3], (unsigned)arg[4]);
}
LINUX_SYSCALL(linkat, linux_linkat);

static int64_t linux_symlinkat(const uint64_t *arg)
{
    return do_symlink(arg[0], (int)arg[1], arg[2]);
}
LINUX_SYSCALL(symlinkat, linux_symlinkat);

static int64_t linux_readlinkat(const uint64_t *arg)
{
    return do_readlink((int)arg[0], arg[1], arg[2], (int64_t)arg[3]);
}
LINUX_SYSCALL(readlinkat, linux_readlinkat);

#ifdef __NR_renameat
static int64_t linux_renameat(const uint64_t *arg)
{
    return do_rename((int)arg[0], arg[1], (int)arg[2], arg[3], 0);
}
LINUX_SYSCALL(renameat, linux_renameat);
#endif

#ifdef __NR_mkdir
static int64_t linux_mkdir(const uint64_t *arg)
{
    return do_mkdir(AT_FDCWD, arg[0], (uint32_t)arg[1]);
}
LINUX_SYSCALL(mkdir, linux_mkdir);

static int64_t linux_rmdir(const uint64_t *arg)
{
    return do_unlink(AT_FDCWD, arg[0], true);
}
LINUX_SYSCALL(rmdir, linux_rmdir);

static int64_t linux_unlink(const uint64_t *arg)
{
    return do_unlink(AT_FDCWD, arg[0], false);
}
LINUX_SYSCALL(unlink, linux_unlink);

static int64_t linux_rename(const uint64_t *arg)
{
    return do_rename(AT_FDCWD, arg[0], AT_FDCWD, arg[1], 0);
}
LINUX_SYSCALL(rename, linux_rename);

static int64_t linux_link(const uint64_t *arg)
{
    return do_link(AT_FDCWD, arg[0], AT_FDCWD, arg[1], 0);
}
LINUX_SYSCALL(link, linux_link);

static int64_t linux_symlink(const uint64_t *arg)
{
    return do_symlink(arg[0], AT_FDCWD, arg[1]);
}
LINUX_SYSCALL(symlink, linux_symlink);

static int64_t linux_readlink(const uint64_t *arg)
{
    return do_readlink(AT_FDCWD, arg[0], arg[1], (int64_t)arg[2]);
}
LINUX_SYSCALL(readlink, linux_readlink);
#endif
