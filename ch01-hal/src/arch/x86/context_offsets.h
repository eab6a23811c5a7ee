/*: # Offsets into the x86_64 register set, for assembly

Kept in step with `struct hal_context` (context_x86.h) by the static assertions at its end. */
#ifndef ZINC_CONTEXT_OFFSETS_H
#define ZINC_CONTEXT_OFFSETS_H

#define CTX_RAX 0
#define CTX_RBX 8
#define CTX_RCX 16
#define CTX_RDX 24
#define CTX_RSI 32
#define CTX_RDI 40
#define CTX_RBP 48
#define CTX_RSP 56
#define CTX_R8 64
#define CTX_R9 72
#define CTX_R10 80
#define CTX_R11 88
#define CTX_R12 96
#define CTX_R13 104
#define CTX_R14 112
#define CTX_R15 120
#define CTX_RIP 128
#define CTX_RFLAGS 136
#define CTX_FSBASE 144
#define CTX_GSBASE 152
#define CTX_FPU 192

#endif
