/*: # LibOS: a program that never traps does not keep the CPU

Host threads take turns at running user code (arch/libos/turn.c). A program in an endless loop would
hold its turn for ever; a thread that waits is allowed to poke it, and `hal_thread_interrupt` pokes
on demand. */
#include "kernel/ktest.h"
#include "user_support.h"

static struct {
    struct user_run r;
    struct hal_thread *thread;
    int started, stop, interrupts, finished;
} spinner;

static void spin_until_stopped(void *arg)
{
    struct hal_trap trap;
    spinner.thread = hal_thread_current();
    hal_pt_activate(spinner.r.us.pt);
    __atomic_store_n(&spinner.started, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_load_n(&spinner.stop, __ATOMIC_SEQ_CST)) {
        hal_context_run(&spinner.r.ctx, &trap);
        if (trap.kind == HAL_TRAP_INTERRUPT)
            __atomic_fetch_add(&spinner.interrupts, 1, __ATOMIC_SEQ_CST);
    }
    __atomic_store_n(&spinner.finished, 1, __ATOMIC_SEQ_CST);
}

static void wait_for(int *flag)
{
    uint64_t give_up = hal_timer_now() + 10000000000ull;
    while (!__atomic_load_n(flag, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        hal_thread_yield();
}

KTEST(spinning_program_yields_its_turn)
{
    spinner.started = spinner.stop = spinner.interrupts = spinner.finished = 0;
    KASSERT_EQ(user_run_load(&spinner.r, "spin", 0, 0), 0);
    KASSERT_EQ(hal_thread_spawn(spin_until_stopped, NULL), 0);
    wait_for(&spinner.started);
    hal_thread_park(hal_timer_now() + 50000000); /* time enough for the spinner to be in its loop */

    /* This thread needs a turn while the spinner holds it. */
    struct user_run hello;
    KASSERT_EQ(user_run_load(&hello, "hello", 0, 0), 0);
    user_run_serve(&hello);
    KEXPECT_TRUE(hello.outcome.exited);
    KEXPECT_STREQ(hello.out, "Hello from user mode!\n1 + 2 + ... + 100 = 5050\n");
    /* hello could only run once the spinner was interrupted; the spinner counts that a moment
       later. */
    uint64_t give_up = hal_timer_now() + 5000000000ull;
    while (!__atomic_load_n(&spinner.interrupts, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        hal_thread_yield();
    KEXPECT_GE(spinner.interrupts, 1);
    user_run_free(&hello);

    /* Now stop it: a poke brings it back to its loop, which sees the flag. */
    __atomic_store_n(&spinner.stop, 1, __ATOMIC_SEQ_CST);
    hal_thread_interrupt(spinner.thread);
    wait_for(&spinner.finished);
    KEXPECT_EQ(spinner.finished, 1);
    user_run_free(&spinner.r);
}
