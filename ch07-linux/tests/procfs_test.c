/*: # Tests of /proc

In-kernel tests of what a user program cannot see from outside: a kernel thread has no pid, so
`/proc/self` does not exist for it; the files are read-only vnodes with fixed inode numbers; a
file's text longer than a page is spilled whole into its VMO; and `/proc` takes no new names. */
#include <asm/errno.h>
#include <linux/fcntl.h>
#include <string.h>

#include "fs/open.h"
#include "fs/path.h"
#include "fs/procfs.h"
#include "fs/ramfs.h"
#include "fs/ramfs_file.h"
#include "kernel/ktest.h"

/* What path names, with a reference, or NULL. */
static struct vnode *walk(const char *path, unsigned flags)
{
    struct lookup l;
    if (path_walk(fs_root(), path, flags, &l))
        return NULL;
    struct vnode *v = l.node;
    l.node = NULL;
    lookup_done(&l);
    return v;
}

KTEST(procfs_meminfo_is_a_read_only_file)
{
    struct vnode *v = walk("/proc/meminfo", 0), *again = walk("/proc/meminfo", 0);
    KASSERT_TRUE(v && again);
    char text[16] = {0};
    KEXPECT_EQ(v->type, VNODE_REGULAR);
    KEXPECT_EQ(v->mode, 0444);
    KEXPECT_EQ(v->ino, again->ino); /* a name has one inode number, however often looked up */
    KEXPECT_EQ(ramfs_read(v, text, 9, 0), 9);
    KEXPECT_TRUE(!strcmp(text, "MemTotal:"));
    struct file *f = NULL;
    KEXPECT_EQ(vnode_open(v, O_WRONLY, &f), -EACCES);
    KEXPECT_EQ(vnode_open(v, O_RDWR, &f), -EACCES);
    vnode_unref(v);
    vnode_unref(again);
}

KTEST(procfs_names_that_are_not_there)
{
    KEXPECT_TRUE(!walk("/proc/self", PATH_NOFOLLOW)); /* a kernel thread has no pid */
    KEXPECT_TRUE(!walk("/proc/0", 0));
    KEXPECT_TRUE(!walk("/proc/01", 0));
    KEXPECT_TRUE(!walk("/proc/1x", 0));
    KEXPECT_TRUE(!walk("/proc/99999", 0));
    KEXPECT_TRUE(!walk("/proc/no-such-file", 0));
}

KTEST(procfs_takes_no_new_names)
{
    struct vnode *proc = walk("/proc", 0), *made = NULL;
    KASSERT_TRUE(proc);
    KEXPECT_EQ(proc->mode, 0555);
    KEXPECT_EQ(ramfs_create(proc, "new", VNODE_REGULAR, 0644, &made), -ENOENT);
    KEXPECT_EQ(ramfs_create(proc, "meminfo", VNODE_REGULAR, 0644, &made), -ENOENT);
    KEXPECT_EQ(ramfs_unlink(proc, "meminfo"), -ENOENT);
    KEXPECT_EQ(ramfs_rmdir(fs_root(), "proc"), -EBUSY); /* a mount point, as on Linux */
    KEXPECT_TRUE(!made);
    vnode_unref(proc);
}

static bool count_names(void *ctx, const struct dir_item *item)
{
    int *seen = ctx;
    *seen |= !strcmp(item->name, "meminfo") ? 1 : !strcmp(item->name, "self") ? 2 : 0;
    *seen |= !strcmp(item->name, "..") ? 4 : 0;
    return true;
}

KTEST(procfs_lists_its_files)
{
    struct vnode *proc = walk("/proc", 0);
    KASSERT_TRUE(proc);
    int seen = 0;
    uint64_t end = dir_read(proc, 0, count_names, &seen);
    KEXPECT_EQ(seen, 7);
    seen = 0;
    KEXPECT_EQ(dir_read(proc, end, count_names, &seen), end); /* nothing after the end */
    KEXPECT_EQ(seen, 0);
    vnode_unref(proc);
}

/* A text of three pages and a bit, in pieces: spilled into the file page by page. */
static int fill_long(struct procfs_text *t, const struct procfs_process *none)
{
    char piece[100];
    for (int i = 0; i < 130; i++) {
        memset(piece, 'a' + i % 26, sizeof piece);
        procfs_write(t, piece, sizeof piece);
    }
    procfs_printf(t, "%s", "end");
    return 0;
}

KTEST(procfs_text_longer_than_a_page)
{
    static const struct procfs_entry table[] = {{"long", VNODE_REGULAR, fill_long}};
    struct vnode *v = procfs_make(table, 0, 0);
    KASSERT_TRUE(v);
    char c[4] = {0};
    KEXPECT_EQ(v->size, 13003);
    KEXPECT_EQ(ramfs_read(v, c, 1, 4099), 1);
    KEXPECT_EQ(c[0], 'a' + 40 % 26); /* byte 4099 is piece 40's, past the first spill */
    KEXPECT_EQ(ramfs_read(v, c, 3, 13000), 3);
    KEXPECT_TRUE(!strcmp(c, "end"));
    KEXPECT_TRUE(v->read_only);
    vnode_unref(v);
}
