/*: # Vnodes: the files of the file system

A *vnode* is a file as the file system keeps it, whatever it is called and however many programs
have it open: its type, its permission bits, its times, how many names it has (`nlink`), and its
contents. Zinc's file system is a RAM file system (ramfs, as Linux's tmpfs): the contents live in
kernel memory and vanish at shutdown.

- a **regular file** keeps its bytes in a resizable VMO (chapter 4), so that reading and writing
  are `vmo_read` and `vmo_write`, pages that were never written cost nothing and read as zeros, and
  a later `mmap` of the file can map a snapshot of that VMO;
- a **directory** keeps a list of entries, name to vnode (fs/ramfs_dir.c), unless its entries are
  *computed* when asked, as those of `/proc` are (fs/computed_dir.h);
- a **symbolic link** keeps the path it points to;
- a **device** names its `struct device` (fs/device.h);
- a **FIFO** (a named pipe) has nothing of its own yet.

A vnode lives while something refers to it: each name in a directory, each open file, each process
whose working directory it is, each path walk passing through it. When the last reference goes, so
does the vnode, with its bytes. A directory does not count its parent: it knows it (for `..` and
`getcwd`) without a reference, which it may, because a directory with a child cannot be removed.

One lock, the *tree lock*, guards every directory's entries, every `nlink` and every directory's
parent: operations that change names (rename above all, which may touch two directories and must
check that a directory is not moved into itself) are then simple to get right. A vnode's own lock
guards its size, contents and times. The tree lock is taken first when both are needed. */
#ifndef ZINC_FS_VNODE_H
#define ZINC_FS_VNODE_H

#include <stdbool.h>
#include <stdint.h>

#include "fs/device.h"
#include "hal/hal.h"

/* The file type bits of a mode, from Linux's <linux/stat.h>, which leaves them to the C library
   when one is there (the host's glibc, in these builds). */
#ifndef S_IFMT
#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#endif

/* Linux's limits on names: a whole path, with its zero, and one component. */
#define PATH_MAX 4096
#define NAME_MAX 255

enum vnode_type {
    VNODE_REGULAR = S_IFREG,
    VNODE_DIRECTORY = S_IFDIR,
    VNODE_SYMLINK = S_IFLNK,
    VNODE_CHAR_DEVICE = S_IFCHR,
    VNODE_FIFO = S_IFIFO,
};

/* A time as stat reports it. */
struct vnode_time {
    int64_t sec;
    uint32_t nsec;
};

struct dir_entry;
struct computed_dir;

struct vnode {
    uint32_t refs; /* atomic */
    enum vnode_type type;
    uint64_t ino;
    uint32_t mode;  /* the permission bits, 07777: the vnode lock */
    uint32_t nlink; /* names, and for a directory 2 + its subdirectories: the tree lock */
    bool read_only; /* of a file system no one writes (/proc): opening it to write is -EACCES */
    struct hal_lock lock;
    uint64_t size; /* bytes: a regular file's length, a symlink's target's, ... */
    struct vnode_time atime, mtime, ctime;
    union {
        struct vmo *data; /* a regular file's bytes */
        struct {          /* a directory: the tree lock */
            struct dir_entry *first, *last;
            uint64_t next_cookie; /* the next entry's position for readdir */
            struct vnode *parent; /* not counted; NULL once removed; the root's is itself */
            bool removed;         /* rmdir'd: no entry can be made in it */
            /* Entries computed when asked instead of kept in the list (fs/computed_dir.h), and
               for whom (/proc/PID's pid); set once, before the directory is reachable. */
            const struct computed_dir *computed;
            int computed_for;
            /* It stands where Linux mounts a file system of its own (/proc, /dev): a mount point
               is busy, neither moved, replaced nor removed. Set once, at boot. */
            bool mount_point;
        } dir;
        char *target;                /* a symlink's: size bytes and a zero */
        const struct device *device; /* a character device's */
    };
};

/* The lock of every directory's entries, nlinks and parents. */
extern struct hal_lock fs_tree_lock;

/* A new vnode of type with permission bits mode, no name and one reference: NULL when memory ran
   out. A symlink is given its target. */
struct vnode *vnode_create(enum vnode_type type, uint32_t mode);
struct vnode *vnode_create_symlink(const char *target);
struct vnode *vnode_create_device(const struct device *d, uint32_t mode);
void vnode_ref(struct vnode *v);
void vnode_unref(struct vnode *v);

/* The time now on the wall clock; and stamping a vnode with it (which of its times: flags). */
struct vnode_time vnode_now(void);
enum {
    VNODE_ATIME = 1,
    VNODE_MTIME = 2,
    VNODE_CTIME = 4
};
void vnode_touch(struct vnode *v, unsigned which);

/* The root directory of the file system (with no new reference: it is never freed). */
struct vnode *fs_root(void);

#endif
