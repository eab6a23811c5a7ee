/*: # The x86_64 register set

LibOS and bare-metal x86_64 run the same user machine code, so they share its register set and its
conventions. The layout is fixed (the assembly in both targets uses the offsets below): the sixteen
general registers, the instruction pointer, the flags, the two segment bases, then the
floating-point and vector state in the `xsave` format, which must be 64-byte aligned.

The syscall convention is Linux's and Zircon's: number in `rax`, arguments in
`rdi rsi rdx r10 r8 r9`, result in `rax`; the `syscall` instruction itself overwrites `rcx` (return
address) and `r11` (flags). */
#ifndef ZINC_CONTEXT_X86_H
#define ZINC_CONTEXT_X86_H

#include <stdbool.h>
#include <stdint.h>

#include "context_offsets.h"

/* The ELF machine number of programs for this register set (EM_X86_64). */
#define HAL_ELF_MACHINE 62

/* room for xsave with AVX-512 (2696 bytes); a context then fits a page */
#define X86_FPU_AREA_SIZE 2880

struct hal_context {
    uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp; /* offsets 0 .. 56 */
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;   /* offsets 64 .. 120 */
    uint64_t rip, rflags;                            /* offsets 128, 136 */
    uint64_t fsbase, gsbase;                         /* offsets 144, 152 */
    uint8_t fpu[X86_FPU_AREA_SIZE] __attribute__((aligned(64))); /* offset 192 */
};

_Static_assert(__builtin_offsetof(struct hal_context, rsp) == CTX_RSP, "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, r8) == CTX_R8, "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, rip) == CTX_RIP, "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, rflags) == CTX_RFLAGS, "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, fsbase) == CTX_FSBASE, "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, gsbase) == CTX_GSBASE, "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, fpu) == CTX_FPU, "context layout");

/* The flags a user program may hold: the arithmetic flags, trap, direction, alignment check. Bit 1
   is always set and interrupts are always enabled in user mode. */
#define X86_RFLAGS_USER_MASK 0x40dd5ul
#define X86_RFLAGS_ALWAYS 0x202ul

/* An address is canonical when its top 17 bits are all equal: the lower half of the address space,
   which belongs to user programs and ends at X86_USER_HALF_END, or the upper half. Anything else is
   refused by the CPU when it is loaded as an instruction pointer or a segment base. */
#define X86_USER_HALF_END 0x0000800000000000ul
static inline bool x86_canonical(uint64_t a) { return (uint64_t)((int64_t)(a << 16) >> 16) == a; }

/* Where the x87 control word and MXCSR sit in the xsave area, and their values after reset. */
#define X86_FPU_FCW 0
#define X86_FPU_MXCSR 24
#define X86_FCW_INIT 0x37f
#define X86_MXCSR_INIT 0x1f80

static inline uint64_t hal_context_pc(const struct hal_context *c) { return c->rip; }
static inline void hal_context_set_pc(struct hal_context *c, uint64_t v) { c->rip = v; }
static inline uint64_t hal_context_sp(const struct hal_context *c) { return c->rsp; }
static inline void hal_context_set_sp(struct hal_context *c, uint64_t v) { c->rsp = v; }
static inline void hal_context_set_tls(struct hal_context *c, uint64_t v) { c->fsbase = v; }
static inline uint64_t hal_context_tls(const struct hal_context *c) { return c->fsbase; }

/* The function-call argument registers of the System V ABI, to start a thread with arguments. */
static inline uint64_t *x86_arg_reg(struct hal_context *c, int i)
{
    uint64_t *regs[6] = {&c->rdi, &c->rsi, &c->rdx, &c->rcx, &c->r8, &c->r9};
    return regs[i];
}
static inline uint64_t hal_context_arg(struct hal_context *c, int i) { return *x86_arg_reg(c, i); }
static inline void hal_context_set_arg(struct hal_context *c, int i, uint64_t v)
{
    *x86_arg_reg(c, i) = v;
}

static inline uint64_t hal_context_syscall_nr(const struct hal_context *c) { return c->rax; }
static inline uint64_t hal_context_syscall_arg(const struct hal_context *c, int i)
{
    const uint64_t args[6] = {c->rdi, c->rsi, c->rdx, c->r10, c->r8, c->r9};
    return args[i];
}
static inline void hal_context_set_return(struct hal_context *c, uint64_t v) { c->rax = v; }

#endif
