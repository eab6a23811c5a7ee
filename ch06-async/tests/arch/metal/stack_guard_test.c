/*: # Tests of the kernel stacks' guard pages

An overflow cannot be tested without ending the run, so these tests check what makes it a clean
panic. The boot stack lies above an unmapped guard page, as in chapter 1. A thread's stack, taken
from the frame allocator since this chapter (arch/metal/thread.c), lies above a guard page that is
kept but mapped, and `metal_thread_guard` names the guard page of the stack that is running, on the
boot thread and on a thread of its own. */
#include "hal/hal.h"
#include "kernel/ktest.h"
#include "cpus.h"
#include "metal.h"

#define THREAD_STACK_SIZE (16 * 1024) /* arch/metal/thread.c */

static struct {
    int done, woke;
    uint64_t guard, local;
} seen;

static void report_stack(void *arg)
{
    int local = 0;
    seen.guard = metal_thread_guard();
    seen.local = (uint64_t)&local;
    __atomic_store_n(&seen.done, 1, __ATOMIC_SEQ_CST);
    hal_thread_wake(arg);
    __atomic_store_n(&seen.woke, 1, __ATOMIC_SEQ_CST);
}

KTEST(boot_stack_lies_above_an_unmapped_guard_page)
{
    int local = 0;
    uint64_t guard = (uint64_t)metal_boot_guard;
    KEXPECT_EQ(metal_thread_guard(), guard); /* the tests run on the boot thread */
    KEXPECT_TRUE(!metal_kernel_page_mapped(guard));
    KEXPECT_TRUE(metal_kernel_page_mapped(guard + PAGE_SIZE));
    KEXPECT_TRUE(metal_kernel_page_mapped(guard - PAGE_SIZE)); /* one page, no more */
    KEXPECT_LT(guard + PAGE_SIZE, (uint64_t)&local);
}

KTEST(thread_stack_lies_above_its_guard_page)
{
    seen.done = seen.woke = 0;
    KASSERT_EQ(hal_thread_spawn(report_stack, hal_thread_current()), 0);
    uint64_t give_up = hal_timer_now() + 5000000000ull;
    while (!__atomic_load_n(&seen.done, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        hal_thread_park(give_up);
    KASSERT_EQ(seen.done, 1);
    while (!__atomic_load_n(&seen.woke, __ATOMIC_SEQ_CST)) /* on another CPU, the wake may follow */
        hal_thread_yield();
    hal_thread_park(0); /* take the token, if this thread saw `done` before it parked */
    KEXPECT_NE(seen.guard, (uint64_t)metal_boot_guard);
    KEXPECT_EQ(seen.guard % PAGE_SIZE, 0);
    KEXPECT_LT(seen.guard + PAGE_SIZE, seen.local);
    KEXPECT_LT(seen.local, seen.guard + PAGE_SIZE + THREAD_STACK_SIZE);
    KEXPECT_EQ(metal_thread_guard(), (uint64_t)metal_boot_guard); /* back on the boot thread's */
}
