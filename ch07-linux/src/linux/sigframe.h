/*: # The signal frame: each architecture's own

What linux/signals.c asks of the architecture to call a handler and to come back from it. The
frame's layout is part of Linux's interface on each architecture (debuggers and `ucontext`-reading
programs rely on it), so arch/x86/sigframe.c and arch/riscv64/sigframe.c each write their own,
from the same `struct hal_context`. Which stack the frame goes on is not theirs to choose
(linux/sigaltstack.c does), only where the free part of the interrupted stack begins: x86_64 leaves
a red zone under the stack pointer. */
#ifndef ZINC_LINUX_SIGFRAME_H
#define ZINC_LINUX_SIGFRAME_H

#include <asm/siginfo.h>

#include "linux/signals.h"

/* Where a frame goes: below top, and wholly above bottom (0: anywhere). linux/sigaltstack.c
   chooses, between the interrupted stack and the alternate one. */
struct sigframe_stack {
    uint64_t top, bottom;
};

/* What a frame keeps for rt_sigreturn besides the registers: the mask to restore, and the
   thread's alternate stack (linux/sigaltstack.h), which the frame's uc_stack shows. */
struct sigframe_saved {
    uint64_t mask;
    stack_t altstack;
};

/* The top of the free part of ctx's stack, where a frame on it may begin. */
uint64_t sigframe_stack_top(const struct hal_context *ctx);

/* Build on the stack where says a frame holding ctx, saved and info, and set ctx to call act's
   handler with it, returning to act's restorer or else to trampoline. 0, or -EFAULT if the frame
   does not fit or cannot be written. */
int sigframe_push(struct hal_context *ctx, struct sigframe_stack where,
                  const struct linux_sigaction *act, const siginfo_t *info,
                  const struct sigframe_saved *saved, uint64_t trampoline);

/* rt_sigreturn: reload ctx from the frame at its stack pointer, and *saved. Returns the value the
   return register must hold afterwards (the system call's result must not overwrite what it was),
   or -EFAULT for a frame that cannot be read. */
int64_t sigframe_pop(struct hal_context *ctx, struct sigframe_saved *saved);

/* The result register after a system call, and going back to make the call again: the program
   counter back over the system-call instruction, the registers as they were at the call. */
int64_t sigframe_syscall_result(const struct hal_context *ctx);
void sigframe_restart_syscall(struct hal_context *ctx, uint64_t nr, uint64_t arg0);

/* The instructions of a trampoline that makes rt_sigreturn, for a handler with no restorer. */
extern const uint8_t sigframe_trampoline[];
extern const size_t sigframe_trampoline_size;

#endif
