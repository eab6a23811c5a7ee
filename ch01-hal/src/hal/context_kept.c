/*: # Keeping a context in the CPU: the default

Most targets keep nothing of a user context in the CPU once its turn ends (riscv64 saves its
floating-point registers on every trap; LibOS runs the user's code on a host thread that keeps its
own). For them `hal_context_run_kept` is `hal_context_run`, and there is nothing to unload: the
definitions here. They are *weak*, the linker's way to say "unless another file defines it": x86_64,
which leaves the vector registers and segment bases in the CPU across a system call, defines both
in its own context.c, and the linker takes those. */
#include "hal/hal.h"

__attribute__((weak)) void hal_context_run_kept(struct hal_context *ctx, struct hal_trap *trap)
{
    hal_context_run(ctx, trap);
}

__attribute__((weak)) void hal_context_unload(void) {}
