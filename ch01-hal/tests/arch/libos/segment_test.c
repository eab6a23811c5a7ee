/*: # LibOS: user programs own both segment bases

On LibOS a trap must not rely on `%fs` or `%gs`, because user code can change both on its own. */
#include "kernel/ktest.h"
#include "user_support.h"

KTEST(user_may_set_fs_and_gs_bases)
{
    struct user_run r;
    uint64_t gs = 0x10000000 + (ktest_random() & 0xfffff0), fs = 0x20000000 + (ktest_random() & 0xfffff0);
    KASSERT_EQ(user_run_load(&r, "segs", gs, fs), 0);
    struct hal_trap trap;
    hal_pt_activate(r.us.pt);
    hal_context_run(&r.ctx, &trap);
    KASSERT_EQ(trap.kind, HAL_TRAP_SYSCALL);
    KEXPECT_EQ(r.ctx.gsbase, gs);
    KEXPECT_EQ(r.ctx.fsbase, fs);
    hal_context_set_return(&r.ctx, 0);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    KEXPECT_EQ(r.outcome.status, gs);
    user_run_free(&r);
}
