/*: # The working directory, and umask

`chdir` and `fchdir` change the directory relative paths start from: the process holds a reference
to it (linux/process.h), so that it lives on even if it is removed meanwhile (`getcwd` then says
`-ENOENT`, as Linux does). `getcwd` writes its path by climbing from it to the root through each
directory's parent, looking up in each parent the name it has there. `umask` sets the permission
bits that files and directories are made without. The same climb gives `execve` the path of the
program it runs, for `/proc/PID/exe`. */
#include <linux/fcntl.h>
#include <string.h>

#include "fs/ramfs_dir.h"
#include "fs/user_path.h"
#include "kernel/format.h"
#include "kernel/frame.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* Make v (a reference, which it takes over) the working directory: 0, or -ENOTDIR. */
static int set_cwd(struct vnode *v)
{
    if (v->type != VNODE_DIRECTORY) {
        vnode_unref(v);
        return -ENOTDIR;
    }
    struct linux_process *lp = linux_current();
    hal_lock_acquire(&linux_tree_lock); /* /proc/PID/cwd reads it under the lock */
    struct vnode *old = lp->cwd;
    lp->cwd = v;
    hal_lock_release(&linux_tree_lock);
    if (old)
        vnode_unref(old);
    return 0;
}

static int64_t linux_chdir(const uint64_t *arg)
{
    struct lookup l;
    int err = user_path_walk(AT_FDCWD, arg[0], 0, &l);
    if (!err && !l.node)
        err = -ENOENT;
    if (!err) {
        err = set_cwd(l.node);
        l.node = NULL;
    }
    lookup_done(&l);
    return err;
}
LINUX_SYSCALL(chdir, linux_chdir);

static int64_t linux_fchdir(const uint64_t *arg)
{
    struct file *f = fd_get(linux_current()->files, (int)arg[0]);
    if (!f)
        return -EBADF;
    int err = -ENOTDIR;
    if (f->node) {
        vnode_ref(f->node);
        err = set_cwd(f->node);
    }
    file_unref(f);
    return err;
}
LINUX_SYSCALL(fchdir, linux_fchdir);

/* Under the tree lock: write dir's path into the end of page (PAGE_SIZE bytes): where it starts,
   or NULL if dir was removed or the path is longer than a page. */
static char *path_of(struct vnode *dir, char *page)
{
    char *start = page + PAGE_SIZE - 1;
    *start = '\0';
    for (struct vnode *d = dir; d != fs_root(); d = d->dir.parent) {
        struct vnode *parent = d->dir.parent;
        struct dir_entry *e = parent ? dir_find_node(parent, d) : NULL;
        size_t len = e ? strlen(e->name) : 0;
        if (!e || (size_t)(start - page) < len + 1)
            return NULL;
        start -= len;
        memcpy(start, e->name, len);
        *--start = '/';
    }
    if (!*start)
        *--start = '/';
    return start;
}

int fs_path_of(struct vnode *dir, const char *name, char *buf, size_t size)
{
    paddr_t frame = frame_alloc();
    if (!frame)
        return -ENOMEM;
    hal_lock_acquire(&fs_tree_lock);
    char *path = path_of(dir, hal_pmem_ptr(frame));
    hal_lock_release(&fs_tree_lock);
    int err = !path ? -ENOENT : 0;
    if (!err && ksnprintf(buf, size, "%s/%s", path[1] ? path : "", name) >= (int)size)
        err = -ENAMETOOLONG;
    frame_free(frame);
    return err;
}

static int64_t linux_getcwd(const uint64_t *arg)
{
    paddr_t frame = frame_alloc();
    if (!frame)
        return -ENOMEM;
    struct vnode *cwd = fs_cwd();
    hal_lock_acquire(&fs_tree_lock);
    char *path = path_of(cwd, hal_pmem_ptr(frame));
    hal_lock_release(&fs_tree_lock);
    vnode_unref(cwd);
    int64_t len = path ? (int64_t)strlen(path) + 1 : -ENOENT;
    if (len > 0 && (uint64_t)len > arg[1])
        len = -ERANGE;
    if (len > 0 && copy_to_user(arg[0], path, len))
        len = -EFAULT;
    frame_free(frame);
    return len;
}
LINUX_SYSCALL(getcwd, linux_getcwd);

static int64_t linux_umask(const uint64_t *arg)
{
    struct linux_process *lp = linux_current();
    uint32_t old = lp->umask;
    lp->umask = arg[0] & 0777;
    return old;
}
LINUX_SYSCALL(umask, linux_umask);
