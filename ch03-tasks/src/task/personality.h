/*: # Personalities: whose system calls a process makes

A thread's loop (task/thread_loop.c) runs user code until it traps; what a trap *means* depends on
the program. A Zircon program's `syscall` asks for a Zircon call by Zircon's numbers and a fault of
it is a Zircon exception; chapter 7's Linux programs make Linux calls, by Linux's numbers, and a
fault of theirs is a signal. The kernel objects underneath are the same. What differs is gathered
in a *personality*, which every process has (`p->personality`) and the loop calls through, never a
Zircon or Linux function by name:

- `syscall` runs the system call the thread trapped with and returns its result, or one of the
  waiting outcomes of object/waiter.h (the loop settles those as for any blocking call);
- `fault` decides what becomes of a thread whose trap was neither a system call nor a page fault
  the address space could serve: Zircon raises an exception (task/exception_raise.c);
- `to_user`, if set, runs each time just before the thread's registers run again: a Linux thread
  takes its pending signals there (the personality may end the thread instead);
- `thread_exit`, if set, runs when a thread leaves user mode for good, before it leaves its process
  (a Linux thread wakes whoever waits for its end there);
- `process_exit`, if set, runs when a process dies, before its handles close (a Linux process tells
  its parent there).

A process starts as a Zircon one (task/zircon_personality.c); a loader that puts another kind of
program in it gives it that program's personality before its first thread starts. Which kind a
program file is, the personalities themselves say: a later chapter registers its own with
`PERSONALITY`, with a `claims` that looks at the start of a file (its ELF headers, its notes), and
`personality_of_program` asks each in turn; a file nobody claims is a Zircon program. The
personality may keep state of its own per process and per thread, in `personality_state`. */
#ifndef ZINC_PERSONALITY_H
#define ZINC_PERSONALITY_H

#include "hal/context.h"
#include "kernel/table.h"
#include "zircon/types.h"

struct process;
struct thread;

struct personality {
    const char *name;
    /* Is the program whose file begins with head[0..len) (its first page, or all of a shorter
       file) one of this personality's? NULL for a personality no loader chooses by itself. */
    bool (*claims)(const uint8_t *head, size_t len);
    int64_t (*syscall)(struct thread *t);
    zx_status_t (*fault)(struct thread *t, const struct hal_trap *trap);
    void (*to_user)(struct thread *t);
    void (*thread_exit)(struct thread *t);
    void (*process_exit)(struct process *p);
};

/* Zircon's: the personality of every process unless its loader says otherwise. */
extern const struct personality zircon_personality;

TABLE_DECLARE(const struct personality *, personalities);
#define PERSONALITY(p_)                                                                            \
    static const struct personality *const personality_entry_##p_ TABLE_ENTRY(personalities) =   \
        &p_

/* The personality of the program whose file begins with head[0..len): the first registered one
   that claims it, else Zircon's. */
const struct personality *personality_of_program(const uint8_t *head, size_t len);

#endif
