/*: # Calls that change what a file says of itself

`truncate` and `ftruncate` (the size), `chmod` and its kin (the permission bits), `chown` and its
kin (the owner), `utimensat` (the times), and `access`, which asks whether the caller may read,
write or run a file.

Every process is root (linux/identity.c), which may read and write anything and run any file that
has an execute bit: `access` says so. Since there is one user, `chown` succeeds when it would change
nothing (to user and group 0, or -1 for "leave it") and is refused (`-EPERM`) otherwise. */
#include <linux/fcntl.h>
#include <linux/time_types.h>

#include "fs/open.h"
#include "fs/ramfs_file.h"
#include "fs/user_path.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* utimensat's special nanoseconds, from Linux's <linux/stat.h> (hidden beside glibc). */
#define LINUX_UTIME_NOW ((1l << 30) - 1l)
#define LINUX_UTIME_OMIT ((1l << 30) - 2l)
#define ACCESS_MODES 7 /* R_OK | W_OK | X_OK */
#define ACCESS_X_OK 1

/* The vnode named by dirfd and path (walked with flags), or by dirfd itself if path is 0
   (utimensat) or empty with USER_PATH_EMPTY: 0 and *out (a reference), or -errno. */
static int vnode_at(int dirfd, uaddr_t path, unsigned flags, struct vnode **out)
{
    struct lookup l;
    int err = path ? user_path_walk(dirfd, path, flags, &l) : -EBADF;
    if (!path) { /* Linux's own extension: a null path is the descriptor's file */
        struct file *f = fd_get(linux_current()->files, dirfd);
        l = (struct lookup){0};
        if (f && f->node)
            vnode_ref(l.node = f->node), err = 0;
        if (f)
            file_unref(f);
    }
    if (!err && !l.node)
        err = -ENOENT;
    if (!err)
        vnode_ref(*out = l.node);
    lookup_done(&l);
    return err;
}

static int truncate_vnode(struct vnode *v, int64_t length)
{
    if (length < 0)
        return -EINVAL;
    if (v->type == VNODE_DIRECTORY)
        return -EISDIR;
    return v->type == VNODE_REGULAR ? ramfs_truncate(v, (uint64_t)length) : -EINVAL;
}

static int64_t linux_truncate(const uint64_t *arg)
{
    struct vnode *v;
    int err = vnode_at(AT_FDCWD, arg[0], 0, &v);
    if (err)
        return err;
    err = truncate_vnode(v, (int64_t)arg[1]);
    vnode_unref(v);
    return err;
}
LINUX_SYSCALL(truncate, linux_truncate);

static int64_t linux_ftruncate(const uint64_t *arg)
{
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    int err = !f->node || !file_writable(f) || f->ops == &path_file_ops
                  ? (f->ops == &path_file_ops ? -EBADF : -EINVAL)
                  : truncate_vnode(f->node, (int64_t)arg[1]);
    file_unref(f);
    return err;
}
LINUX_SYSCALL(ftruncate, linux_ftruncate);

static int64_t do_access(int dirfd, uaddr_t path, unsigned mode, unsigned flags)
{
    if ((mode & ~ACCESS_MODES) || (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)))
        return -EINVAL;
    struct vnode *v;
    int err = vnode_at(dirfd, path,
                       (flags & AT_SYMLINK_NOFOLLOW ? PATH_NOFOLLOW : 0) |
                           (flags & AT_EMPTY_PATH ? USER_PATH_EMPTY : 0),
                       &v);
    if (err)
        return err;
    if ((mode & ACCESS_X_OK) && v->type != VNODE_DIRECTORY && !(v->mode & 0111))
        err = -EACCES;
    vnode_unref(v);
    return err;
}

#ifdef __NR_access
static int64_t linux_access(const uint64_t *arg)
{
    return do_access(AT_FDCWD, arg[0], (unsigned)arg[1], 0);
}
LINUX_SYSCALL(access, linux_access);
#endif

static int64_t linux_faccessat(const uint64_t *arg)
{
    return do_access((int)arg[0], arg[1], (unsigned)arg[2], 0);
}
LINUX_SYSCALL(faccessat, linux_faccessat);

static int64_t linux_faccessat2(const uint64_t *arg)
{
    return do_access((int)arg[0], arg[1], (unsigned)arg[2], (unsigned)arg[3]);
}
LINUX_SYSCALL(faccessat2, linux_faccessat2);

static int set_mode(struct vnode *v, uint32_t mode)
{
    hal_lock_acquire(&v->lock);
    v->mode = mode & 07777;
    hal_lock_release(&v->lock);
    vnode_touch(v, VNODE_CTIME);
    return 0;
}

/* A descriptor's vnode, for the f* calls: 0 and *out (a reference; NULL for a file with none, a
   pipe, on which the calls succeed doing nothing), or -EBADF. */
static int fd_vnode(int fd, struct vnode **out)
{
    struct file *f = fd_get(linux_current()->files, fd);
    if (!f)
        return -EBADF;
    if ((*out = f->node))
        vnode_ref(*out);
    file_unref(f);
    return 0;
}

static int64_t do_chmod(int dirfd, uaddr_t path, uint32_t mode, unsigned flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    struct vnode *v;
    int err = vnode_at(dirfd, path, flags & AT_EMPTY_PATH ? USER_PATH_EMPTY : 0, &v);
    if (err)
        return err;
    err = set_mode(v, mode);
    vnode_unref(v);
    return err;
}

#ifdef __NR_chmod
static int64_t linux_chmod(const uint64_t *arg)
{
    return do_chmod(AT_FDCWD, arg[0], (uint32_t)arg[1], 0);
}
LINUX_SYSCALL(chmod, linux_chmod);
#endif

static int64_t linux_fchmodat(const uint64_t *arg)
{
    return do_chmod((int)arg[0], arg[1], (uint32_t)arg[2], 0);
}
LINUX_SYSCALL(fchmodat, linux_fchmodat);

static int64_t linux_fchmod(const uint64_t *arg)
{
    struct vnode *v;
    int err = fd_vnode((int)arg[0], &v);
    if (!err && v) {
        err = set_mode(v, (uint32_t)arg[1]);
        vnode_unref(v);
    }
    return err;
}
LINUX_SYSCALL(fchmod, linux_fchmod);

/* chown's owners: only root, or -1 (no change), is anyone here. */
static int check_owner(uint64_t uid, uint64_t gid)
{
    bool uid_ok = (uint32_t)uid == 0 || (uint32_t)uid == UINT32_MAX;
    bool gid_ok = (uint32_t)gid == 0 || (uint32_t)gid == UINT32_MAX;
    return uid_ok && gid_ok ? 0 : -EPERM;
}

static int64_t do_chown(int dirfd, uaddr_t path, uint64_t uid, uint64_t gid, unsigned flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    struct vnode *v;
    int err = vnode_at(dirfd, path,
                       (flags & AT_SYMLINK_NOFOLLOW ? PATH_NOFOLLOW : 0) |
                           (flags & AT_EMPTY_PATH ? USER_PATH_EMPTY : 0),
                       &v);
    if (err)
        return err;
    if (!(err = check_owner(uid, gid)))
        vnode_touch(v, VNODE_CTIME);
    vnode_unref(v);
    return err;
}

#ifdef __NR_chown
static int64_t linux_chown(const uint64_t *arg)
{
    return do_chown(AT_FDCWD, arg[0], arg[1], arg[2], 0);
}
LINUX_SYSCALL(chown, linux_chown);

static int64_t linux_lchown(const uint64_t *arg)
{
    return do_chown(AT_FDCWD, arg[0], arg[1], arg[2], AT_SYMLINK_NOFOLLOW);
}
LINUX_SYSCALL(lchown, linux_lchown);
#endif

static int64_t linux_fchownat(const uint64_t *arg)
{
    return do_chown((int)arg[0], arg[1], arg[2], arg[3], (unsigned)arg[4]);
}
LINUX_SYSCALL(fchownat, linux_fchownat);

static int64_t linux_fchown(const uint64_t *arg)
{
    struct vnode *v = NULL;
    int err = fd_vnode((int)arg[0], &v);
    if (!err)
        err = check_owner(arg[1], arg[2]);
    if (!err && v)
        vnode_touch(v, VNODE_CTIME);
    if (v)
        vnode_unref(v);
    return err;
}
LINUX_SYSCALL(fchown, linux_fchown);

/* One of utimensat's two times into *t: false if its nanoseconds are out of range. */
static bool new_time(const struct __kernel_timespec *ts, struct vnode_time *t)
{
    if (ts->tv_nsec == LINUX_UTIME_OMIT)
        return true;
    if (ts->tv_nsec == LINUX_UTIME_NOW) {
        *t = vnode_now();
        return true;
    }
    if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
        return false;
    *t = (struct vnode_time){ts->tv_sec, (uint32_t)ts->tv_nsec};
    return true;
}

static int64_t linux_utimensat(const uint64_t *arg)
{
    struct __kernel_timespec ts[2] = {{0, LINUX_UTIME_NOW}, {0, LINUX_UTIME_NOW}};
    if (arg[2] && copy_from_user(ts, arg[2], sizeof ts))
        return -EFAULT;
    if (arg[3] & ~(uint64_t)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    struct vnode *v;
    int err = vnode_at((int)arg[0], arg[1],
                       (arg[3] & AT_SYMLINK_NOFOLLOW ? PATH_NOFOLLOW : 0) |
                           (arg[3] & AT_EMPTY_PATH ? USER_PATH_EMPTY : 0),
                       &v);
    if (err)
        return err;
    hal_lock_acquire(&v->lock);
    struct vnode_time atime = v->atime, mtime = v->mtime;
    hal_lock_release(&v->lock);
    if (!new_time(&ts[0], &atime) || !new_time(&ts[1], &mtime)) {
        err = -EINVAL;
    } else {
        hal_lock_acquire(&v->lock);
        v->atime = atime;
        v->mtime = mtime;
        v->ctime = vnode_now();
        hal_lock_release(&v->lock);
    }
    vnode_unref(v);
    return err;
}
LINUX_SYSCALL(utimensat, linux_utimensat);
