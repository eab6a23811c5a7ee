/*: # Computed directories

A directory of the RAM file system keeps its entries in a list (fs/ramfs_dir.h). A *computed*
directory has none: it says what its names are when asked. `/proc` is one: its names are the pids
of the processes living at that moment, and what `/proc/PID/stat` holds is the state of that
process at that moment. The file system meets a computed directory at two places only, the two
that read a directory's entries:

- looking a name up (`ramfs_lookup`, so every path walk): the directory's `lookup` makes a new
  vnode for the name, with its contents filled in then;
- listing the names (`dir_read`, so `getdents64`): after `.` and `..`, the directory's `read`
  tells them, each with the cookie to resume at.

Nothing can be made in a computed directory (a new name is `-ENOENT`, as in Linux's `/proc`), and
nothing removed from it, since its names are in no list; `rmdir` of it finds it never empty. The
vnodes its lookups make belong to no list either: they live while they are used (an open file, a
working directory) and are freed after, so a program that keeps `/proc/PID/stat` open reads what
the process was at the `open`, and opens it again for news (as `top` does). */
#ifndef ZINC_FS_COMPUTED_DIR_H
#define ZINC_FS_COMPUTED_DIR_H

#include "fs/ramfs_dir.h"

struct computed_dir {
    /* The vnode called name in dir (never "." nor ".."): a new one, with a reference, or NULL. */
    struct vnode *(*lookup)(struct vnode *dir, const char *name);
    /* As dir_read, for the entries from cookie (at least DIR_FIRST_COOKIE) on; no lock held. */
    uint64_t (*read)(struct vnode *dir, uint64_t cookie,
                     bool (*emit)(void *ctx, const struct dir_item *item), void *ctx);
};

#endif
