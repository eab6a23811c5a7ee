/*: # LibOS: the per-CPU area

Each host thread that runs user code has one of these, and its `%gs` base points at it. That is the only
way back into the kernel that does not depend on anything the user controls: when a trap signal arrives,
`%fs` (the thread pointer, which the C library and the compiler's stack protector use) still holds the
*user's* value, so the first instructions of the handler find the kernel's state through `%gs`. Zinc keeps
`%gs` for itself on LibOS, as the real kernel does with `swapgs` on bare metal.

The offsets are used from assembly (arch/libos/context.S) and checked against the struct at compile time. */
#ifndef ZINC_LIBOS_CPU_AREA_H
#define ZINC_LIBOS_CPU_AREA_H

#define CPU_MAGIC 0
#define CPU_SELECTOR 4
#define CPU_IN_USER 5
#define CPU_KERNEL_RSP 8
#define CPU_KERNEL_FS 16
#define CPU_CTX 24
#define CPU_XSAVE_MASK 32

#define CPU_MAGIC_VALUE 0x434e495a /* "ZINC" */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

#include "hal/hal.h"

struct libos_cpu {
    uint32_t magic;
    uint8_t selector; /* Syscall User Dispatch: ALLOW in the kernel, BLOCK in user code */
    uint8_t in_user;
    uint64_t kernel_rsp; /* where hal_context_run left the kernel's stack */
    uint64_t kernel_fs;  /* the kernel's thread pointer */
    struct hal_context *ctx;
    uint64_t xsave_mask; /* which parts of the vector state xsave and xrstor move */
    struct hal_trap trap; /* why the user came back, for hal_context_run to return */
};

_Static_assert(offsetof(struct libos_cpu, selector) == CPU_SELECTOR, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, in_user) == CPU_IN_USER, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, kernel_rsp) == CPU_KERNEL_RSP, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, kernel_fs) == CPU_KERNEL_FS, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, ctx) == CPU_CTX, "cpu area layout");
_Static_assert(offsetof(struct libos_cpu, xsave_mask) == CPU_XSAVE_MASK, "cpu area layout");
#endif

#endif
