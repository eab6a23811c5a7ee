/*: # Paths

A path names a file by the directories leading to it: `/etc/passwd` from the root, `a/b` from a
starting directory (the working directory, or the directory a descriptor names for the `*at`
calls). The walk takes one name at a time and looks it up in the directory reached so far:

- repeated slashes count as one, `.` is the directory itself and `..` its parent (the root's is
  itself);
- a symbolic link met on the way is replaced by its target (from the root if the target is
  absolute), and the walk goes on; after `SYMLOOP_MAX` links the path is a loop, `-ELOOP`. The
  last name is followed too, unless the caller asks not to (`lstat`, `O_NOFOLLOW`, the calls that
  act on a name itself: unlink, rename, ...);
- a name that is missing in the middle is `-ENOENT`, a name that is no directory in the middle
  `-ENOTDIR`, and a trailing slash says the last name must be a directory;
- a path of `PATH_MAX` bytes or more, or a name longer than `NAME_MAX`, is `-ENAMETOOLONG`.

A walk ends with the directory that holds the last name, the name, and what it names (nothing, if
the name does not exist): opening with `O_CREAT` makes the name there, unlink removes it from
there, stat looks at what it names. */
#ifndef ZINC_FS_PATH_H
#define ZINC_FS_PATH_H

#include "fs/vnode.h"

#define SYMLOOP_MAX 40

enum path_flags {
    PATH_NOFOLLOW = 1, /* a symlink as the last name is the answer, not followed */
    PATH_ENTRY = 2,    /* the caller acts on the last name itself: never followed, and a trailing
                          slash after a name that is no directory is -ENOTDIR */
};

struct lookup {
    struct vnode *dir;  /* holds the last name (a reference); NULL for a path with none ("/") */
    struct vnode *node; /* what the path names (a reference), NULL if the last name is missing */
    char name[NAME_MAX + 1]; /* the last name; "" for none */
    bool trailing_slash;
};

/* Walk path (a kernel string) from start (used only for a relative path) into *out: 0, or -errno
   and nothing held. */
int path_walk(struct vnode *start, const char *path, unsigned flags, struct lookup *out);
/* Drop the references of a walk that succeeded. */
void lookup_done(struct lookup *l);

/* The path from the root of name in dir, with no symbolic link nor "..", into buf (size bytes),
   found as getcwd finds a directory's (fs/cwd.c): 0, -ENOENT if dir was removed, -ENAMETOOLONG,
   -ENOMEM. */
int fs_path_of(struct vnode *dir, const char *name, char *buf, size_t size);

#endif
