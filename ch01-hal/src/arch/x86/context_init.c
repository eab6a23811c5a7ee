/*: # A fresh x86_64 register set

Shared by LibOS and bare-metal x86_64. Every register starts at zero except the ones a program needs
from its first instruction: the instruction and stack pointers, the flags, and the floating-point
controls. The vector state area is in the `xsave` format; with an all-zero header, `xrstor` gives
the registers their reset values, except the two control words, which it takes from the area, so
they are set here. */
#include <string.h>

#include "hal/hal.h"

void hal_context_init(struct hal_context *ctx, vaddr_t pc, vaddr_t sp)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->rip = pc;
    ctx->rsp = sp;
    ctx->rflags = X86_RFLAGS_ALWAYS;
    uint16_t fcw = X86_FCW_INIT;
    uint32_t mxcsr = X86_MXCSR_INIT;
    memcpy(ctx->fpu + X86_FPU_FCW, &fcw, sizeof fcw);
    memcpy(ctx->fpu + X86_FPU_MXCSR, &mxcsr, sizeof mxcsr);
}
