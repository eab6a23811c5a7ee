/*: # open, openat, creat

`open` walks the path, makes the file if it is missing and `O_CREAT` asks for it (with the mode
given, less the process's umask), opens the vnode, and installs the open file at the lowest free
descriptor. Following Linux:

- `O_CREAT | O_EXCL` fails with `-EEXIST` if the name exists at all, a symlink included (it is not
  followed); without `O_EXCL`, a symlink to a missing name makes that name;
- `O_NOFOLLOW` refuses a symlink as the last name (`-ELOOP`), `O_DIRECTORY` anything but a
  directory (`-ENOTDIR`); a directory cannot be opened for writing or created this way (`-EISDIR`);
- a file of `/proc` cannot be opened for writing, `-EACCES` (Linux lets its root open some and
  then fails the write);
- `O_TRUNC` empties a regular file; `O_APPEND`, `O_NONBLOCK` stay with the open file;
  `O_CLOEXEC` goes with the descriptor (fs/fd_table.h);
- `O_PATH` opens the name only, for `fstat` and the `*at` calls: nothing is read or written
  through it.

The open file remembers the name it was opened by, and the directory that held it (after the
symbolic links were followed): that is what `/proc/PID/fd/N` tells (fs/procfs_fd.c). */
#include "fs/open.h"

#include <linux/fcntl.h>

#include "fs/ramfs.h"
#include "fs/ramfs_file.h"
#include "fs/user_path.h"
#include "linux/process.h"
#include "linux/syscall.h"

int vnode_open(struct vnode *v, uint32_t flags, struct file **out)
{
    struct file *f = NULL;
    if (flags & O_PATH) {
        f = file_create(&path_file_ops, flags, NULL);
    } else if (v->read_only && (flags & O_ACCMODE) != O_RDONLY) {
        return -EACCES;
    } else if (v->type == VNODE_DIRECTORY) {
        if ((flags & O_ACCMODE) != O_RDONLY)
            return -EISDIR;
        f = file_create(&dir_file_ops, flags, NULL);
    } else if (v->type == VNODE_REGULAR) {
        f = file_create(&regular_file_ops, flags, NULL);
    } else if (v->type == VNODE_CHAR_DEVICE) {
        int err = device_open(v->device, flags, &f);
        if (err)
            return err; /* a device may refuse (/dev/tty with no controlling terminal) */
    } else {
        return v->type == VNODE_SYMLINK ? -ELOOP : -ENXIO;
    }
    if (!f)
        return -ENOMEM;
    vnode_ref(f->node = v);
    *out = f;
    return 0;
}

/* The vnode open names, made if need be: 0 and *out (a reference), or -errno. */
static int open_vnode(struct lookup *l, uint32_t flags, uint32_t mode, struct vnode **out)
{
    if (!l->node) {
        if (!(flags & O_CREAT))
            return -ENOENT;
        if (l->trailing_slash)
            return -EISDIR;
        return ramfs_create(l->dir, l->name, VNODE_REGULAR, mode & ~linux_current()->umask, out);
    }
    struct vnode *v = l->node;
    if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
        return -EEXIST;
    if (v->type == VNODE_SYMLINK && !(flags & O_PATH))
        return -ELOOP; /* O_NOFOLLOW: the walk stopped at it */
    if ((flags & O_DIRECTORY) && v->type != VNODE_DIRECTORY)
        return -ENOTDIR;
    if (v->type == VNODE_DIRECTORY && (flags & O_CREAT))
        return -EISDIR;
    vnode_ref(*out = v);
    return 0;
}

static int64_t do_open(int dirfd, uaddr_t path, uint32_t flags, uint32_t mode)
{
    if (flags & O_PATH)
        flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    bool exclusive = (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL);
    struct lookup l;
    int err = user_path_walk(dirfd, path, flags & O_NOFOLLOW || exclusive ? PATH_NOFOLLOW : 0, &l);
    if (err)
        return err;
    struct vnode *v = NULL;
    struct file *f = NULL;
    err = open_vnode(&l, flags, mode & 07777, &v);
    if (!err)
        err = vnode_open(v, flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC), &f);
    if (!err && l.dir) /* the root, opened as "/", is in no directory */
        err = file_set_name(f, l.dir, l.name);
    lookup_done(&l);
    if (!err && (flags & O_TRUNC) && !(flags & O_PATH) && v->type == VNODE_REGULAR)
        err = ramfs_truncate(v, 0);
    int64_t fd = err ? err : fd_install(linux_current()->files, f, 0, flags & O_CLOEXEC);
    if (f)
        file_unref(f);
    if (v)
        vnode_unref(v);
    return fd;
}

#ifdef __NR_open
static int64_t linux_open(const uint64_t *arg)
{
    return do_open(AT_FDCWD, arg[0], (uint32_t)arg[1], (uint32_t)arg[2]);
}
LINUX_SYSCALL(open, linux_open);
#endif

static int64_t linux_openat(const uint64_t *arg)
{
    return do_open((int)arg[0], arg[1], (uint32_t)arg[2], (uint32_t)arg[3]);
}
LINUX_SYSCALL(openat, linux_openat);

#ifdef __NR_creat
static int64_t linux_creat(const uint64_t *arg)
{
    return do_open(AT_FDCWD, arg[0], O_CREAT | O_WRONLY | O_TRUNC, (uint32_t)arg[1]);
}
LINUX_SYSCALL(creat, linux_creat);
#endif
