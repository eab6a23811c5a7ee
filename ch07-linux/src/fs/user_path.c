/*: # Paths from programs: copying and starting */
#include "fs/user_path.h"

#include <linux/fcntl.h>

#include "kernel/frame.h"
#include "linux/process.h"
#include "linux/uaccess.h"

struct vnode *fs_cwd(void)
{
    struct vnode *cwd = fs_root();
    if (hal_thread_local()) { /* a thread that serves a process */
        struct process *p = thread_current()->process;
        struct linux_process *lp =
            p->personality == &linux_personality ? p->personality_state : NULL;
        if (lp && lp->cwd)
            cwd = lp->cwd;
    }
    vnode_ref(cwd);
    return cwd;
}

int64_t user_path_copy(char *buf, uaddr_t upath)
{
    return copy_string_from_user(buf, PATH_MAX, upath);
}

int user_dir_of(int dirfd, struct vnode **out)
{
    if (dirfd == AT_FDCWD) {
        *out = fs_cwd();
        return 0;
    }
    struct file *f = fd_get(linux_current()->files, dirfd);
    if (!f)
        return -EBADF;
    int err = f->node && f->node->type == VNODE_DIRECTORY ? 0 : -ENOTDIR;
    if (!err)
        vnode_ref(*out = f->node);
    file_unref(f);
    return err;
}

/* AT_EMPTY_PATH's answer: the vnode of dirfd's file, in out->node. */
static int walk_to_fd(int dirfd, struct lookup *out)
{
    *out = (struct lookup){0};
    if (dirfd == AT_FDCWD) {
        out->node = fs_cwd();
        return 0;
    }
    struct file *f = fd_get(linux_current()->files, dirfd);
    if (f && f->node)
        vnode_ref(out->node = f->node);
    if (f)
        file_unref(f);
    return out->node ? 0 : -EBADF;
}

int user_path_walk(int dirfd, uaddr_t upath, unsigned flags, struct lookup *out)
{
    *out = (struct lookup){0};
    paddr_t frame = frame_alloc();
    if (!frame)
        return -ENOMEM;
    char *path = hal_pmem_ptr(frame);
    int64_t len = user_path_copy(path, upath);
    struct vnode *start = NULL;
    int err = len < 0 ? (int)len : !len && !(flags & USER_PATH_EMPTY) ? -ENOENT : 0;
    if (!err && !len) {
        frame_free(frame);
        return walk_to_fd(dirfd, out);
    }
    if (!err && path[0] == '/')
        vnode_ref(start = fs_root());
    else if (!err)
        err = user_dir_of(dirfd, &start);
    if (!err) {
        err = path_walk(start, path, flags & ~USER_PATH_EMPTY, out);
        vnode_unref(start);
    }
    frame_free(frame);
    return err;
}

int user_path_is_empty(uaddr_t upath)
{
    char first;
    if (copy_from_user(&first, upath, 1))
        return -EFAULT;
    return !first;
}
