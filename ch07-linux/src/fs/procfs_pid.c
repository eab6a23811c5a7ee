/*: # /proc/PID

A process's directory is made when its pid is looked up in `/proc`, if such a process exists then:
a computed directory (fs/computed_dir.h) that remembers the pid, whose names are the entries of the
table of process files (fs/procfs_process.c). Its parent is `/proc`, so `..` leads back there.
Should the process end while the directory is in use (a program's working directory), its files
are no longer found, as in Linux. */
#include "fs/procfs.h"
#include "linux/process.h"

static struct vnode *pid_lookup(struct vnode *dir, const char *name)
{
    int i = procfs_find(procfs_process_files, procfs_process_file_count, name);
    return i < 0 ? NULL : procfs_make(procfs_process_files, (size_t)i, dir->dir.computed_for);
}

static uint64_t pid_read(struct vnode *dir, uint64_t cookie,
                         bool (*emit)(void *ctx, const struct dir_item *item), void *ctx)
{
    return procfs_list(procfs_process_files, procfs_process_file_count, dir->dir.computed_for,
                       cookie, emit, ctx);
}

static const struct computed_dir pid_dir = {pid_lookup, pid_read};

struct vnode *procfs_pid_dir(int pid)
{
    hal_lock_acquire(&linux_tree_lock);
    bool exists = linux_process_find(pid) != NULL;
    hal_lock_release(&linux_tree_lock);
    return exists ? procfs_dir(&pid_dir, pid, procfs_ino(pid, -1)) : NULL;
}
