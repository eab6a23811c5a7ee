/*: # /proc: the pieces

The files of `/proc` (fs/procfs.c says how it is mounted) are made by lookups of computed
directories (fs/computed_dir.h): `/proc` itself and `/proc/PID` each have a table of *entries*, a
name and a function that writes what the file says. The same table answers a lookup (find the
name, make a vnode with what the function writes) and a listing (tell each name), so a file is
added to `/proc` by adding one line to a table. One entry is a directory computed in its turn:
`/proc/PID/fd`, whose names are the process's descriptors (fs/procfs_fd.c).

A regular file's text is written into its vnode's VMO, a symbolic link's text is its target; a
function that has nothing to say because the process it speaks of is gone answers `-ENOENT`, and
the name then does not exist. Every vnode made has a fixed inode number, so that `stat` of one name
twice gives one number, as programs that compare them (`find`, `cp`) expect. */
#ifndef ZINC_FS_PROCFS_H
#define ZINC_FS_PROCFS_H

#include <stddef.h>

#include "fs/computed_dir.h"
#include "kernel/format.h"
#include "task/task.h"

/* A file's contents being written: a page of text, spilled into the file when full. */
struct procfs_text {
    char *page;
    size_t used;
    struct vnode *file; /* a regular file's vnode; NULL: everything must fit the page (a target) */
    uint64_t pos;       /* where in the file the next spill goes */
};

void procfs_printf(struct procfs_text *t, const char *fmt, ...) PRINTF_LIKE(2, 3);
void procfs_write(struct procfs_text *t, const void *bytes, size_t len);

/* What /proc tells of a process (fs/procfs_process.c), copied under the process tree's lock. */
struct procfs_process {
    int pid, ppid, pgid, sid, threads;
    char state; /* R (the one asking), S (any other living one), Z (a zombie) */
    char comm[16];
    char exe[128];
    struct vnode *cwd; /* the working directory (a reference), NULL for a zombie */
    uint32_t umask;
    int exit_status; /* a zombie's, as wait4 reports it */
    vaddr_t brk_start, arg_start, arg_end, env_end;
    uint64_t start_time;     /* ns since boot */
    struct process *process; /* a reference */
};

/* The process with pid: 0 and *out, to be given back with procfs_process_put, or -ENOENT. */
int procfs_process_get(int pid, struct procfs_process *out);
void procfs_process_put(struct procfs_process *pp);

struct procfs_entry {
    const char *name;
    /* VNODE_REGULAR, VNODE_SYMLINK, or VNODE_DIRECTORY for the one directory of a process's
       table, /proc/PID/fd, whose names fs/procfs_fd.c computes (with no fill) */
    enum vnode_type type;
    /* Write the contents, about process pp (NULL for the files of /proc itself): 0 or -ENOENT. */
    int (*fill)(struct procfs_text *t, const struct procfs_process *pp);
};

/* The vnode of entry number index of table for process pid (0: none), or NULL if it has nothing
   to say (the process is gone). */
struct vnode *procfs_make(const struct procfs_entry *table, size_t index, int pid);
/* The number a name spells in decimal, with no sign nor leading zero, if it is below limit (a pid,
   a descriptor); -1 for any other name. */
int procfs_number(const char *name, int limit);
/* The number of the entry called name in table (of n), or -1. */
int procfs_find(const struct procfs_entry *table, size_t n, const char *name);
/* A listing of table from cookie on, for pid, as computed_dir's read: the cookie after the table
   is DIR_FIRST_COOKIE + n. */
uint64_t procfs_list(const struct procfs_entry *table, size_t n, int pid, uint64_t cookie,
                     bool (*emit)(void *ctx, const struct dir_item *item), void *ctx);

/* The inode number of entry index of pid's table (pid 0: /proc's own), of /proc/PID itself
   (index -1), or of /proc/PID/fd/N (index PROCFS_FD_INDEX + N). */
#define PROCFS_FD_INDEX 64 /* past any table's entries */
uint64_t procfs_ino(int pid, int index);

/* A new directory of /proc whose names dir computes for pid, with inode number ino (fs/procfs.c):
   NULL when memory ran out. */
struct vnode *procfs_dir(const struct computed_dir *dir, int pid, uint64_t ino);
/* /proc/PID, a directory computed for pid (fs/procfs_pid.c): NULL if there is no such process. */
struct vnode *procfs_pid_dir(int pid);

/* /proc/PID/fd's names (fs/procfs_fd.c), and the target of /proc/PID/cwd. */
extern const struct computed_dir procfs_fd_dir;
int procfs_fill_cwd(struct procfs_text *t, const struct procfs_process *pp);
/* /proc/PID/maps (fs/procfs_maps.c). */
int procfs_fill_maps(struct procfs_text *t, const struct procfs_process *pp);
/* /proc/zinc-census, Zinc's own count of what the kernel holds (fs/procfs_census.c). */
int procfs_fill_census(struct procfs_text *t, const struct procfs_process *none);

/* The files of /proc/PID (fs/procfs_process.c) and of /proc itself (fs/procfs_system.c). */
extern const struct procfs_entry procfs_process_files[];
extern const size_t procfs_process_file_count;
extern const struct procfs_entry procfs_system_files[];
extern const size_t procfs_system_file_count;

/* The process whose thread asks, or NULL for a kernel thread (a kernel test) that is none's. */
struct process *procfs_caller(void);

/* Time, as /proc counts it: clock ticks of USER_HZ (100 a second, what sysconf(_SC_CLK_TCK)
   says) since the boot. */
#define PROCFS_HZ 100
uint64_t procfs_ticks(uint64_t ns);

#endif
