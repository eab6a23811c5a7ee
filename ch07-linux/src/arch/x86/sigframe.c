/*: # x86_64: the signal frame

Linux's x86_64 frame, from the new stack pointer up: the return address the handler's `ret` takes
(`pretcode`: the C library's restorer, which makes `rt_sigreturn`), a `ucontext` whose
`uc_mcontext` holds the interrupted registers and whose `uc_sigmask` the mask to restore, the
`siginfo`, and, 64-byte aligned, the x87 and SSE state in `fxsave` layout, pointed to by
`uc_mcontext.fpstate`. It starts below the interrupted code's *red zone*, the 128 bytes under the
stack pointer that the x86_64 ABI lets a function use without moving it, unless it goes on the
alternate signal stack, at its very top. At the handler's first instruction the stack pointer is 8
bytes off 16-byte alignment, as after a call.

The handler gets the signal's number, the siginfo and the ucontext in `rdi`, `rsi` and `rdx`. On
return, `rt_sigreturn` reloads every register from the frame: a program may have changed them
there on purpose (that is how a handler resumes elsewhere). The flags register keeps only the bits a
program may set, and the vector state only what the processor accepts back (the reserved bits of
`mxcsr` cleared), so a frame a program scribbled on cannot make the kernel fault; the AVX upper
halves are not saved, so a handler that uses AVX registers changes them for the interrupted code.
Both architectures' frames go through this same interface (linux/sigframe.h). */
#include <asm/sigcontext.h>
#include <linux/signal.h>
#include <asm/ucontext.h>
#include <stddef.h>
#include <string.h>

#include "linux/sigframe.h"
#include "linux/uaccess.h"

#define RED_ZONE 128
#define FXSAVE_SIZE 512
#define XSTATE_BV 512       /* where xsave's header says which state the area holds */
#define XSTATE_X87_SSE 3ull /* the x87 and SSE state: what the frame restores */
#define MXCSR_VALID 0xffbfu /* the bits of mxcsr every x86_64 processor takes back */
#define USER_CS 0x33        /* the selectors Linux reports for a 64-bit program */
#define USER_SS 0x2b
#define RFLAGS_DF_TF 0x500ul /* the direction and trap flags: a handler starts with them clear */

struct rt_sigframe {
    uint64_t pretcode;
    struct ucontext uc;
    siginfo_t info;
};

uint64_t sigframe_stack_top(const struct hal_context *ctx)
{
    return ctx->rsp - RED_ZONE;
}

int sigframe_push(struct hal_context *ctx, struct sigframe_stack where,
                  const struct linux_sigaction *act, const siginfo_t *info,
                  const struct sigframe_saved *saved, uint64_t trampoline)
{
    uint64_t fpstate = (where.top - FXSAVE_SIZE) & ~63ul;
    uint64_t frame = ((fpstate - sizeof(struct rt_sigframe)) & ~15ul) - 8;
    if (frame <= where.bottom || frame > where.top)
        return -EFAULT; /* off the alternate stack, or wrapped around below 0 */
    struct rt_sigframe f;
    memset(&f, 0, sizeof f);
    f.pretcode = act->flags & SA_RESTORER ? act->restorer : trampoline;
    f.uc.uc_stack = saved->altstack;
    struct sigcontext *mc = &f.uc.uc_mcontext;
    *mc = (struct sigcontext){
        .r8 = ctx->r8,
        .r9 = ctx->r9,
        .r10 = ctx->r10,
        .r11 = ctx->r11,
        .r12 = ctx->r12,
        .r13 = ctx->r13,
        .r14 = ctx->r14,
        .r15 = ctx->r15,
        .rdi = ctx->rdi,
        .rsi = ctx->rsi,
        .rbp = ctx->rbp,
        .rbx = ctx->rbx,
        .rdx = ctx->rdx,
        .rax = ctx->rax,
        .rcx = ctx->rcx,
        .rsp = ctx->rsp,
        .rip = ctx->rip,
        .eflags = ctx->rflags,
        .cs = USER_CS,
        .ss = USER_SS,
        .oldmask = saved->mask,
        .cr2 = (uint64_t)info->si_addr,
        .fpstate = (struct _fpstate *)fpstate,
    };
    memcpy(&f.uc.uc_sigmask, &saved->mask, sizeof saved->mask);
    f.info = *info;
    hal_context_unload(); /* the vector state into ctx, from the CPU (hal/context.h) */
    if (!f.pretcode || copy_to_user(fpstate, ctx->fpu, FXSAVE_SIZE) ||
        copy_to_user(frame, &f, sizeof f))
        return -EFAULT;
    ctx->rdi = (uint64_t)info->si_signo;
    ctx->rsi = frame + offsetof(struct rt_sigframe, info);
    ctx->rdx = frame + offsetof(struct rt_sigframe, uc);
    ctx->rax = 0;
    ctx->rsp = frame;
    ctx->rip = act->handler;
    ctx->rflags &= ~RFLAGS_DF_TF;
    return 0;
}

int64_t sigframe_pop(struct hal_context *ctx, struct sigframe_saved *saved)
{
    uint64_t frame = ctx->rsp - 8; /* the handler's ret took pretcode */
    struct rt_sigframe f;
    uint8_t fx[FXSAVE_SIZE];
    if (copy_from_user(&f, frame, sizeof f))
        return -EFAULT;
    const struct sigcontext *mc = &f.uc.uc_mcontext;
    if (mc->fpstate && copy_from_user(fx, (uint64_t)mc->fpstate, sizeof fx))
        return -EFAULT;
    ctx->r8 = mc->r8, ctx->r9 = mc->r9, ctx->r10 = mc->r10, ctx->r11 = mc->r11;
    ctx->r12 = mc->r12, ctx->r13 = mc->r13, ctx->r14 = mc->r14, ctx->r15 = mc->r15;
    ctx->rdi = mc->rdi, ctx->rsi = mc->rsi, ctx->rbp = mc->rbp, ctx->rbx = mc->rbx;
    ctx->rdx = mc->rdx, ctx->rax = mc->rax, ctx->rcx = mc->rcx, ctx->rsp = mc->rsp;
    ctx->rip = mc->rip;
    ctx->rflags = (mc->eflags & X86_RFLAGS_USER_MASK) | X86_RFLAGS_ALWAYS;
    if (mc->fpstate) {
        hal_context_unload(); /* so that the next turn loads the state written here */
        struct _fpstate_64 *state = (struct _fpstate_64 *)fx;
        state->mxcsr &= MXCSR_VALID;
        memcpy(ctx->fpu, fx, sizeof fx);
        uint64_t bv;
        memcpy(&bv, ctx->fpu + XSTATE_BV, sizeof bv);
        bv |= XSTATE_X87_SSE;
        memcpy(ctx->fpu + XSTATE_BV, &bv, sizeof bv);
    }
    memcpy(&saved->mask, &f.uc.uc_sigmask, sizeof saved->mask);
    saved->altstack = f.uc.uc_stack;
    return (int64_t)ctx->rax;
}

int64_t sigframe_syscall_result(const struct hal_context *ctx)
{
    return (int64_t)ctx->rax;
}

/* `syscall` is two bytes long; its number was in rax, which the result replaced. */
void sigframe_restart_syscall(struct hal_context *ctx, uint64_t nr, uint64_t arg0)
{
    ctx->rip -= 2;
    ctx->rax = nr;
}

/* mov $__NR_rt_sigreturn (15), %eax; syscall */
const uint8_t sigframe_trampoline[] = {0xb8, 0x0f, 0x00, 0x00, 0x00, 0x0f, 0x05};
const size_t sigframe_trampoline_size = sizeof sigframe_trampoline;
