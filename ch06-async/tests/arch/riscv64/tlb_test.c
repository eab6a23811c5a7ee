/*: # Test: a page unmapped on one hart is gone on the other

A kernel thread runs `reread` on a hart of its own: it reads one mapped page in a loop that never
traps, so that the hart's TLB holds the translation and uses it on every read. The test's thread,
on the other hart, spins meanwhile (so that the reader keeps its hart), then unmaps the page. The
reader must fault on that page soon after: its hart was made to forget the translation (tlb.c).
Without the remote fence it would go on reading the page through the stale entry (QEMU's TLB, like
a real one, keeps it), and the test would give up after five seconds. It is skipped on one hart. */
#include "cpus.h"
#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"
#include "user_support.h"

#define SECOND 1000000000ull
#define READ_VA 0x20000000ul

static struct {
    struct user_run run;
    struct hal_trap trap;
    uint32_t running, stop, done;
} reader;

static void read_on_another_hart(void *unused)
{
    __atomic_store_n(&reader.running, 1, __ATOMIC_SEQ_CST);
    hal_pt_activate(reader.run.us.pt);
    do
        hal_context_run(&reader.run.ctx, &reader.trap);
    while (reader.trap.kind == HAL_TRAP_INTERRUPT &&
           !__atomic_load_n(&reader.stop, __ATOMIC_SEQ_CST));
    __atomic_store_n(&reader.done, 1, __ATOMIC_SEQ_CST);
}

static void spin_until(uint32_t *flag, uint64_t deadline)
{
    while (!__atomic_load_n(flag, __ATOMIC_SEQ_CST) && hal_timer_now() < deadline)
        ;
}

KTEST(riscv_unmap_reaches_the_tlb_of_another_hart)
{
    if (metal_cpu_count < 2) {
        kprintf("# skipped: this machine has one hart\n");
        return;
    }
    reader = (typeof(reader)){0};
    KASSERT_EQ(user_run_load(&reader.run, "reread", READ_VA, 0), 0);
    paddr_t page = frame_alloc();
    KASSERT_TRUE(page != 0);
    unsigned rights = HAL_MMU_READ | HAL_MMU_USER;
    KASSERT_EQ(hal_pt_map(reader.run.us.pt, READ_VA, page, PAGE_SIZE, rights), 0);
    KASSERT_EQ(hal_thread_spawn(read_on_another_hart, NULL), 0);
    spin_until(&reader.running, hal_timer_now() + 5 * SECOND);
    uint64_t reading = hal_timer_now() + SECOND / 10; /* long enough for many reads */
    while (hal_timer_now() < reading)
        ;
    KEXPECT_EQ(reader.done, 0);
    hal_pt_unmap(reader.run.us.pt, READ_VA, PAGE_SIZE);
    spin_until(&reader.done, hal_timer_now() + 5 * SECOND);
    __atomic_store_n(&reader.stop, 1, __ATOMIC_SEQ_CST); /* had it not faulted */
    spin_until(&reader.done, hal_timer_now() + 5 * SECOND);
    KASSERT_EQ(reader.done, 1);
    KEXPECT_EQ(reader.trap.kind, HAL_TRAP_PAGE_FAULT);
    KEXPECT_EQ(reader.trap.addr, READ_VA);
    frame_free(page);
    user_run_free(&reader.run);
}
