/*: # The Linux personality

What makes a process a Linux process, as far as the thread loop can tell (task/personality.h):

- its **program** is any ELF executable that does not say it is a Zircon program (Zircon programs
  carry a note saying so, user/lib/zircon_note.c);

- its **system calls** go to the table of linux/syscall.h, by Linux's numbers for this
  architecture;
- its **faults** are signals: an access to unmapped memory is `SIGSEGV`, an illegal instruction
  `SIGILL`, a division by zero `SIGFPE`, taken like any signal on the thread's way back to user
  mode (linux/signals.c): a handler runs, or the process ends, as on Linux (linux/fault.c);
- on every **return to user mode** it takes its pending signals, or waits while a signal has
  stopped its process;
- a **thread's end** releases the robust locks it still holds (linux/robust_list.c), and clears
  and wakes the word that `set_tid_address` named, which is how a C library's `pthread_join`
  learns that the thread is gone;
- a **process's end** closes its descriptors, hands its children to pid 1 and tells its parent.
  The process then stays a zombie, its status kept, until the parent reaps it (linux/wait.c). */
#include <string.h>

#include "kernel/kmalloc.h"
#include "linux/exit.h"
#include "linux/fault.h"
#include "linux/signals.h"
#include "linux/process.h"
#include "linux/robust_list.h"
#include "linux/syscall.h"
#include "object/futex.h"
#include "syscall/futex_caller.h"
#include "task/elf_format.h"

/* Does the note segment s of the file (within head) hold a note named "Zircon"? */
static bool has_zircon_note(const uint8_t *head, size_t len, const struct elf_segment *s)
{
    if (s->offset > len || s->filesz > len - s->offset)
        return false; /* beyond the first page: not one of ours, which put it first */
    for (uint64_t at = s->offset; at + 12 <= s->offset + s->filesz;) {
        uint32_t n[3]; /* namesz, descsz, type */
        memcpy(n, head + at, sizeof n);
        uint64_t name = at + 12, next = name + ((n[0] + 3ull) & ~3ull) + ((n[1] + 3ull) & ~3ull);
        if (n[0] == sizeof "Zircon" && name + n[0] <= len && !memcmp(head + name, "Zircon", n[0]))
            return true;
        at = next;
    }
    return false;
}

/* Every ELF executable is a Linux program, unless it carries the note every Zircon program carries
   (user/lib/zircon_note.c). Only the first page of the file is looked at. */
static bool claims_linux_program(const uint8_t *head, size_t len)
{
    const struct elf_header *h = (const void *)head;
    if (len < sizeof *h ||
        memcmp(h->ident,
               "\x7f"
               "ELF",
               4) ||
        h->phoff > len || h->phentsize != sizeof(struct elf_segment) ||
        (uint64_t)h->phnum * sizeof(struct elf_segment) > len - h->phoff)
        return false;
    for (unsigned i = 0; i < h->phnum; i++) {
        struct elf_segment s;
        memcpy(&s, head + h->phoff + i * sizeof s, sizeof s);
        if (s.type == PT_NOTE && has_zircon_note(head, len, &s))
            return false;
    }
    return true;
}

/* The call, by Linux's number; what signal delivery needs to make it again is noted first. */
static int64_t linux_syscall(struct thread *t)
{
    struct linux_thread *lt = t->personality_state;
    const struct hal_context *ctx = t->ctx;
    /* Each by its own number, which makes each a single load: in a loop, each turn built the
       accessor's table of all six (90 instructions, a sixth of a null system call). */
    uint64_t arg[6] = {hal_context_syscall_arg(ctx, 0), hal_context_syscall_arg(ctx, 1),
                       hal_context_syscall_arg(ctx, 2), hal_context_syscall_arg(ctx, 3),
                       hal_context_syscall_arg(ctx, 4), hal_context_syscall_arg(ctx, 5)};
    lt->after_syscall = true;
    lt->syscall_nr = hal_context_syscall_nr(t->ctx);
    lt->syscall_arg0 = arg[0];
    return linux_syscall_dispatch(lt->syscall_nr, arg);
}

static void linux_thread_exit(struct thread *t)
{
    struct linux_thread *lt = t->personality_state;
    uint32_t zero = 0;
    linux_robust_list_release(lt);
    if (lt->clear_child_tid && user_copy_out(lt->clear_child_tid, &zero, sizeof zero) == ZX_OK) {
        struct futex_space s = futex_caller_space();
        futex_wake(&s, lt->clear_child_tid, 1, false);
    }
    linux_thread_detach(t);
}

static void linux_process_exit(struct process *p)
{
    linux_process_ended(p->personality_state);
}

const struct personality linux_personality = {
    .name = "linux",
    .claims = claims_linux_program,
    .syscall = linux_syscall,
    .fault = linux_fault,
    .to_user = linux_signal_deliver,
    .thread_exit = linux_thread_exit,
    .process_exit = linux_process_exit,
};
PERSONALITY(linux_personality);
