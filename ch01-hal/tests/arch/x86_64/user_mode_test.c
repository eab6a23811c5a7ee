/*: # x86_64: tests of user mode that only bare metal can pass

The generic tests (tests/context_test.c, tests/mmu_test.c) hold on every target. These check what
the x86_64 hardware adds: an interrupt takes the CPU back from a program that never traps; the
kernel's half of every address space is out of the user's reach, for reading and for execution;
contexts a kernel could set up wrongly are refused rather than crashing it (tests/arch/x86/); each
context has vector registers of its own; and a program may move its own segment bases. */
#include "kernel/ktest.h"
#include "kernel/timer.h"
#include "user_support.h"
#include "x86_64.h"

#define MS 1000000ull

/* The timer keeps firing every 5 ms until the test cancels it: an emulator the host pauses may let
   the first one fire before the program runs, and the program would then spin with nothing to stop
   it. */
static void count_tick(struct ktimer *t, void *arg)
{
    (*(int *)arg)++;
    timer_start(t, hal_timer_now() + 5 * MS, count_tick, arg);
}

KTEST(interrupt_takes_the_cpu_back_from_a_spinning_program)
{
    struct user_run r;
    static struct ktimer timer;
    static int fired;
    fired = 0;
    KASSERT_EQ(user_run_load(&r, "spin", 0, 0), 0);
    hal_pt_activate(r.us.pt);
    timer_start(&timer, hal_timer_now() + 5 * MS, count_tick, &fired);
    struct hal_trap trap;
    int before, i = 0;
    do {
        before = fired;
        hal_context_run(&r.ctx, &trap);
    } while (trap.kind == HAL_TRAP_INTERRUPT && fired == before && ++i < 100);
    timer_cancel(&timer);
    KEXPECT_EQ(trap.kind, HAL_TRAP_INTERRUPT);
    KEXPECT_TRUE(fired > before); /* the handler ran before hal_context_run returned */
    KEXPECT_EQ(hal_context_pc(&r.ctx), USER_PROGRAM_BASE); /* the loop's one instruction */
    user_run_free(&r);
}

/* Run program with arg0 until it stops; expect a page fault of the given access at addr. */
static void expect_fault(const char *program, uint64_t addr, unsigned access)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, program, addr, 0), 0);
    user_run_serve(&r);
    KEXPECT_TRUE(!r.outcome.exited);
    KEXPECT_EQ(r.outcome.trap.kind, HAL_TRAP_PAGE_FAULT);
    KEXPECT_EQ(r.outcome.trap.addr, addr);
    KEXPECT_EQ(r.outcome.trap.access, access);
    user_run_free(&r);
}

KTEST(user_cannot_read_or_run_the_kernel)
{
    static uint64_t kernel_data = 42;
    expect_fault("peek", (uint64_t)&kernel_data, HAL_MMU_READ);
    expect_fault("peek", DIRECT_MAP + PAGE_SIZE, HAL_MMU_READ);
    expect_fault("jump", (uint64_t)ktest_random, HAL_MMU_EXEC);
}

KTEST(vector_registers_belong_to_their_context)
{
    /* Stop one program at its system call with its value in xmm0, run another to the end with a
       different value, then let the first check its register. */
    struct user_run a, b;
    struct hal_trap trap;
    KASSERT_EQ(user_run_load(&a, "regs", ktest_random() >> 4, 0), 0);
    KASSERT_EQ(user_run_load(&b, "regs", ktest_random() >> 4, 0), 0);
    user_run_to_trap(&a, &trap);
    KASSERT_EQ(trap.kind, HAL_TRAP_SYSCALL);
    hal_context_set_return(&a.ctx, 0);
    user_run_serve(&b);
    KEXPECT_EQ(b.outcome.status, 0);
    user_run_serve(&a);
    KEXPECT_TRUE(a.outcome.exited);
    KEXPECT_EQ(a.outcome.status, 0); /* else: the number of the register that changed (9: xmm0) */
    user_run_free(&a);
    user_run_free(&b);
}

KTEST(user_may_set_fs_and_gs_bases)
{
    uint32_t r[4];
    cpuid(7, 0, r);
    struct user_run run;
    uint64_t gs = 0x10000000 + (ktest_random() & 0xfffff0),
             fs = 0x20000000 + (ktest_random() & 0xfffff0);
    KASSERT_EQ(user_run_load(&run, "segs", gs, fs), 0);
    user_run_serve(&run);
    if (!(r[1] & 1)) {
        /* A CPU without the instructions: the program's first one is illegal, and the kernel
           survives it. */
        KEXPECT_EQ(run.outcome.trap.kind, HAL_TRAP_ILLEGAL);
        user_run_free(&run);
        return;
    }
    KEXPECT_TRUE(run.outcome.exited);
    KEXPECT_EQ(run.outcome.status, gs);
    KEXPECT_EQ(run.ctx.fsbase, fs);
    KEXPECT_EQ(run.ctx.gsbase, gs);
    user_run_free(&run);
}
