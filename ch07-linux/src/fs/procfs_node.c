/*: # /proc: making its files

A file of `/proc` is made whole when its name is looked up: its entry's function writes the text
into a page, which is spilled into the new vnode's VMO each time it fills (so a long
`/proc/PID/environ` needs no large buffer), and the rest at the end. A symbolic link's target must
fit the page, and then a block of the kernel's heap (fs/vnode.c): a pid does, and so does any path
a program is likely to use; a longer one is cut, or makes no link.

The entry that is a directory, `/proc/PID/fd`, is made as a computed directory of its own for the
pid, its names computed when asked, as `/proc/PID`'s are.

Inode numbers: `/proc/PID`'s are above 2^32, far from those the RAM file system hands out (one a
file made), with room for 512 names of each pid: the entries of its table, then its descriptors. */
#include <asm/errno.h>
#include <stdarg.h>
#include <string.h>

#include "fs/fd_table.h"
#include "fs/procfs.h"
#include "fs/ramfs_file.h"
#include "kernel/frame.h"

#define INO_BASE (1ull << 32)
#define INO_PER_PID 512
_Static_assert(PROCFS_FD_INDEX + FD_MAX < INO_PER_PID, "a pid's names have inode numbers");

uint64_t procfs_ino(int pid, int index)
{
    return INO_BASE + (uint64_t)pid * INO_PER_PID + (uint64_t)(index + 1);
}

struct process *procfs_caller(void)
{
    return hal_thread_local() ? thread_current()->process : NULL; /* no caller: a kernel thread */
}

uint64_t procfs_ticks(uint64_t ns)
{
    return ns / (1000000000ull / PROCFS_HZ);
}

/* Put the page's text into the file, if there is one, and start the page afresh. */
static void spill(struct procfs_text *t)
{
    if (!t->file || !t->used)
        return;
    ramfs_write(t->file, t->page, t->used, &t->pos, false);
    t->used = 0;
}

void procfs_write(struct procfs_text *t, const void *bytes, size_t len)
{
    const char *from = bytes;
    while (len) {
        if (t->used == PAGE_SIZE - 1)
            spill(t);
        size_t room = PAGE_SIZE - 1 - t->used, n = len < room ? len : room;
        if (!n)
            return; /* a target that is too long: cut */
        memcpy(t->page + t->used, from, n);
        t->used += n;
        from += n;
        len -= n;
    }
}

void procfs_printf(struct procfs_text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(t->page + t->used, PAGE_SIZE - t->used, fmt, ap);
    va_end(ap);
    if (n >= 0 && t->used + (size_t)n < PAGE_SIZE) {
        t->used += (size_t)n;
        return;
    }
    /* It did not fit: spill what came before and write it again at the start of the page. */
    t->page[t->used] = '\0';
    spill(t);
    va_start(ap, fmt);
    n = kvsnprintf(t->page + t->used, PAGE_SIZE - t->used, fmt, ap);
    va_end(ap);
    size_t room = PAGE_SIZE - 1 - t->used; /* a longer text is cut */
    t->used += n < 0 ? 0 : (size_t)n < room ? (size_t)n : room;
}

/* A new vnode of e's type with what e's fill writes of pp: 0 and *out, or -errno. */
static int fill_vnode(const struct procfs_entry *e, const struct procfs_process *pp, char *page,
                      struct vnode **out)
{
    struct procfs_text t = {.page = page};
    if (e->type == VNODE_REGULAR && !(t.file = vnode_create(VNODE_REGULAR, 0444)))
        return -ENOMEM;
    int err = e->fill(&t, pp);
    if (!err && t.file) {
        spill(&t);
        *out = t.file;
        return 0;
    }
    if (t.file)
        vnode_unref(t.file);
    if (err)
        return err;
    page[t.used] = '\0';
    *out = vnode_create_symlink(page);
    return *out ? 0 : -ENOMEM;
}

struct vnode *procfs_make(const struct procfs_entry *table, size_t index, int pid)
{
    struct procfs_process pp;
    if (pid && procfs_process_get(pid, &pp))
        return NULL;
    if (table[index].type == VNODE_DIRECTORY) { /* it exists: a directory for it */
        if (pid)
            procfs_process_put(&pp);
        struct vnode *dir = procfs_dir(&procfs_fd_dir, pid, procfs_ino(pid, (int)index));
        if (dir)
            dir->mode = 0500; /* as Linux's: a process's descriptors are its owner's business */
        return dir;
    }
    paddr_t frame = frame_alloc();
    struct vnode *v = NULL;
    if (frame && !fill_vnode(&table[index], pid ? &pp : NULL, hal_pmem_ptr(frame), &v)) {
        v->ino = procfs_ino(pid, (int)index);
        v->read_only = true;
    }
    if (frame)
        frame_free(frame);
    if (pid)
        procfs_process_put(&pp);
    return v;
}

int procfs_find(const struct procfs_entry *table, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(table[i].name, name))
            return (int)i;
    return -1;
}

uint64_t procfs_list(const struct procfs_entry *table, size_t n, int pid, uint64_t cookie,
                     bool (*emit)(void *ctx, const struct dir_item *item), void *ctx)
{
    for (size_t i = cookie - DIR_FIRST_COOKIE; i < n; i++) {
        struct dir_item item = {table[i].name, procfs_ino(pid, (int)i), table[i].type,
                                DIR_FIRST_COOKIE + i + 1};
        if (!emit(ctx, &item))
            return DIR_FIRST_COOKIE + i;
    }
    return cookie > DIR_FIRST_COOKIE + n ? cookie : DIR_FIRST_COOKIE + n;
}
