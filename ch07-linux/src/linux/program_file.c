/*: # Where programs come from: the file system

A program is a regular file, found by its path (relative to the caller's working directory) and
read from its vnode's VMO. Only a regular file with an execute bit runs: anything else is
`-EACCES`, as in Linux. Where the file is, from the root, with the symbolic links that led to it
followed, is what `/proc/PID/exe` shows (Linux's too): not the path execve was given, which may
be relative or `/proc/self/exe` itself. */
#include "linux/program_file.h"

#include "fs/ramfs_file.h"
#include "fs/user_path.h"

static int read_vnode(void *ctx, uint64_t offset, void *buf, size_t len)
{
    return ramfs_read(ctx, buf, len, offset) == (int64_t)len ? 0 : -EIO;
}

int program_file_open(const char *path, struct exec_file *f)
{
    struct vnode *cwd = fs_cwd();
    struct lookup l;
    int err = path_walk(cwd, path, 0, &l);
    vnode_unref(cwd);
    if (err)
        return err;
    struct vnode *v = l.node;
    if (!v)
        err = -ENOENT;
    else if (v->type != VNODE_REGULAR || !(v->mode & 0111))
        err = -EACCES;
    else
        vnode_ref(v), *f = (struct exec_file){read_vnode, v, v->size, ""};
    if (!err && fs_path_of(l.dir, l.name, f->path, sizeof f->path))
        f->path[0] = '\0'; /* too long to tell: /proc/PID/exe is then missing */
    lookup_done(&l);
    return err;
}

void program_file_close(struct exec_file *f)
{
    vnode_unref(f->ctx);
}
