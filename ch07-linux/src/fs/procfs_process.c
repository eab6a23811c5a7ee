/*: # /proc/PID's files

What `/proc` tells of a process is first copied, under the process tree's lock, into a `struct
procfs_process`, with a reference to the Zircon process; then written out with no lock held, since
reading the process's memory (`cmdline`) may take time and locks of its own
(linux/process_memory.h). The files, in the formats of Linux's proc(5):

- `cmdline`: the argument strings, each with its zero, as they are in the process's memory;
  `environ`: the environment strings likewise; both empty for a zombie, whose memory is gone;
- `exe`: a symbolic link to the program the process runs, as `execve` was given its path; a zombie
  has none (`-ENOENT`), as in Linux;
- `comm`: the program's name, the last part of that path cut to 15 bytes, and `stat`, one line of
  52 numbers: pid, `(comm)`, the state, the parent, process group and session, ..., the times,
  the memory mapped (bytes) and resident (pages), ..., where the arguments and environment are,
  the exit status. Busybox's `ps` and `top` read it with `sscanf` (its libbb/procps.c), and parse
  the comm from the *last* `)`, since a name may hold one;
- `status`: the same for people, a `Name:`, `State:`, `Pid:` ... per line;
- `cwd`, a symbolic link to the working directory, `fd`, the directory of descriptors
  (fs/procfs_fd.c), and `maps`, the process's mappings (fs/procfs_maps.c).

Zinc keeps no account of the CPU time a process uses: its times are 0. The state is `R` for the
process reading the file (it is running: it reads), `Z` for a zombie, and `S` for any other: Zinc
does not tell a thread that runs from one that waits, and most wait. Every process is root's
(uid and gid 0): Zinc has no other user yet (linux/identity.c). */
#include <asm/errno.h>
#include <string.h>

#include "fs/procfs.h"
#include "linux/process.h"
#include "linux/process_memory.h"

/* Under the tree lock: copy what /proc tells of lp. */
static void snapshot(struct linux_process *lp, struct procfs_process *out)
{
    struct process *p = lp->process;
    out->pid = lp->pid;
    out->ppid = lp->parent ? lp->parent->pid : 0;
    out->pgid = lp->pgid;
    out->sid = lp->sid;
    out->state = lp->exited ? 'Z' : procfs_caller() == p ? 'R' : 'S';
    out->umask = lp->umask;
    out->exit_status = lp->exited ? lp->wait_status : 0;
    out->brk_start = lp->brk_start;
    out->arg_start = lp->arg_start;
    out->arg_end = lp->arg_end;
    out->env_end = lp->env_end;
    memcpy(out->exe, lp->exe, sizeof out->exe);
    if ((out->cwd = lp->cwd)) /* chdir and the end change it under the tree lock */
        vnode_ref(out->cwd);
    out->exe[sizeof out->exe - 1] = '\0'; /* an execve may be writing it */
    char name[ZX_MAX_NAME_LEN];
    kobject_get_name(&p->base, name);
    ksnprintf(out->comm, sizeof out->comm, "%s", name); /* cut to 15 bytes, as Linux's */
    hal_lock_acquire(&p->lock);
    out->start_time = (uint64_t)p->start_time;
    out->threads = 0;
    for (struct thread *t = p->threads; t; t = t->next_in_process)
        out->threads++;
    hal_lock_release(&p->lock);
    kobject_ref(&p->base);
    out->process = p;
}

int procfs_process_get(int pid, struct procfs_process *out)
{
    hal_lock_acquire(&linux_tree_lock);
    struct linux_process *lp = linux_process_find(pid);
    if (lp)
        snapshot(lp, out);
    hal_lock_release(&linux_tree_lock);
    return lp ? 0 : -ENOENT;
}

void procfs_process_put(struct procfs_process *pp)
{
    if (pp->cwd)
        vnode_unref(pp->cwd);
    kobject_unref(&pp->process->base);
}

/* Write the bytes [start, end) of pp's memory. */
static void write_memory(struct procfs_text *t, const struct procfs_process *pp, vaddr_t start,
                         vaddr_t end)
{
    char chunk[256];
    while (start < end) {
        size_t want = end - start < sizeof chunk ? end - start : sizeof chunk;
        size_t got = process_memory_read(pp->process, start, chunk, want);
        procfs_write(t, chunk, got);
        if (got < want)
            return;
        start += got;
    }
}

static int fill_cmdline(struct procfs_text *t, const struct procfs_process *pp)
{
    if (pp->state != 'Z')
        write_memory(t, pp, pp->arg_start, pp->arg_end);
    return 0;
}

static int fill_environ(struct procfs_text *t, const struct procfs_process *pp)
{
    if (pp->state != 'Z')
        write_memory(t, pp, pp->arg_end, pp->env_end);
    return 0;
}

static int fill_exe(struct procfs_text *t, const struct procfs_process *pp)
{
    bool has_exe = pp->state != 'Z' && pp->exe[0];
    if (has_exe)
        procfs_printf(t, "%s", pp->exe);
    return has_exe ? 0 : -ENOENT;
}

static int fill_comm(struct procfs_text *t, const struct procfs_process *pp)
{
    procfs_printf(t, "%s\n", pp->comm);
    return 0;
}

static int fill_stat(struct procfs_text *t, const struct procfs_process *pp)
{
    uint64_t mapped, resident;
    process_memory_usage(pp->process, &mapped, &resident);
    /* pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt */
    procfs_printf(t, "%d (%s) %c %d %d %d 0 -1 0 0 0 0 0 ", pp->pid, pp->comm, pp->state, pp->ppid,
                  pp->pgid, pp->sid);
    /* utime stime cutime cstime priority nice num_threads itrealvalue starttime vsize rss */
    procfs_printf(t, "0 0 0 0 20 0 %d 0 %llu %llu %llu ", pp->threads,
                  (unsigned long long)procfs_ticks(pp->start_time), (unsigned long long)mapped,
                  (unsigned long long)resident);
    /* rsslim startcode endcode startstack kstkesp kstkeip signal blocked sigignore sigcatch
       wchan nswap cnswap exit_signal processor rt_priority policy delayacct_blkio_ticks
       guest_time cguest_time start_data end_data */
    procfs_printf(t, "18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 ");
    /* start_brk arg_start arg_end env_start env_end exit_code */
    procfs_printf(t, "%llu %llu %llu %llu %llu %d\n", (unsigned long long)pp->brk_start,
                  (unsigned long long)pp->arg_start, (unsigned long long)pp->arg_end,
                  (unsigned long long)pp->arg_end, (unsigned long long)pp->env_end,
                  pp->exit_status);
    return 0;
}

static const char *state_name(char state)
{
    return state == 'R' ? "R (running)" : state == 'Z' ? "Z (zombie)" : "S (sleeping)";
}

static int fill_status(struct procfs_text *t, const struct procfs_process *pp)
{
    uint64_t mapped, resident;
    process_memory_usage(pp->process, &mapped, &resident);
    procfs_printf(t, "Name:\t%s\nUmask:\t0%u%u%u\nState:\t%s\n", pp->comm, pp->umask >> 6 & 7,
                  pp->umask >> 3 & 7, pp->umask & 7, state_name(pp->state));
    procfs_printf(t, "Tgid:\t%d\nPid:\t%d\nPPid:\t%d\n", pp->pid, pp->pid, pp->ppid);
    procfs_printf(t, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
    if (pp->state != 'Z')
        procfs_printf(t, "VmSize:\t%llu kB\nVmRSS:\t%llu kB\n", (unsigned long long)mapped / 1024,
                      (unsigned long long)resident * (PAGE_SIZE / 1024));
    procfs_printf(t, "Threads:\t%d\n", pp->threads);
    return 0;
}

const struct procfs_entry procfs_process_files[] = {
    {"cmdline", VNODE_REGULAR, fill_cmdline}, {"comm", VNODE_REGULAR, fill_comm},
    {"cwd", VNODE_SYMLINK, procfs_fill_cwd},  {"environ", VNODE_REGULAR, fill_environ},
    {"exe", VNODE_SYMLINK, fill_exe},         {"fd", VNODE_DIRECTORY, NULL},
    {"maps", VNODE_REGULAR, procfs_fill_maps}, {"stat", VNODE_REGULAR, fill_stat},
    {"status", VNODE_REGULAR, fill_status},
};
const size_t procfs_process_file_count = sizeof procfs_process_files / sizeof *procfs_process_files;
