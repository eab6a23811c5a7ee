/*: # riscv64: tests of what the generic tests cannot see

Three things the riscv64 HAL does that the other targets do differently or not at all: it keeps each
user context's floating-point registers apart (they stay in the hardware while the kernel runs, and
only a Dirty state is saved), it steps over a 2-byte compressed `c.ebreak`, and it brings a timer
interrupt that arrives in user mode back as `HAL_TRAP_INTERRUPT`, after the handler ran. */
#include "hal/hal.h"
#include "kernel/ktest.h"
#include "kernel/timer.h"
#include "user_support.h"

KTEST(riscv_fp_registers_belong_to_each_context)
{
    /* a stops at its system call with its values in fs0 and fa0; b writes its own and exits; then
       a's check must find its own values again. */
    struct user_run a, b;
    struct hal_trap trap;
    KASSERT_EQ(user_run_load(&a, "regs", ktest_random() >> 4, 0), 0);
    KASSERT_EQ(user_run_load(&b, "regs", ktest_random() >> 4, 0), 0);
    hal_pt_activate(a.us.pt);
    do
        hal_context_run(&a.ctx, &trap);
    while (trap.kind == HAL_TRAP_INTERRUPT);
    KEXPECT_EQ(trap.kind, HAL_TRAP_SYSCALL);
    hal_context_set_return(&a.ctx, 0);
    user_run_serve(&b);
    KEXPECT_EQ(b.outcome.status, 0);
    user_run_serve(&a);
    KEXPECT_TRUE(a.outcome.exited);
    KEXPECT_EQ(a.outcome.status, 0);
    user_run_free(&a);
    user_run_free(&b);
}

KTEST(riscv_compressed_breakpoint_resumes)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "cbrk", 0, 0), 0);
    user_run_serve(&r);
    KEXPECT_EQ(r.outcome.trap.kind, HAL_TRAP_BREAKPOINT);
    KEXPECT_EQ(hal_context_pc(&r.ctx), USER_PROGRAM_BASE + 2);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    user_run_free(&r);
}

/* The timer keeps firing every 5 ms until the test cancels it: a machine that is slow to get to
   user mode (an emulator the host has paused) may see the first one fire while the kernel still
   runs, and the program would then spin for ever with nothing left to interrupt it. */
static void note(struct ktimer *t, void *arg)
{
    *(volatile bool *)arg = true;
    timer_start(t, hal_timer_now() + 5000000, note, arg);
}

KTEST(riscv_interrupt_in_user_mode_returns_after_its_handler)
{
    static struct ktimer t;
    static volatile bool fired;
    struct user_run r;
    struct hal_trap trap;
    fired = false;
    KASSERT_EQ(user_run_load(&r, "spin", 0, 0), 0);
    hal_pt_activate(r.us.pt);
    timer_start(&t, hal_timer_now() + 5000000, note, (void *)&fired);
    do {
        fired = false;
        hal_context_run(&r.ctx, &trap);
    } while (trap.kind == HAL_TRAP_INTERRUPT && !fired);
    timer_cancel(&t);
    KEXPECT_EQ(trap.kind, HAL_TRAP_INTERRUPT);
    KEXPECT_TRUE(fired); /* the handler ran before hal_context_run returned */
    /* spin's only instruction, to run again */
    KEXPECT_EQ(hal_context_pc(&r.ctx), USER_PROGRAM_BASE);
    user_run_free(&r);
}
