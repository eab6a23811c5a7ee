/*: # LibOS: who owns the segment bases

On the fsgsbase path a user program may move both of its segment bases itself, and a trap must take
them from the registers (and must not rely on `%fs` or `%gs` to find its way back). On the
system-call path the kernel's record in the context is the truth (arch/libos/tls.c): where the CPU
refuses the instructions, the program's first one is an illegal instruction; where it still runs
them (the path was forced, or the host enables them without announcing it), the kernel neither sees
nor keeps the change, and goes on all the same. */
#include "kernel/ktest.h"
#include "libos.h"
#include "user_support.h"

KTEST(user_may_set_fs_and_gs_bases)
{
    struct user_run r;
    struct hal_trap trap;
    uint64_t gs = 0x10000000 + (ktest_random() & 0xfffff0),
             fs = 0x20000000 + (ktest_random() & 0xfffff0);
    KASSERT_EQ(user_run_load(&r, "segs", gs, fs), 0);
    user_run_to_trap(&r, &trap);
    if (!libos_user_sets_own_bases() && trap.kind == HAL_TRAP_ILLEGAL) {
        KEXPECT_EQ(hal_context_pc(&r.ctx), USER_PROGRAM_BASE);
        user_run_free(&r);
        return;
    }
    KASSERT_EQ(trap.kind, HAL_TRAP_SYSCALL);
    KEXPECT_EQ(r.ctx.gsbase, libos_user_sets_own_bases() ? gs : 0);
    KEXPECT_EQ(r.ctx.fsbase, libos_user_sets_own_bases() ? fs : 0);
    hal_context_set_return(&r.ctx, 0);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    if (libos_user_sets_own_bases())
        KEXPECT_EQ(r.outcome.status, gs);
    user_run_free(&r);
}
