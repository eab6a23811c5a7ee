/*: # Open files

What a Linux descriptor stands for: an *open file description*, `struct file`. Several descriptors
may share one (after `dup`, or across `fork`), and then they share its position and its status
flags; that is why the position lives here and not in the descriptor table (fs/fd_table.h).
A file opened by a name remembers the name and the directory that held it, so that
`/proc/PID/fd/N` can tell where the file is (as Linux's keeps the path it was opened by).

A file is an object with operations, like a kernel object with its type: the console, a pipe's two
ends, a regular file of the RAM file system and a device each bring their own `file_ops`. The
system calls that read and write (fs/rw.c) know nothing of which one they hold.

Reading and writing work on kernel memory: the system call copies between the program's buffer and
a kernel one. An operation that cannot go on without waiting (an empty pipe) answers `-EAGAIN`
and says, through `wait_on`, which kernel object will assert which signal when it may succeed;
unless the file is non-blocking, the system call waits for that signal and runs again
(linux/block.c). So every blocking Linux call is a wait on a Zircon object's signals, which
chapter 6 already turns into a suspended task. */
#ifndef ZINC_FS_FILE_H
#define ZINC_FS_FILE_H

#include <asm/poll.h>
#include <stddef.h>
#include <stdint.h>

#include "hal/hal.h"
#include "object/kobject.h"

struct file;
struct vnode;

struct file_ops {
    /* Read up to len bytes into buf, at *pos (which the call advances): the count, 0 at the end, or
       -errno; -EAGAIN when nothing can be read yet. NULL: the file cannot be read (-EINVAL). */
    int64_t (*read)(struct file *f, void *buf, size_t len, uint64_t *pos);
    /* Write len bytes from buf at *pos: the count (perhaps short), or -errno; -EAGAIN when nothing
       can be written yet. NULL: the file cannot be written (-EINVAL). */
    int64_t (*write)(struct file *f, const void *buf, size_t len, uint64_t *pos);
    /* Which of POLLIN, POLLOUT, POLLHUP, POLLERR hold now. NULL: always readable and writable. */
    unsigned (*poll)(struct file *f);
    /* After an -EAGAIN, or for poll: the object that will assert *signals when one of the poll
       events in `events` may hold; NULL if nothing will ever change. No new reference. */
    struct kobject *(*wait_on)(struct file *f, unsigned events, zx_signals_t *signals);
    /* An ioctl: its result or -errno. NULL: -ENOTTY, as for any file that is no terminal. */
    int64_t (*ioctl)(struct file *f, unsigned cmd, uint64_t arg);
    /* The last reference is gone. */
    void (*release)(struct file *f);
};

struct file {
    uint32_t refs; /* atomic */
    const struct file_ops *ops;
    struct hal_lock lock; /* guards pos and flags */
    uint64_t pos;
    uint32_t flags;     /* the access mode and status flags of open(2): O_RDWR, O_APPEND, ... */
    struct vnode *node; /* what was opened, for a file of the file system (with a reference) */
    struct vnode *dir;  /* the directory of the name it was opened by (a reference), or NULL */
    char *name;         /* that name (/proc/PID/fd tells it: fs/procfs_fd.c) */
    void *private;      /* the ops' own */
};

/* A new file with one reference, or NULL when memory ran out. */
struct file *file_create(const struct file_ops *ops, uint32_t flags, void *private);
void file_ref(struct file *f);
void file_unref(struct file *f);

/* Remember that f was opened by the name `name` in dir: 0, or -ENOMEM. */
int file_set_name(struct file *f, struct vnode *dir, const char *name);

/* Was f opened for reading (writing)? */
bool file_readable(const struct file *f);
bool file_writable(const struct file *f);

#endif
