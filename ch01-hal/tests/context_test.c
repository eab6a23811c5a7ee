/*: # Tests of the user context: system calls, registers and traps */
#include "hal/hal.h"
#include "kernel/ktest.h"
#include "user_support.h"

KTEST(user_hello_runs)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "hello", 0, 0), 0);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    KEXPECT_EQ(r.outcome.status, 0);
    KEXPECT_STREQ(r.out, "Hello from user mode!\n1 + 2 + ... + 100 = 5050\n");
    user_run_free(&r);
}

KTEST(syscall_carries_arguments_and_result)
{
    struct user_run r;
    uint64_t args[6], result = ktest_random();
    KASSERT_EQ(user_run_load(&r, "args", 0, 0), 0);
    for (int i = 0; i < 6; i++) {
        args[i] = ktest_random();
        hal_context_set_arg(&r.ctx, i, args[i]);
    }
    /* Play the kernel by hand: the first trap must be system call 7 with the six values. */
    struct hal_trap trap;
    hal_pt_activate(r.us.pt);
    hal_context_run(&r.ctx, &trap);
    KASSERT_EQ(trap.kind, HAL_TRAP_SYSCALL);
    KEXPECT_EQ(hal_context_syscall_nr(&r.ctx), 7);
    for (int i = 0; i < 6; i++)
        KEXPECT_EQ(hal_context_syscall_arg(&r.ctx, i), args[i]);
    /* Return a value: the program passes it on to exit. */
    hal_context_set_return(&r.ctx, result);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    KEXPECT_EQ(r.outcome.status, result);
    user_run_free(&r);
}

KTEST(syscall_preserves_registers)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "regs", ktest_random() >> 4, 0), 0);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    KEXPECT_EQ(r.outcome.status, 0); /* else: the number of the register that changed */
    user_run_free(&r);
}

KTEST(thread_pointer_is_the_users)
{
    struct user_run r;
    uint64_t token = ktest_random();
    KASSERT_EQ(user_run_load(&r, "tls", 0, 0), 0);
    /* Thread-local storage on the program's stack page: the thread pointer points at the token. */
    vaddr_t tls = USER_STACK_TOP - 64;
    KASSERT_EQ(uspace_write(&r.us, tls, &token, sizeof token), 0);
    hal_context_set_tls(&r.ctx, tls);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    KEXPECT_EQ(r.outcome.status, token);
    user_run_free(&r);
}

KTEST(illegal_instruction_is_a_trap)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "ud", 0, 0), 0);
    user_run_serve(&r);
    KEXPECT_TRUE(!r.outcome.exited);
    KEXPECT_EQ(r.outcome.trap.kind, HAL_TRAP_ILLEGAL);
    KEXPECT_EQ(hal_context_pc(&r.ctx), USER_PROGRAM_BASE);
    user_run_free(&r);
}

KTEST(breakpoint_is_a_trap_and_resumes)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "brk", 0, 0), 0);
    user_run_serve(&r);
    KEXPECT_EQ(r.outcome.trap.kind, HAL_TRAP_BREAKPOINT);
    /* The program counter is past the breakpoint: running on finishes the program. */
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    user_run_free(&r);
}

KTEST(bad_user_pointer_is_an_error_not_a_crash)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "badwrite", 0x1000, 0), 0); /* below the user range */
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    KEXPECT_EQ(r.outcome.status, -1);
    user_run_free(&r);
    KASSERT_EQ(user_run_load(&r, "badwrite", USER_STACK_TOP - 8, 0),
               0); /* runs off the stack's end */
    user_run_serve(&r);
    KEXPECT_EQ(r.outcome.status, -1);
    user_run_free(&r);
}

KTEST(missing_program_is_reported)
{
    struct user_run r;
    KEXPECT_EQ(user_run_load(&r, "no-such-program", 0, 0), HAL_ENOENT);
}
