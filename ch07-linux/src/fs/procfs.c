/*: # /proc

`/proc` shows the kernel's state as files: `ps` and `top` list its numbered directories, one per
process, and read what each process is from `/proc/PID/stat`; `free` reads `/proc/meminfo`; and a
program finds itself through `/proc/self`, a symbolic link to its own pid's directory (Debian's
busybox reads `/proc/self/exe` at every start to know where its binary is).

Zinc's `/proc` is a computed directory (fs/computed_dir.h) rather than a file system of its own:
at boot, the empty `/proc` the initramfs brings is made computed, so every path walk and every
listing that reaches it asks this file instead of a list of entries. There is no mount table to
consult on every step of every walk, and nothing to keep up to date when processes come and go:
`/proc` says what is true when it is asked. Its names are:

- the files of the system and `self` (fs/procfs_system.c), from a table;
- one directory per Linux process, living or zombie, named by its pid, listed in increasing order
  after the table. A listing resumes at a cookie (fs/dir_file.c), which for a pid is
  `DIR_FIRST_COOKIE + table size + pid`: a process that ends between two `getdents64` calls makes
  the others neither skip nor repeat.

Every directory of `/proc` is made here, and has `/proc` for its parent (its `..`). A parent is not
counted (fs/vnode.h), which is safe for `/proc`, never freed, but would not be for `/proc/PID`,
whose vnode is made afresh at each lookup and freed when no longer used: so `/proc/PID/fd/..` is
`/proc`, where Linux's is `/proc/PID`. */
#include "fs/procfs.h"
#include "fs/ramfs.h"
#include "kernel/frame.h"
#include "kernel/init.h"
#include "kernel/printk.h"
#include "linux/process.h"

#define PID_LIMIT (1 << 22) /* Linux's largest pid, and more than Zinc hands out */

int procfs_number(const char *name, int limit)
{
    int n = 0;
    if (!name[0] || (name[0] == '0' && name[1]))
        return -1;
    for (const char *c = name; *c; c++)
        if (*c < '0' || *c > '9' || (n = n * 10 + (*c - '0')) >= limit)
            return -1;
    return n;
}

static struct vnode *proc_lookup(struct vnode *proc, const char *name)
{
    int i = procfs_find(procfs_system_files, procfs_system_file_count, name);
    if (i >= 0)
        return procfs_make(procfs_system_files, (size_t)i, 0);
    int pid = procfs_number(name, PID_LIMIT);
    return pid > 0 ? procfs_pid_dir(pid) : NULL;
}

/* The pids of the processes from `from` on, in increasing order. */
struct pid_list {
    int from, *pids;
    size_t count;
};

static void collect_pid(struct linux_process *lp, void *arg)
{
    struct pid_list *l = arg;
    if (lp->pid < l->from)
        return;
    size_t i = l->count++; /* an insertion sort: there are at most LINUX_PROCESS_MAX */
    for (; i > 0 && l->pids[i - 1] > lp->pid; i--)
        l->pids[i] = l->pids[i - 1];
    l->pids[i] = lp->pid;
}

static uint64_t proc_read(struct vnode *proc, uint64_t cookie,
                          bool (*emit)(void *ctx, const struct dir_item *item), void *ctx)
{
    uint64_t first_pid = DIR_FIRST_COOKIE + procfs_system_file_count; /* pid 0's cookie */
    if (cookie < first_pid)
        cookie = procfs_list(procfs_system_files, procfs_system_file_count, 0, cookie, emit, ctx);
    paddr_t frame = cookie < first_pid ? 0 : frame_alloc(); /* LINUX_PROCESS_MAX pids */
    if (!frame)
        return cookie;
    struct pid_list l = {(int)(cookie - first_pid), hal_pmem_ptr(frame), 0};
    hal_lock_acquire(&linux_tree_lock);
    linux_process_each(collect_pid, &l);
    hal_lock_release(&linux_tree_lock);
    char name[12];
    for (size_t i = 0; i < l.count; i++) {
        ksnprintf(name, sizeof name, "%d", l.pids[i]);
        struct dir_item item = {name, procfs_ino(l.pids[i], -1), VNODE_DIRECTORY,
                                first_pid + (uint64_t)l.pids[i] + 1};
        if (!emit(ctx, &item))
            break;
        cookie = item.next;
    }
    frame_free(frame);
    return cookie;
}

static const struct computed_dir proc_dir = {proc_lookup, proc_read};
static struct vnode *proc; /* /proc, once made computed */

struct vnode *procfs_dir(const struct computed_dir *dir, int pid, uint64_t ino)
{
    struct vnode *v = vnode_create(VNODE_DIRECTORY, 0555);
    if (v) {
        v->ino = ino;
        v->dir.parent = proc;
        v->dir.computed = dir;
        v->dir.computed_for = pid;
    }
    return v;
}

/* Make the initramfs's /proc (or a new one, if it brought none) the computed directory. */
static void procfs_init(void)
{
    _Static_assert(LINUX_PROCESS_MAX * sizeof(int) <= PAGE_SIZE, "the pids fit a page");
    struct vnode *found = ramfs_lookup(fs_root(), "proc");
    if (!found && ramfs_create(fs_root(), "proc", VNODE_DIRECTORY, 0555, &found)) {
        kprintf("fs: cannot make /proc\n");
        return;
    }
    if (found->type != VNODE_DIRECTORY || !dir_is_empty(found)) {
        kprintf("fs: /proc is no empty directory: no /proc\n");
        vnode_unref(found);
        return;
    }
    found->mode = 0555;
    found->dir.computed = &proc_dir;
    found->dir.mount_point = true;
    proc = found; /* its reference is kept: /proc is never freed */
}
INIT_STEP(procfs_init, INIT_LATE);
