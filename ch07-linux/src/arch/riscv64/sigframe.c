/*: # riscv64: the signal frame

Linux's riscv64 frame, from the new stack pointer up: the `siginfo`, then a `ucontext` whose
`uc_mcontext` holds the interrupted registers in the order of the register numbers (`pc` in the
place of the zero register `x0`) followed by the 32 floating-point registers and `fcsr`, which is
exactly the layout of Zinc's `struct hal_context` for this architecture (arch/riscv64), so saving
and restoring are two copies. It starts right under the stack pointer (riscv64's ABI has no red
zone), or at the top of the alternate signal stack.

The handler gets the signal's number, the siginfo and the ucontext in `a0`, `a1` and `a2`, and
returns through `ra`. riscv64's Linux has no `SA_RESTORER`: the kernel provides the code that makes
`rt_sigreturn` (Linux in its vDSO, Zinc in a page of its own, the trampoline of linux/signals.c),
and `ra` points there. */
#include <asm/sigcontext.h>
#include <linux/signal.h>
#include <asm/ucontext.h>
#include <stddef.h>
#include <string.h>

#include "linux/sigframe.h"
#include "linux/uaccess.h"

#define GENERAL_REGS 32 /* pc, then x1 .. x31 */

struct rt_sigframe {
    siginfo_t info;
    struct ucontext uc;
};

_Static_assert(sizeof(struct user_regs_struct) == GENERAL_REGS * 8, "pc and x1..x31");
_Static_assert(offsetof(struct hal_context, f) == GENERAL_REGS * 8, "the same order as ours");

uint64_t sigframe_stack_top(const struct hal_context *ctx)
{
    return ctx->sp;
}

int sigframe_push(struct hal_context *ctx, struct sigframe_stack where,
                  const struct linux_sigaction *act, const siginfo_t *info,
                  const struct sigframe_saved *saved, uint64_t trampoline)
{
    uint64_t frame = (where.top - sizeof(struct rt_sigframe)) & ~15ul;
    if (frame <= where.bottom || frame > where.top)
        return -EFAULT; /* off the alternate stack, or wrapped around below 0 */
    struct rt_sigframe copy;
    memset(&copy, 0, sizeof copy);
    copy.info = *info;
    copy.uc.uc_stack = saved->altstack;
    memcpy(&copy.uc.uc_sigmask, &saved->mask, sizeof saved->mask);
    memcpy(&copy.uc.uc_mcontext.sc_regs, ctx, GENERAL_REGS * 8);
    memcpy(copy.uc.uc_mcontext.sc_fpregs.d.f, ctx->f, sizeof ctx->f);
    copy.uc.uc_mcontext.sc_fpregs.d.fcsr = (uint32_t)ctx->fcsr;
    if (!trampoline || copy_to_user(frame, &copy, sizeof copy))
        return -EFAULT;
    ctx->a0 = (uint64_t)info->si_signo;
    ctx->a1 = frame + offsetof(struct rt_sigframe, info);
    ctx->a2 = frame + offsetof(struct rt_sigframe, uc);
    ctx->sp = frame;
    ctx->ra = trampoline;
    ctx->pc = act->handler;
    return 0;
}

int64_t sigframe_pop(struct hal_context *ctx, struct sigframe_saved *saved)
{
    struct rt_sigframe copy;
    if (copy_from_user(&copy, ctx->sp, sizeof copy))
        return -EFAULT;
    memcpy(ctx, &copy.uc.uc_mcontext.sc_regs, GENERAL_REGS * 8);
    memcpy(ctx->f, copy.uc.uc_mcontext.sc_fpregs.d.f, sizeof ctx->f);
    ctx->fcsr = copy.uc.uc_mcontext.sc_fpregs.d.fcsr & 0xff; /* the rounding mode and flags */
    memcpy(&saved->mask, &copy.uc.uc_sigmask, sizeof saved->mask);
    saved->altstack = copy.uc.uc_stack;
    return (int64_t)ctx->a0;
}

int64_t sigframe_syscall_result(const struct hal_context *ctx)
{
    return (int64_t)ctx->a0;
}

/* `ecall` is four bytes long; the number is still in a7, but the result replaced a0. */
void sigframe_restart_syscall(struct hal_context *ctx, uint64_t nr, uint64_t arg0)
{
    ctx->pc -= 4;
    ctx->a0 = arg0;
}

/* li a7, __NR_rt_sigreturn (139); ecall */
const uint8_t sigframe_trampoline[] = {0x93, 0x08, 0xb0, 0x08, 0x73, 0x00, 0x00, 0x00};
const size_t sigframe_trampoline_size = sizeof sigframe_trampoline;
