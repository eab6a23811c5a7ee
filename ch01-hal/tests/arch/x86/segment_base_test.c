/*: # x86: the kernel's segment bases, on LibOS and bare metal

Both x86 targets keep a user program's two segment bases in its context and load them on every
entry. LibOS has two ways to load them (arch/libos/tls.c), and the second skips the `%gs` load when
the base has not changed: so a program must see the bases the kernel gave, again after a trap, and
new ones when the kernel moved them in between. And no context the kernel could fill wrongly may
crash it. */
#include "kernel/ktest.h"
#include "user_support.h"

/* Point a base at two words on the program's stack page. 0, or a HAL_E* code. */
static int point_at(struct user_run *r, uint64_t *base, vaddr_t at, uint64_t first, uint64_t second)
{
    uint64_t words[2] = {first, second};
    *base = at;
    return uspace_write(&r->us, at, words, sizeof words);
}

KTEST(kernel_given_segment_bases_hold_across_a_trap)
{
    struct user_run r;
    struct hal_trap trap;
    uint64_t fs1 = ktest_random() >> 2, gs1 = ktest_random() >> 2;
    uint64_t fs2 = ktest_random() >> 2, gs2 = ktest_random() >> 2;
    KASSERT_EQ(user_run_load(&r, "bases", 0, 0), 0);
    KASSERT_EQ(point_at(&r, &r.ctx.fsbase, USER_STACK_TOP - 64, fs1, 0), 0);
    KASSERT_EQ(point_at(&r, &r.ctx.gsbase, USER_STACK_TOP - 128, 0, gs1), 0);
    user_run_to_trap(&r, &trap);
    KASSERT_EQ(trap.kind, HAL_TRAP_SYSCALL);
    KEXPECT_EQ(hal_context_syscall_arg(&r.ctx, 0), fs1 + gs1);
    KASSERT_EQ(point_at(&r, &r.ctx.fsbase, USER_STACK_TOP - 192, fs2, 0), 0);
    KASSERT_EQ(point_at(&r, &r.ctx.gsbase, USER_STACK_TOP - 256, 0, gs2), 0);
    hal_context_set_return(&r.ctx, 0);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    KEXPECT_EQ(r.outcome.status, fs2 + gs2);
    user_run_free(&r);
}

KTEST(non_canonical_context_is_refused)
{
    struct user_run r;
    struct hal_trap trap;
    KASSERT_EQ(user_run_load(&r, "null", 1, 0), 0);
    hal_context_set_pc(&r.ctx, X86_USER_HALF_END); /* one past the lower half */
    user_run_to_trap(&r, &trap);
    KEXPECT_EQ(trap.kind, HAL_TRAP_OTHER);
    hal_context_set_pc(&r.ctx, USER_PROGRAM_BASE);
    hal_context_set_tls(&r.ctx, 0x1234000000000000ul);
    user_run_to_trap(&r, &trap);
    KEXPECT_EQ(trap.kind, HAL_TRAP_OTHER);
    hal_context_set_tls(&r.ctx, 0);
    r.ctx.gsbase = 0x8000000000000000ul;
    user_run_to_trap(&r, &trap);
    KEXPECT_EQ(trap.kind, HAL_TRAP_OTHER);
    r.ctx.gsbase = 0;
    user_run_serve(&r); /* and the context still works */
    KEXPECT_TRUE(r.outcome.exited);
    user_run_free(&r);
}
