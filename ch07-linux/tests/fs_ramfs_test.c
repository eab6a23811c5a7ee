/*: # Tests of the RAM file system and of paths

Each test builds a tree of its own under a private root, and drops it whole at the end (a
directory freed with its entries drops them), so that the frames its files took come back. */
#include <asm/errno.h>

#include "fs/initramfs.h"
#include "fs/path.h"
#include "fs/ramfs.h"
#include "fs/ramfs_file.h"
#include "kernel/format.h"
#include "kernel/kmalloc.h"
#include "kernel/ktest.h"

static struct vnode *private_root(void)
{
    struct vnode *root = vnode_create(VNODE_DIRECTORY, 0755);
    root->dir.parent = root;
    return root;
}

static struct vnode *make(struct vnode *dir, const char *name, enum vnode_type type)
{
    struct vnode *v = NULL;
    KEXPECT_EQ(ramfs_create(dir, name, type, 0644, &v), 0);
    return v;
}

KTEST(fs_ramfs_names)
{
    struct vnode *root = private_root(), *d = make(root, "d", VNODE_DIRECTORY);
    struct vnode *f = make(d, "f", VNODE_REGULAR), *v;
    KEXPECT_EQ(ramfs_create(d, "f", VNODE_REGULAR, 0644, &v), -EEXIST);
    KEXPECT_EQ(root->nlink, 3); /* ".", and d's ".." */
    KEXPECT_EQ(ramfs_rmdir(root, "d"), -ENOTEMPTY);
    KEXPECT_EQ(ramfs_unlink(root, "d"), -EISDIR);
    KEXPECT_EQ(ramfs_rmdir(d, "f"), -ENOTDIR);
    KEXPECT_EQ(ramfs_link(root, "g", f), 0);
    KEXPECT_EQ(f->nlink, 2);
    KEXPECT_EQ(ramfs_link(root, "d2", d), -EPERM);
    KEXPECT_EQ(ramfs_rename(root, "d", d, "inner", false), -EINVAL);
    KEXPECT_EQ(ramfs_rename(root, "g", d, "f", false), 0); /* two names of one file */
    KEXPECT_EQ(f->nlink, 2);
    KEXPECT_EQ(ramfs_unlink(d, "f"), 0);
    KEXPECT_EQ(f->nlink, 1);
    KEXPECT_EQ(ramfs_rename(root, "g", root, "h", true), 0);
    KEXPECT_TRUE(!ramfs_lookup(root, "g"));
    KEXPECT_EQ(ramfs_rmdir(root, "d"), 0);
    KEXPECT_TRUE(d->dir.removed);
    KEXPECT_EQ(ramfs_create(d, "late", VNODE_REGULAR, 0644, &v), -ENOENT);
    KEXPECT_EQ(root->nlink, 2);
    vnode_unref(f);
    vnode_unref(d);
    vnode_unref(root);
}

KTEST(fs_ramfs_file_holes)
{
    struct vnode *root = private_root(), *f = make(root, "f", VNODE_REGULAR);
    uint64_t pos = 10000;
    char buf[8] = "abc";
    KEXPECT_EQ(ramfs_write(f, buf, 3, &pos, false), 3);
    KEXPECT_EQ(f->size, 10003);
    memset(buf, 7, sizeof buf);
    KEXPECT_EQ(ramfs_read(f, buf, 4, 9998), 4);
    KEXPECT_EQ(buf[0], 0);
    KEXPECT_EQ(buf[2], 'a');
    KEXPECT_EQ(ramfs_truncate(f, 10001), 0);
    KEXPECT_EQ(ramfs_truncate(f, 10003), 0);
    KEXPECT_EQ(ramfs_read(f, buf, 8, 10000), 3);
    KEXPECT_EQ(buf[1], 0); /* cut off, then grown again: zeros */
    KEXPECT_EQ(ramfs_read(f, buf, 8, 20000), 0);
    vnode_unref(f);
    vnode_unref(root);
}

KTEST(fs_path_walk)
{
    struct vnode *root = private_root(), *d = make(root, "d", VNODE_DIRECTORY);
    struct vnode *f = make(d, "f", VNODE_REGULAR);
    struct vnode *loop = vnode_create_symlink("loop"), *up = vnode_create_symlink("../d/f");
    KEXPECT_EQ(ramfs_add(root, "loop", loop), 0);
    KEXPECT_EQ(ramfs_add(d, "up", up), 0);
    struct lookup l;
    KEXPECT_EQ(path_walk(root, "d//./f", 0, &l), 0);
    KEXPECT_TRUE(l.node == f && l.dir == d);
    lookup_done(&l);
    KEXPECT_EQ(path_walk(d, "../d/../d/up", 0, &l), 0);
    KEXPECT_TRUE(l.node == f);
    lookup_done(&l);
    KEXPECT_EQ(path_walk(d, "up", PATH_NOFOLLOW, &l), 0);
    KEXPECT_TRUE(l.node == up);
    lookup_done(&l);
    KEXPECT_EQ(path_walk(root, "loop", 0, &l), -ELOOP);
    KEXPECT_EQ(path_walk(root, "d/f/", 0, &l), -ENOTDIR);
    KEXPECT_EQ(path_walk(root, "d/f/x", 0, &l), -ENOTDIR);
    KEXPECT_EQ(path_walk(root, "none/x", 0, &l), -ENOENT);
    KEXPECT_EQ(path_walk(root, "d/new/", 0, &l), 0);
    KEXPECT_TRUE(!l.node && l.dir == d && l.trailing_slash && !strcmp(l.name, "new"));
    lookup_done(&l);
    KEXPECT_EQ(path_walk(root, "", 0, &l), -ENOENT);
    char *long_name = kzalloc(NAME_MAX + 2);
    memset(long_name, 'a', NAME_MAX + 1);
    KEXPECT_EQ(path_walk(root, long_name, 0, &l), -ENAMETOOLONG);
    kfree(long_name);
    vnode_unref(loop);
    vnode_unref(up);
    vnode_unref(f);
    vnode_unref(d);
    vnode_unref(root);
}

/* A newc member: its header, name and contents, padded, at out: the bytes written. */
static size_t member(char *out, const char *name, uint32_t mode, const char *data)
{
    size_t namesize = strlen(name) + 1, size = strlen(data);
    size_t n =
        ksnprintf(out, 200, "070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x", 1u, mode,
                  0u, 0u, 1u, 0u, (unsigned)size, 0u, 0u, 0u, 0u, (unsigned)namesize, 0u);
    memcpy(out + n, name, namesize);
    n = (n + namesize + 3) & ~(size_t)3;
    memcpy(out + n, data, size);
    return (n + size + 3) & ~(size_t)3;
}

KTEST(fs_cpio_archives)
{
    char *a = kzalloc(1024);
    size_t len = member(a, "etc", S_IFDIR | 0755, "");
    len += member(a + len, "etc/motd", S_IFREG | 0644, "hi\n");
    len += member(a + len, "etc/link", S_IFLNK | 0777, "motd");
    size_t good = len + member(a + len, "TRAILER!!!", 0, "");
    struct vnode *root = private_root();
    KEXPECT_EQ(initramfs_unpack(root, (uint8_t *)a, good), 0);
    struct lookup l;
    KEXPECT_EQ(path_walk(root, "/etc/link", 0, &l), 0); /* "/" is the real root, without it */
    KEXPECT_TRUE(!l.node);
    lookup_done(&l);
    KEXPECT_EQ(path_walk(root, "etc/link", 0, &l), 0);
    KEXPECT_TRUE(l.node && l.node->type == VNODE_REGULAR && l.node->size == 3);
    KEXPECT_EQ(l.node ? l.node->mode : 0, 0644);
    lookup_done(&l);
    KEXPECT_EQ(initramfs_unpack(root, (uint8_t *)a, len), -EINVAL); /* no trailer */
    KEXPECT_EQ(initramfs_unpack(root, (uint8_t *)a, 50), -EINVAL);  /* a header cut short */
    KEXPECT_EQ(initramfs_unpack(root, (uint8_t *)a, 113), -EINVAL); /* a name cut short */
    a[0] = 'X';
    KEXPECT_EQ(initramfs_unpack(root, (uint8_t *)a, good), -EINVAL); /* bad magic */
    a[0] = '0';
    a[6 + 8] = 'g'; /* the mode field: not hexadecimal */
    KEXPECT_EQ(initramfs_unpack(root, (uint8_t *)a, good), -EINVAL);
    vnode_unref(root);
    kfree(a);
}
