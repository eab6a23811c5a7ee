/*: # The descriptor table

A Linux process names its open files by small numbers, *descriptors*, the way a Zircon process
names objects by handles. The two tables differ in the ways programs depend on: a new descriptor is
always the lowest free number (a shell closes 1 and opens a file to redirect output), a descriptor
can be made to name the file another one names (`dup2(fd, 1)`), and each carries one flag of its
own, close-on-exec, which `execve` honours. Everything else (the position, `O_APPEND`,
`O_NONBLOCK`) belongs to the open file (fs/file.h), which `dup` shares.

A table is shared by the threads of a process and copied by `fork`: the copy holds new references
to the same open files. It holds `FD_MAX` descriptors, so that one page holds it. */
#ifndef ZINC_FS_FD_TABLE_H
#define ZINC_FS_FD_TABLE_H

#include "fs/file.h"

#define FD_MAX 256

struct fd_slot {
    struct file *file;
    bool cloexec;
};

struct fd_table {
    struct hal_lock lock;
    struct fd_slot *slots; /* FD_MAX of them, in a frame of their own */
    paddr_t frame;
};

/* A new empty table (NULL when memory ran out); a copy of t, with new references to its files. */
struct fd_table *fd_table_create(void);
struct fd_table *fd_table_clone(struct fd_table *t);
/* Close every descriptor and free the table. */
void fd_table_destroy(struct fd_table *t);

/* Put f (the table takes a new reference) at the lowest free descriptor >= min: the descriptor, or
   -EMFILE. */
int fd_install(struct fd_table *t, struct file *f, int min, bool cloexec);
/* The file of descriptor fd, with a reference for the caller, or NULL if fd is not open. */
struct file *fd_get(struct fd_table *t, int fd);
/* Close fd: 0 or -EBADF. */
int fd_close(struct fd_table *t, int fd);
/* Make new name what old names, closing what new named (dup2/dup3): new, or -EBADF. */
int fd_dup_to(struct fd_table *t, int old, int new, bool cloexec);
/* Read and set fd's close-on-exec flag: 0/1 or -EBADF, 0 or -EBADF. */
int fd_get_cloexec(struct fd_table *t, int fd);
int fd_set_cloexec(struct fd_table *t, int fd, bool cloexec);
/* Close every descriptor marked close-on-exec (execve). */
void fd_close_on_exec(struct fd_table *t);

#endif
