/*: # The Linux personality

What makes a process a Linux process, as far as the thread loop can tell (task/personality.h):

- its **system calls** go to the table of linux/syscall.h, by Linux's numbers for this
  architecture;
- its **faults** are signals: an access to unmapped memory is `SIGSEGV`, an illegal instruction
  `SIGILL`, a division by zero `SIGFPE`. Until a program installs a handler (linux/signal.c), the
  default action of each is to end the process, as Linux does; the kernel says so on its console
  with the address and the program counter, which is what a reader debugging a port wants first;
- a **thread's end** clears and wakes the word that `set_tid_address` named, which is how a C
  library's `pthread_join` learns that the thread is gone;
- a **process's end** closes its descriptors, hands its children to pid 1 and tells its parent.
  The process then stays a zombie, its status kept, until the parent reaps it (linux/wait.c). */
#include <asm/signal.h>

#include "kernel/kmalloc.h"
#include "kernel/printk.h"
#include "linux/exit.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "object/futex.h"
#include "syscall/futex_caller.h"

static int64_t linux_syscall(struct thread *t)
{
    uint64_t arg[6];
    for (int i = 0; i < 6; i++)
        arg[i] = hal_context_syscall_arg(t->ctx, i);
    return linux_syscall_dispatch(hal_context_syscall_nr(t->ctx), arg);
}

static int signal_of(const struct hal_trap *trap)
{
    switch (trap->kind) {
    case HAL_TRAP_ILLEGAL:
        return SIGILL;
    case HAL_TRAP_BREAKPOINT:
        return SIGTRAP;
    case HAL_TRAP_ARITHMETIC:
        return SIGFPE;
    default:
        return SIGSEGV;
    }
}

static zx_status_t linux_fault(struct thread *t, const struct hal_trap *trap)
{
    int sig = signal_of(trap);
    char name[ZX_MAX_NAME_LEN];
    kobject_get_name(&t->process->base, name);
    kprintf("linux: %s (pid %d) killed by signal %d: %s at 0x%lx, pc 0x%lx\n", name,
            ((struct linux_process *)t->process->personality_state)->pid, sig,
            hal_trap_name(trap->kind), (unsigned long)trap->addr,
            (unsigned long)hal_context_pc(t->ctx));
    linux_exit_group(t->process, sig);
    return ZX_OK;
}

static void linux_thread_exit(struct thread *t)
{
    struct linux_thread *lt = t->personality_state;
    uint32_t zero = 0;
    if (lt->clear_child_tid && user_copy_out(lt->clear_child_tid, &zero, sizeof zero) == ZX_OK) {
        struct futex_space s = futex_caller_space();
        futex_wake(&s, lt->clear_child_tid, 1, false);
    }
    t->personality_state = NULL;
    kfree(lt);
}

static void linux_process_exit(struct process *p)
{
    linux_process_ended(p->personality_state);
}

const struct personality linux_personality = {
    .name = "linux",
    .syscall = linux_syscall,
    .fault = linux_fault,
    .thread_exit = linux_thread_exit,
    .process_exit = linux_process_exit,
};
