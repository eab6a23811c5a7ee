/*: # A Linux process is a Zircon process with more state

Chapter 3's `struct process` already has what every program needs: threads, an address space (a
root VMAR, chapter 4), a job to belong to and a return code. A Linux process keeps beside it, in the
process's `personality_state`, what Linux adds:

- a **pid**, a small number, and a **parent**, whose `wait4` collects the child's exit status;
  until then the child stays a *zombie*: dead, its memory and files gone, only its status left;
- a **descriptor table** (fs/fd_table.h), where Zircon has a handle table;
- the **program break**, the end of the heap that `brk` moves;
- the process group and session of job control, the signal dispositions, and whether a signal has
  stopped it (later files).

A Linux thread keeps its thread id (the main thread's is the pid), the address that
`set_tid_address` names, cleared and woken when the thread ends, and its signal state: its mask,
its own pending signals and its alternate signal stack.

The Linux processes form a tree of their own, rooted at the first one the kernel starts (pid 1,
linux/boot.c), all in one Zircon job. */
#ifndef ZINC_LINUX_PROCESS_H
#define ZINC_LINUX_PROCESS_H

#include <asm/errno.h>

#include "fs/fd_table.h"
#include "syscall/user_copy.h"
#include "task/task.h"

struct vnode;
struct linux_signals;
struct signal_origin;

/* The personality of Linux processes (linux/personality.c). */
extern const struct personality linux_personality;

/* How many Linux processes may exist at once, zombies included: a fork past it is -EAGAIN. */
#define LINUX_PROCESS_MAX 512

struct linux_process {
    struct process *process; /* the Zircon process (a reference, kept until reaped) */
    int pid;
    struct linux_process *parent; /* NULL for the first process; guarded by the tree lock */
    int ppid; /* atomic: the parent's pid, or 0, set with parent: getppid reads it with no lock */
    struct linux_process *children, *next_sibling; /* the same */
    struct fd_table *files;
    vaddr_t brk_start, brk;       /* the heap: the pages of [brk_start, brk) are mapped */
    struct kobject *child_exited; /* an event, signalled when a child exits, stops or continues */
    bool exited;                  /* a zombie, until its parent reaps it; the tree lock */
    int wait_status;              /* what wait4 reports: (code << 8), or the signal's number */
    char exe[128];                /* the program file's path (exec_file's): /proc/self/exe */
    vaddr_t arg_start, arg_end, env_end; /* its strings: /proc/PID/cmdline and environ */
    struct vnode *cwd;                   /* the working directory (with a reference; fs/) */
    uint32_t umask;
    int pgid, sid;                 /* its process group and session (job control) */
    struct kobject *vfork_done;    /* a vfork child's: signalled at its exec or end; else NULL */
    struct linux_signals *signals; /* the dispositions (linux/signals.h) */
    uint64_t pending;              /* signals sent to the process, not yet taken; atomic */
    struct signal_origin *origin;  /* for each pending signal, where it came from; tree lock */
    vaddr_t trampoline;            /* where the signal-return trampoline is mapped */
    bool stopped;            /* by a stop signal, until SIGCONT (linux/stop.c): written under the
                                tree lock, read atomically */
    int stop_report;         /* the stop or continue its parent's wait has yet to see (a wait
                                status), or 0; the tree lock */
    struct kobject *running; /* an event, signalled while it is not stopped */
    uint64_t alarm_at, alarm_interval; /* ITIMER_REAL (linux/alarm.c): 0 when disarmed; the
                                          tree lock */
};

struct linux_thread {
    int tid;
    bool own_tid;            /* a thread id of its own: not the first thread's, which is the pid */
    uaddr_t clear_child_tid; /* set_tid_address: zeroed and woken at the thread's end */
    uaddr_t robust_list;     /* set_robust_list: its locks are released at its end */
    uint64_t blocked;        /* its signal mask */
    uint64_t pending;        /* signals for this thread alone (its faults); atomic */
    uint64_t saved_mask;     /* rt_sigsuspend's: the mask to restore after the handler */
    bool has_saved_mask;
    bool interrupted; /* atomic: a signal it does not block is pending: its waits end */
    int fault_code;   /* the si_code of its own pending signal, and a fault's address */
    uint64_t fault_addr;
    int sender_pid, sender_uid; /* or, for one sent (tkill, rt_tgsigqueueinfo), who sent it */
    uint64_t sender_value;      /* and the si_value it gave */
    uint64_t waiting_for; /* while in rt_sigtimedwait: the signals it waits for, which end waits */
    bool after_syscall;   /* it comes back from a system call, which may be made again */
    uint64_t syscall_nr, syscall_arg0;   /* that call, to make it again */
    uint64_t altstack_sp, altstack_size; /* its alternate signal stack (linux/sigaltstack.c) */
    int altstack_flags;
};

/* The Linux process and thread of the calling thread. */
struct linux_process *linux_current(void);
struct linux_thread *linux_thread_current(void);

/* Make p a Linux process with a new pid, child of parent (NULL for the first), with descriptor
   table files (which it takes over), and its thread t (p's first) a Linux thread: the new state,
   or NULL if memory or pids ran out (-EAGAIN). */
struct linux_process *linux_process_attach(struct process *p, struct linux_process *parent,
                                           struct fd_table *files, struct thread *t);

/* Make t, a new thread of a Linux process, a Linux thread with an id of its own: its state, or
   NULL if memory or ids ran out. */
struct linux_thread *linux_thread_attach(struct thread *t);

/* t, the one thread left of its process after an execve, takes the pid as its id. */
void linux_thread_take_pid(struct thread *t);

/* Free the Linux state of thread t: at its end, or when it never started. */
void linux_thread_detach(struct thread *t);

/* The living or zombie process with this pid, or NULL; under the tree lock. */
struct linux_process *linux_process_find(int pid);
/* Call fn(lp, arg) for every living or zombie process; under the tree lock. */
void linux_process_each(void (*fn)(struct linux_process *lp, void *arg), void *arg);
/* How many living or zombie processes there are, and in *newest (if not NULL) the highest pid
   of them: for /proc/loadavg, /proc/stat and sysinfo. Takes the tree lock. */
int linux_process_count(int *newest);
/* Take lp off the list of processes, freeing its pid; under the tree lock. */
void linux_process_forget(struct linux_process *lp);

/* The lock of the process tree: parents, children, zombies, pids. */
extern struct hal_lock linux_tree_lock;

#endif
