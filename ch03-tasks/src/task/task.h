/*: # Tasks: jobs, processes and threads

Zircon's three kinds of task, each a kernel object:

- a **job** groups processes and other jobs into a tree, and killing a job kills everything under
  it;
- a **process** owns resources: a handle table and an address space (chapter 1's `struct uspace` for
  now; chapter 4 gives it VMARs), and ends when its last started thread ends or it is killed;
- a **thread** runs user code: it has a register set and a kernel thread of its own, which runs the
  loop of task/thread_loop.c, the kernel calling the user.

All three signal `ZX_TASK_TERMINATED` when they are done. Each keeps a reference to its parent; a
parent keeps its children on a list, under its lock, without references: a child removes itself when
it dies (a job also when its last reference goes). */
#ifndef ZINC_TASK_H
#define ZINC_TASK_H

#include "kernel/uspace.h"
#include "object/handle.h"
#include "object/waiter.h"
#include "syscall/caller.h"
#include "task/exceptionate.h"
#include "task/personality.h"
#include "zircon/task.h"

enum job_state { JOB_READY, JOB_KILLING, JOB_DEAD };

struct job {
    struct kobject base;
    struct job *parent;
    uint32_t height; /* how many levels of jobs may still be made below it */
    struct hal_lock lock; /* guards the lists, state, return_code and kill_on_oom */
    struct job *children, *next_sibling;
    struct process *processes;
    uint32_t jobs_leaving, processes_leaving; /* off the lists, not yet ZX_TASK_TERMINATED */
    enum job_state state;
    int64_t return_code; /* ZX_TASK_RETCODE_SYSCALL_KILL once killed */
    bool kill_on_oom;    /* ZX_PROP_JOB_KILL_ON_OOM: kept and told; Zinc has no OOM killer yet */
    struct exceptionate exceptionate;
};

enum process_state { PROCESS_INITIAL, PROCESS_RUNNING, PROCESS_DYING, PROCESS_DEAD };

struct process {
    struct kobject base;
    struct job *job;
    struct process *next_in_job;
    struct handle_table handles;
    struct uspace memory;
    void *space; /* what a later chapter's address-space provider keeps (task/address_space.h) */
    struct hal_lock lock; /* guards state, threads, return_code */
    enum process_state state;
    bool loaded; /* a program was loaded, or is being loaded: there is room for one */
    struct thread *threads;
    int64_t return_code;
    zx_time_t start_time;
    struct exceptionate exceptionate;
    const struct personality *personality; /* whose calls it makes (task/personality.h) */
    void *personality_state;               /* what that personality keeps for it, if anything */
};

struct thread {
    struct zx_caller caller; /* first: system calls find the thread from their caller */
    struct kobject base;
    struct process *process;
    struct thread *next_in_process;
    struct hal_context *ctx; /* in a frame of its own (ctx_frame): with the vector state it is too
                                big for the kernel heap */
    paddr_t ctx_frame;
    uint32_t state;  /* NEW, RUNNING or DEAD; guarded by the process's lock (blocked: in waits) */
    uint32_t exception_channel_type; /* while BLOCKED_EXCEPTION: whose channel; same lock */
    bool kill;       /* atomic: the thread must end at its next return to the kernel */
    struct wait_self waits; /* cancelled by kill: a killed thread stops waiting */
    void *runner; /* what runs it (task/thread_loop.c): here its kernel thread */
    struct exceptionate exceptionate;
    void *personality_state; /* what its process's personality keeps for it, if anything */
};

extern const struct kobject_type job_type, process_type, thread_type;

/* The root of the job tree, made at boot. */
struct job *job_root(void);

/* A new job under parent; the caller owns the reference. ZX_ERR_OUT_OF_RANGE if parent is at the
   height limit, ZX_ERR_BAD_STATE if it was killed. */
zx_status_t job_create(struct job *parent, struct job **out);
void job_kill(struct job *job);
/* Put p on j's list (ZX_ERR_BAD_STATE if j was killed). When p dies it leaves the list
   (job_remove_process), asserts ZX_TASK_TERMINATED, and only then tells j (job_process_gone), whose
   signals follow and which ends if it was killed and is now empty: until then j counts p as
   leaving, neither empty nor dead. */
zx_status_t job_add_process(struct job *j, struct process *p);
void job_remove_process(struct job *j, struct process *p);
void job_process_gone(struct job *j);

zx_status_t process_create(struct job *job, const char *name, struct process **out);
/* Load the boot filesystem's program `name` and a stack; ZX_ERR_NOT_FOUND, ZX_ERR_BAD_STATE, or the
   ELF loader's error. */
zx_status_t process_load(struct process *p, const char *name, vaddr_t *entry, vaddr_t *stack);
void process_kill(struct process *p, int64_t return_code);
/* Call fn(h, arg) for each handle p holds, with p's handle table locked (fn must not use it); the
   process cannot die meanwhile. ZX_ERR_BAD_STATE, and no call, if it is dead: its table is gone. */
zx_status_t process_for_each_handle(struct process *p,
                                    void (*fn)(const struct handle *h, void *arg), void *arg);
/* Thread t of p has ended (or was destroyed unstarted): it is DEAD, leaves p and signals
   ZX_TASK_TERMINATED; the last started one ends the process, if it ever ran. */
void process_thread_ended(struct process *p, struct thread *t);

zx_status_t thread_create(struct process *p, const char *name, struct thread **out);
/* Start t at entry with stack and two arguments. ZX_ERR_BAD_STATE if already started (or its
   process is ending), ZX_ERR_INVALID_ARGS if entry is neither 0 nor a user address. */
zx_status_t thread_start(struct thread *t, vaddr_t entry, vaddr_t stack, uint64_t arg1,
                         uint64_t arg2);
/* Start t with a copy of the register set regs (chapter 7's fork: the child goes on where its
   parent was); the same errors. */
zx_status_t thread_start_as(struct thread *t, const struct hal_context *regs);
void thread_kill(struct thread *t);

/* What runs a started thread's loop (task/thread_loop.c): start it, with the reference to t that
   thread_start took for it (ZX_ERR_NO_RESOURCES if it cannot be had); and poke it, so that a thread
   told to stop leaves user code or a wait soon. */
zx_status_t thread_loop_start(struct thread *t);
void thread_loop_poke(struct thread *t);

/* Start the periodic timer that preempts user threads (task/sched_tick.c); later calls do
   nothing. */
void sched_tick_start(void);

/* The thread on whose behalf the current system call runs. */
struct thread *thread_current(void);

#endif
