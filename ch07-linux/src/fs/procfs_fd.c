/*: # /proc/PID/fd and /proc/PID/cwd

`/proc/PID/fd` is a directory with a name per open descriptor of the process, each a symbolic link
that says what the descriptor's file is: `ls -l /proc/self/fd` shows what a program has open,
`lsof` finds who holds a file, and a shell may pass `/proc/self/fd/N` to a program as a path. The
target is, as in Linux:

- for a file opened by a name, the path of that name from the root, found as `getcwd` finds a
  directory's (fs/cwd.c), or made of the pid for a directory of a process's in `/proc`, which
  `getcwd` cannot climb: the file remembers the name and the directory that held it (fs/file.h).
  A file renamed within that directory is told by its new name, and one whose name is gone by its
  old one followed by ` (deleted)`; a file whose path cannot be told (its directory was removed)
  by its name alone;
- for a device opened without a name (the console of descriptors 0, 1 and 2), `/dev/NAME`;
- for a pipe, `pipe:[N]`, N being the inode number that `fstat` gives it.

Each link's permission bits say how the descriptor was opened, as Linux's do: read and search
(`0500`) for reading, write and search (`0300`) for writing. Linux's links are not symbolic links
like others: opening one opens the descriptor's very file, even a deleted one or a pipe. Zinc's are
ordinary ones: opening `/proc/self/fd/3` walks its target, which is the same file as long as the
name still leads to it.

`/proc/PID/cwd` is a link to the working directory; a zombie has none, nor any descriptor.

Another process's descriptor table and working directory are read under the process tree's lock,
under which that process changes its working directory and lets go of both at its end
(linux/exit.c, fs/cwd.c): neither is freed while it is read. */
#include <asm/errno.h>
#include <string.h>

#include "fs/path.h"
#include "fs/procfs.h"
#include "fs/ramfs_dir.h"
#include "kernel/frame.h"
#include "linux/process.h"

/* Write the path of name in dir (name "": of dir itself, with a slash after it) as the target: 0,
   or -errno with nothing written. */
static int write_path(struct procfs_text *t, struct vnode *dir, const char *name)
{
    if (dir->dir.computed_for) { /* /proc/PID or /proc/PID/fd: no list of /proc holds its name */
        procfs_printf(t, "/proc/%d%s/%s", dir->dir.computed_for,
                      dir->dir.computed == &procfs_fd_dir ? "/fd" : "", name);
        return 0;
    }
    int err = fs_path_of(dir, name, t->page + t->used, PAGE_SIZE - 16 - t->used);
    if (!err)
        t->used += strlen(t->page + t->used);
    return err;
}

int procfs_fill_cwd(struct procfs_text *t, const struct procfs_process *pp)
{
    if (pp->state == 'Z')
        return -ENOENT;
    if (!pp->cwd) {
        procfs_printf(t, "/"); /* a process that never changed it is at the root */
        return 0;
    }
    int err = write_path(t, pp->cwd, "");
    if (!err && t->used > 1)
        t->used--; /* the slash after the directory */
    return err ? -ENOENT : 0;
}

/* Write the path of the name f was opened by. */
static void write_name(struct procfs_text *t, const struct file *f)
{
    char name[NAME_MAX + 1];
    hal_lock_acquire(&fs_tree_lock);
    struct dir_entry *e = dir_find_node(f->dir, f->node);
    bool deleted = !e && !f->dir->dir.computed; /* a computed directory's names are in no list */
    memcpy(name, e ? e->name : f->name, strlen(e ? e->name : f->name) + 1);
    hal_lock_release(&fs_tree_lock);
    if (write_path(t, f->dir, name))
        procfs_printf(t, "%s", name);
    if (deleted)
        procfs_printf(t, " (deleted)");
}

/* Write what f is, as its link's target. */
static void write_target(struct procfs_text *t, const struct file *f)
{
    if (f->dir) {
        write_name(t, f);
        return;
    }
    if (f->node) { /* no directory holds it: the root, opened as "/" */
        procfs_printf(t, "/");
        return;
    }
    TABLE_FOREACH(struct device, devices, d)
    if (f->private == d && f->ops == d->ops) {
        procfs_printf(t, "/dev/%s", d->name);
        return;
    }
    /* A pipe's end: the inode number fstat tells of a file with no vnode (fs/stat.c). */
    procfs_printf(t, "pipe:[%llu]", (unsigned long long)((uintptr_t)f >> 4));
}

/* The file of descriptor fd of process pid, with a reference, or NULL. */
static struct file *file_of(int pid, int fd)
{
    hal_lock_acquire(&linux_tree_lock);
    struct linux_process *lp = linux_process_find(pid);
    struct file *f = lp && lp->files ? fd_get(lp->files, fd) : NULL;
    hal_lock_release(&linux_tree_lock);
    return f;
}

static struct vnode *fd_lookup(struct vnode *dir, const char *name)
{
    int pid = dir->dir.computed_for, fd = procfs_number(name, FD_MAX);
    struct file *f = fd >= 0 ? file_of(pid, fd) : NULL;
    paddr_t frame = f ? frame_alloc() : 0;
    struct vnode *v = NULL;
    if (frame) {
        struct procfs_text t = {.page = hal_pmem_ptr(frame)};
        write_target(&t, f);
        t.page[t.used] = '\0';
        v = vnode_create_symlink(t.page);
        frame_free(frame);
    }
    if (v) {
        v->ino = procfs_ino(pid, PROCFS_FD_INDEX + fd);
        v->mode = (file_readable(f) ? 0500 : 0) | (file_writable(f) ? 0300 : 0);
        v->read_only = true;
    }
    if (f)
        file_unref(f);
    return v;
}

/* The open descriptors of process pid: a bit each in open. */
static void open_descriptors(int pid, uint64_t open[FD_MAX / 64])
{
    hal_lock_acquire(&linux_tree_lock);
    struct linux_process *lp = linux_process_find(pid);
    struct fd_table *files = lp ? lp->files : NULL;
    if (files) {
        hal_lock_acquire(&files->lock);
        for (int fd = 0; fd < FD_MAX; fd++)
            if (files->slots[fd].file)
                open[fd / 64] |= 1ull << (fd % 64);
        hal_lock_release(&files->lock);
    }
    hal_lock_release(&linux_tree_lock);
}

/* The names from cookie on: descriptor fd's cookie is DIR_FIRST_COOKIE + fd. */
static uint64_t fd_read(struct vnode *dir, uint64_t cookie,
                        bool (*emit)(void *ctx, const struct dir_item *item), void *ctx)
{
    int pid = dir->dir.computed_for;
    uint64_t open[FD_MAX / 64] = {0};
    open_descriptors(pid, open);
    char name[12];
    for (uint64_t fd = cookie - DIR_FIRST_COOKIE; fd < FD_MAX; fd++) {
        if (!(open[fd / 64] >> (fd % 64) & 1))
            continue;
        ksnprintf(name, sizeof name, "%d", (int)fd);
        struct dir_item item = {name, procfs_ino(pid, PROCFS_FD_INDEX + (int)fd), VNODE_SYMLINK,
                                DIR_FIRST_COOKIE + fd + 1};
        if (!emit(ctx, &item))
            return DIR_FIRST_COOKIE + fd;
    }
    return cookie > DIR_FIRST_COOKIE + FD_MAX ? cookie : DIR_FIRST_COOKIE + FD_MAX;
}

const struct computed_dir procfs_fd_dir = {fd_lookup, fd_read};
