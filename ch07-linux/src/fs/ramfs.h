/*: # The RAM file system: names

The operations that change which names a directory holds: adding a new file, a second name for a
file (a hard link), removing a name, renaming. They find the names themselves, under the tree lock
(fs/vnode.h), so that what they check is still true when they act: a path walk (fs/path.h) only
says in which directory to look and for what name.

Each answers as Linux's calls do, which check in the order here: a name that exists (`-EEXIST`),
a directory that is not empty (`-ENOTEMPTY`), a directory where a file was expected (`-EISDIR`) or
the other way round (`-ENOTDIR`), a directory moved into itself (`-EINVAL`). The names `.` and `..`
cannot be made, removed or renamed. */
#ifndef ZINC_FS_RAMFS_H
#define ZINC_FS_RAMFS_H

#include "fs/vnode.h"

/* The vnode called name in dir ("." and ".." included), with a reference, or NULL. */
struct vnode *ramfs_lookup(struct vnode *dir, const char *name);

/* Make the new vnode node (no name yet) dir/name: 0, -EEXIST, -ENOENT if dir was removed,
   -ENOMEM. */
int ramfs_add(struct vnode *dir, const char *name, struct vnode *node);

/* A new vnode of type and mode, made dir/name: 0 and *out (a reference), or -errno as ramfs_add. */
int ramfs_create(struct vnode *dir, const char *name, enum vnode_type type, uint32_t mode,
                 struct vnode **out);

/* Give node, which is no directory, one more name, dir/name: 0, -EEXIST, -EPERM for a directory,
   -ENOENT if dir was removed or node has no name left. */
int ramfs_link(struct vnode *dir, const char *name, struct vnode *node);

/* Remove dir/name: a file's name (unlink: -EISDIR for a directory) or an empty directory (rmdir:
   -ENOTDIR, -ENOTEMPTY). -ENOENT if there is no such name. */
int ramfs_unlink(struct vnode *dir, const char *name);
int ramfs_rmdir(struct vnode *dir, const char *name);

/* Rename olddir/oldname to newdir/newname, replacing what newname named unless noreplace
   (-EEXIST). */
int ramfs_rename(struct vnode *olddir, const char *oldname, struct vnode *newdir,
                 const char *newname, bool noreplace);

/* Is name "." or "..", or empty (the last name of "/")? Such names are not entries. */
bool ramfs_special_name(const char *name);

#endif
