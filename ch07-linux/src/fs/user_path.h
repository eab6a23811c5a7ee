/*: # Paths from programs

A program names a file by a path in its memory, relative to its working directory, or for the
`*at` calls relative to the directory a descriptor names (`AT_FDCWD` for the working directory).
This is the glue between those calls and the walk of fs/path.h: the path is copied in (a bad pointer
is `-EFAULT`, a path too long `-ENAMETOOLONG`), and the start is found (`-EBADF` for a descriptor
that is not open, `-ENOTDIR` for one that is no directory). An absolute path ignores the start.

A process's working directory is a vnode it holds a reference to (linux/process.h); until it has
one, and for the kernel's own threads, it is the root. */
#ifndef ZINC_FS_USER_PATH_H
#define ZINC_FS_USER_PATH_H

#include "fs/path.h"
#include "syscall/user_copy.h"

/* The working directory of the calling Linux process, with a reference. */
struct vnode *fs_cwd(void);

/* Copy the path at upath into buf (PATH_MAX bytes): its length, or -EFAULT, -ENAMETOOLONG. */
int64_t user_path_copy(char *buf, uaddr_t upath);

/* The directory dirfd names (AT_FDCWD: the working directory), with a reference: 0 and *out, or
   -EBADF, -ENOTDIR. */
int user_dir_of(int dirfd, struct vnode **out);

/* A flag of user_path_walk beside path_walk's: AT_EMPTY_PATH, an empty path names dirfd's own file
   (-EBADF if that is no file of the file system). */
#define USER_PATH_EMPTY 0x100

/* Walk the program's path at upath, relative to dirfd, with path_walk's flags: 0 or -errno. An
   empty path is -ENOENT, unless USER_PATH_EMPTY. Either way, lookup_done(out) may follow. */
int user_path_walk(int dirfd, uaddr_t upath, unsigned flags, struct lookup *out);

/* Is the program's path at upath empty? 0 no, 1 yes, or -EFAULT. */
int user_path_is_empty(uaddr_t upath);

#endif
