/*: # The root file system at boot: the initramfs

The build packs the files every Linux program expects (/bin with the programs, /etc/passwd, /tmp,
empty /dev and /proc, and each chapter's `rootfs/` directory) into a cpio archive, and links it into
the kernel image as the blob `initramfs` (kernel/blob.h). At boot it is unpacked into the RAM file
system: directories, regular files (their bytes copied into their VMOs), symbolic links, each with
its permission bits. Members of other types (device nodes) are skipped: `/dev` is the kernel's to
fill (fs/devfs.c).

An archive member names a path from the root; its directories come before it in the archive (cpio
lists them first). A file with several names (a hard link) is written once with each name but its
bytes only with the last: members that share an inode number are made names of one vnode.

A malformed archive is reported on the console and unpacking stops there; whatever was unpacked
stays. It never stops the kernel: a kernel without its files still runs its tests. */
#include "fs/initramfs.h"

#include <asm/errno.h>
#include <string.h>

#include "fs/cpio.h"
#include "fs/path.h"
#include "fs/ramfs.h"
#include "fs/ramfs_file.h"
#include "kernel/blob.h"
#include "kernel/init.h"
#include "kernel/kmalloc.h"
#include "kernel/printk.h"

/* A file met with more than one link: its inode number in the archive and its vnode. */
struct linked {
    struct linked *next;
    uint32_t ino;
    struct vnode *node; /* a reference */
};

struct unpack {
    struct vnode *root;
    struct linked *links;
};

/* The vnode the archive already made for inode ino, or NULL. */
static struct vnode *linked_node(struct unpack *u, uint32_t ino)
{
    for (struct linked *l = u->links; l; l = l->next)
        if (l->ino == ino)
            return l->node;
    return NULL;
}

static void remember_link(struct unpack *u, uint32_t ino, struct vnode *node)
{
    struct linked *l = kzalloc(sizeof *l);
    if (!l)
        return; /* its other names become files of their own */
    *l = (struct linked){u->links, ino, node};
    vnode_ref(node);
    u->links = l;
}

/* The vnode for member e, new or (a hard link: *linked) one made already: 0 and *out (a
   reference), or -errno. */
static int make_node(struct unpack *u, const struct cpio_entry *e, struct vnode **out, bool *linked)
{
    *linked = false;
    uint32_t type = e->mode & S_IFMT, mode = e->mode & 07777;
    if (type == S_IFDIR) {
        *out = vnode_create(VNODE_DIRECTORY, mode);
    } else if (type == S_IFLNK) {
        char *target = e->size < KMALLOC_MAX ? kzalloc(e->size + 1) : NULL;
        if (!target)
            return -ENAMETOOLONG;
        memcpy(target, e->data, e->size);
        *out = vnode_create_symlink(target);
        kfree(target);
    } else if (type == S_IFREG && e->nlink > 1 && (*out = linked_node(u, e->ino))) {
        vnode_ref(*out);
        *linked = true;
    } else if (type == S_IFREG) {
        if ((*out = vnode_create(VNODE_REGULAR, mode)) && e->nlink > 1)
            remember_link(u, e->ino, *out);
    } else {
        return -EPERM; /* not a kind of file the archive may bring */
    }
    return *out ? 0 : -ENOMEM;
}

/* Give member e's vnode its name: a directory that exists already keeps it, with e's mode. */
static int add_name(struct lookup *l, struct vnode *node, bool linked)
{
    if (l->node && l->node->type == VNODE_DIRECTORY && node->type == VNODE_DIRECTORY) {
        l->node->mode = node->mode;
        return 0;
    }
    return linked ? ramfs_link(l->dir, l->name, node) : ramfs_add(l->dir, l->name, node);
}

static int unpack_member(void *ctx, const struct cpio_entry *e)
{
    struct unpack *u = ctx;
    const char *name = e->name;
    while (name[0] == '.' && name[1] == '/')
        name += 2;
    if (!strcmp(name, ".") || !name[0])
        return 0;
    struct lookup l;
    struct vnode *node = NULL;
    bool linked;
    int err = path_walk(u->root, name, PATH_ENTRY, &l);
    if (!err && !l.dir)
        err = -EEXIST;
    if (!err)
        err = make_node(u, e, &node, &linked);
    if (!err)
        err = add_name(&l, node, linked);
    if (!err && node->type == VNODE_REGULAR && e->size) {
        uint64_t pos = 0;
        int64_t n = ramfs_write(node, e->data, e->size, &pos, false);
        err = n < 0 ? (int)n : 0;
    }
    if (node)
        vnode_unref(node);
    lookup_done(&l);
    if (err == -EPERM)
        return 0; /* a device node or FIFO: skipped */
    if (err)
        kprintf("initramfs: cannot unpack %s: error %d\n", e->name, -err);
    return 0;
}

int initramfs_unpack(struct vnode *root, const uint8_t *archive, size_t len)
{
    struct unpack u = {root, NULL};
    const char *why;
    size_t where;
    int err = cpio_parse(archive, len, unpack_member, &u, &why, &where);
    if (err)
        kprintf("initramfs: %s at byte %zu: unpacking stopped there\n", why, where);
    while (u.links) {
        struct linked *l = u.links;
        u.links = l->next;
        vnode_unref(l->node);
        kfree(l);
    }
    return err;
}

static void initramfs_init(void)
{
    const struct blob *b = blob_find("initramfs");
    if (!b) {
        kprintf("initramfs: none in this kernel: the file system starts empty\n");
        return;
    }
    initramfs_unpack(fs_root(), b->start, (size_t)(b->end - b->start));
}
INIT_STEP(initramfs_init, INIT_LATE);
