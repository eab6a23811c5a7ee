/*: # The riscv64 register set

The 31 general registers `x1`..`x31` in their numbering order, so that register `xN` sits at offset
`8 * N`. Register `x0` is always zero and needs no slot, so its slot holds the program counter. Then
the 32 floating-point registers and their control register `fcsr`: user programs are built for the
full `rv64gc` instruction set and may use them (the kernel itself never does: it is built
soft-float).

The syscall convention is Linux's on riscv64: number in `a7`, arguments in `a0`..`a5`, result in
`a0`. The `ecall` instruction changes no register, so every other register survives a system call.
The function call convention passes arguments in the same `a0`..`a5`, and `tp` is the thread
pointer. */
#ifndef ZINC_CONTEXT_RISCV_H
#define ZINC_CONTEXT_RISCV_H

#define CTX_PC 0
#define CTX_X(n) (8 * (n))
#define CTX_F(n) (256 + 8 * (n))
#define CTX_FCSR 512
#define CTX_SIZE 520

#ifndef __ASSEMBLER__
#include <stdint.h>

struct hal_context {
    uint64_t pc;                                      /* x0's slot */
    uint64_t ra, sp, gp, tp, t0, t1, t2, s0, s1;      /* x1 .. x9 */
    uint64_t a0, a1, a2, a3, a4, a5, a6, a7;          /* x10 .. x17 */
    uint64_t s2, s3, s4, s5, s6, s7, s8, s9, s10, s11; /* x18 .. x27 */
    uint64_t t3, t4, t5, t6;                          /* x28 .. x31 */
    uint64_t f[32];
    uint64_t fcsr;
};

_Static_assert(__builtin_offsetof(struct hal_context, sp) == CTX_X(2), "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, a0) == CTX_X(10), "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, t6) == CTX_X(31), "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, f) == CTX_F(0), "context layout");
_Static_assert(__builtin_offsetof(struct hal_context, fcsr) == CTX_FCSR, "context layout");
_Static_assert(sizeof(struct hal_context) == CTX_SIZE, "context layout");

static inline uint64_t hal_context_pc(const struct hal_context *c) { return c->pc; }
static inline void hal_context_set_pc(struct hal_context *c, uint64_t v) { c->pc = v; }
static inline uint64_t hal_context_sp(const struct hal_context *c) { return c->sp; }
static inline void hal_context_set_sp(struct hal_context *c, uint64_t v) { c->sp = v; }
static inline void hal_context_set_tls(struct hal_context *c, uint64_t v) { c->tp = v; }
static inline uint64_t hal_context_tls(const struct hal_context *c) { return c->tp; }

/* a0 .. a5 are consecutive: x10 .. x15. */
static inline uint64_t hal_context_arg(struct hal_context *c, int i) { return (&c->a0)[i]; }
static inline void hal_context_set_arg(struct hal_context *c, int i, uint64_t v)
{
    (&c->a0)[i] = v;
}

static inline uint64_t hal_context_syscall_nr(const struct hal_context *c) { return c->a7; }
static inline uint64_t hal_context_syscall_arg(const struct hal_context *c, int i)
{
    return (&c->a0)[i];
}
static inline void hal_context_set_return(struct hal_context *c, uint64_t v) { c->a0 = v; }
#endif

#endif
