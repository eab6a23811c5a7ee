/*: # LibOS: the per-CPU area

Each host thread that runs user code has one of these. The hard question is how a trap finds it.
When the signal arrives, `%fs` (the thread pointer, which the C library and the compiler's stack
protector use) holds the *user's* value, and so may `%gs`: where the CPU has the instructions, a
user program can load either with `wrfsbase`/`wrgsbase` without asking the kernel. Nor can C run
yet. What the user cannot change is where its signals are delivered: on this thread's alternate
signal stack, which only a system call could move. So every CPU area records the bounds of its
signal stack, all areas are listed in `libos_cpus`, and the first instructions of the handler look
for the area whose stack holds the stack pointer: a search through kernel memory that trusts no
register the user could have set.

The offsets are used from assembly (arch/libos/context.S) and checked against the struct at compile
time. */
#ifndef ZINC_LIBOS_CPU_AREA_H
#define ZINC_LIBOS_CPU_AREA_H

#define CPU_SELECTOR 4
#define CPU_IN_USER 5
#define CPU_TLS_BY_SYSCALL 6
#define CPU_KERNEL_RSP 8
#define CPU_KERNEL_FS 16
#define CPU_CTX 24
#define CPU_XSAVE_MASK 32
#define CPU_USER_GS 40
#define CPU_ALT_LO 48
#define CPU_ALT_HI 56
#define CPU_PENDING 64

#define LIBOS_MAX_CPUS 256

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

#include "hal/hal.h"

struct libos_cpu {
    uint32_t unused;
    uint8_t selector; /* Syscall User Dispatch: ALLOW in the kernel, BLOCK in user code */
    uint8_t in_user;
    uint8_t tls_by_syscall; /* this thread switches %fs with arch_prctl, not wrfsbase (tls.c) */
    uint64_t kernel_rsp; /* where hal_context_run left the kernel's stack */
    /* the kernel's thread pointer, recorded when the thread first runs user code */
    uint64_t kernel_fs;
    struct hal_context *ctx;
    uint64_t xsave_mask; /* which parts of the vector state xsave and xrstor move */
    /* on the arch_prctl path: the %gs base loaded now, so an equal one needs no call */
    uint64_t user_gs;
    uint64_t alt_lo, alt_hi; /* the alternate signal stack */
    uint32_t *pending;       /* this thread's "interrupt requested" flag (thread.c) */
    struct hal_trap trap;    /* why the user came back, for hal_context_run to return */
    bool taken;              /* a live host thread uses this area */
};

/* Every CPU area ever made; a NULL entry ends the list. An area is reused when its thread has
   ended. */
extern struct libos_cpu *libos_cpus[LIBOS_MAX_CPUS];

_Static_assert(offsetof(struct libos_cpu, selector) == CPU_SELECTOR, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, in_user) == CPU_IN_USER, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, tls_by_syscall) == CPU_TLS_BY_SYSCALL, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, kernel_rsp) == CPU_KERNEL_RSP, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, kernel_fs) == CPU_KERNEL_FS, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, ctx) == CPU_CTX, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, xsave_mask) == CPU_XSAVE_MASK, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, user_gs) == CPU_USER_GS, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, alt_lo) == CPU_ALT_LO, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, alt_hi) == CPU_ALT_HI, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, pending) == CPU_PENDING, "cpu area layout");
#endif

#endif
