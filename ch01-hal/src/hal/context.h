/*: # The user context: the kernel calls the user

This is the heart of the HAL and the idea Zinc takes from zCore. A classic kernel is *called by*
user programs: a trap enters it on an empty kernel stack, and it returns to user mode when done.
Zinc turns that around. The kernel holds a `struct hal_context` (the user's registers) and *calls*
the user:

    for (;;) {
        hal_context_run(&ctx, &trap);      // runs user code until its next trap
        switch (trap.kind) { ... }         // a syscall, a fault, an interrupt
    }

`hal_context_run` returns at the user's next `syscall` (x86_64) or `ecall` (riscv64) instruction,
fault or interrupt, with the registers saved in `ctx` and the reason in `trap`. The kernel's own
stack and locals survive across the call, so a kernel thread can keep its state in ordinary C
variables. That is what lets the async chapter turn a user thread into a coroutine.

The three targets reach the same contract by very different means: bare metal uses the CPU's trap
machinery (`sysret`/`sret` in, a trap vector out); LibOS runs user code in its own process and
catches its `syscall` instructions with Linux's Syscall User Dispatch (see arch/libos/context.c).

After a syscall trap the program counter already points past the syscall instruction, so running the
context again continues the program; the kernel puts the result in place with
`hal_context_set_return`. After a fault the program counter points at the faulting instruction:
running again retries it. */
#ifndef ZINC_HAL_CONTEXT_H
#define ZINC_HAL_CONTEXT_H

#include "hal/types.h"

enum hal_trap_kind {
    HAL_TRAP_SYSCALL,    /* the program executed its syscall instruction */
    HAL_TRAP_PAGE_FAULT, /* an access to an unmapped page, or against the page's permissions */
    HAL_TRAP_ILLEGAL,    /* an undefined or privileged instruction */
    HAL_TRAP_BREAKPOINT, /* a breakpoint instruction (int3, ebreak) */
    HAL_TRAP_ARITHMETIC, /* a divide error */
    HAL_TRAP_OTHER,      /* any other exception: general protection, misalignment, ... */
    /* an interrupt arrived while the program ran; its handler has already run */
    HAL_TRAP_INTERRUPT,
};

struct hal_trap {
    enum hal_trap_kind kind;
    vaddr_t addr;    /* page fault: the address the program touched */
    unsigned access; /* page fault: HAL_MMU_READ, HAL_MMU_WRITE or HAL_MMU_EXEC */
    uint64_t code;   /* the architecture's own cause (vector, scause, signal), for diagnostics */
};

/* The register set, `struct hal_context`, is defined by each architecture in hal_arch.h, along with
   these accessors (static inline there):
     hal_context_pc / hal_context_set_pc, hal_context_sp / hal_context_set_sp,
     hal_context_arg / hal_context_set_arg       the function-call argument registers 0..5,
     hal_context_syscall_nr, hal_context_syscall_arg (0..5), hal_context_set_return,
     hal_context_tls / hal_context_set_tls       the thread pointer (fsbase, tp). */

/* Give ctx a fresh register set that starts at pc with stack pointer sp. */
void hal_context_init(struct hal_context *ctx, vaddr_t pc, vaddr_t sp);

/* Enter user mode with ctx's registers in the address space of the active page table, and return at
   the program's next trap. */
void hal_context_run(struct hal_context *ctx, struct hal_trap *trap);

/* The same, except that part of ctx's state may stay in the CPU when it returns, as Linux leaves it
   across a system call: the registers the kernel never uses (on x86_64 the floating-point and
   vector registers and the segment bases). Running ctx again on this CPU then costs nothing for
   them. Until hal_context_unload, on this CPU, writes them back, ctx holds a stale copy of them:
   the kernel calls it before it reads or changes them in ctx (the thread pointer, a signal
   frame's vector state, a copy of the registers for fork), and before ctx may run on another CPU
   or its memory goes. A switch of kernel threads unloads too. Where an architecture keeps nothing
   (riscv64, LibOS) it is hal_context_run, and unloading does nothing (hal/context_kept.c). */
void hal_context_run_kept(struct hal_context *ctx, struct hal_trap *trap);
void hal_context_unload(void);

/* A name for a trap kind, for messages. */
const char *hal_trap_name(enum hal_trap_kind kind);

#endif
