/*: # Tests of the TLB shootdown

Each test has a thread on another CPU load a page table and then wait, spinning, while the test
changes that table; then the thread looks at what its CPU still believes. The first maps a page,
lets the other CPU read it (its TLB now holds the translation), and maps the same address to
another frame: a CPU that was not told would read the old frame through its stale entry. (Only
the read after the change touches the page: in between, the page is not mapped at all.) The second
frees the table while the other CPU has it in `cr3`: that CPU must have loaded the kernel's own.
Both are skipped on one CPU, and say so. */
#include "arch/metal/thread_wait.h"
#include "cpus.h"
#include "hal/hal.h"
#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"
#include "x86_64.h"

#define SECOND 1000000000ull
#define VA 0x10000000ul
#define OLD 0x01d01d01d01d01d0ul
#define NEW 0x0e30e30e30e30e30ul

extern uint64_t boot_pml4[]; /* boot.S: the kernel's own table */

static struct {
    struct hal_pt *pt;
    int ready, go, done;
    bool touch;    /* read the page before and after */
    unsigned cpu;  /* where the thread ran */
    uint64_t seen; /* what it read after the change */
    uint64_t cr3;  /* and what its cr3 was then */
} other;

static void on_the_other_cpu(void *arg)
{
    hal_pt_activate(other.pt);
    other.cpu = metal_cpu_id();
    volatile uint64_t *page = (volatile uint64_t *)VA;
    if (other.touch)
        (void)*page;
    __atomic_store_n(&other.ready, 1, __ATOMIC_SEQ_CST);
    uint64_t give_up = hal_timer_now() + 5 * SECOND;
    while (!__atomic_load_n(&other.go, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        ;
    other.cr3 = READ_CR(3);
    if (other.touch)
        other.seen = *page;
    __atomic_store_n(&other.done, 1, __ATOMIC_SEQ_CST);
}

/* Start the thread and wait until it holds the table; false if it did not, or shares our CPU. */
static bool start_other(bool touch)
{
    other = (typeof(other)){.pt = other.pt, .touch = touch};
    if (hal_thread_spawn(on_the_other_cpu, NULL))
        return false;
    thread_wait_for(&other.ready, 1, 5 * SECOND);
    return other.ready && other.cpu != metal_cpu_id();
}

static paddr_t frame_of(uint64_t value)
{
    paddr_t f = frame_alloc();
    if (f)
        *(uint64_t *)hal_pmem_ptr(f) = value;
    return f;
}

KTEST(an_unmapped_page_is_forgotten_by_every_cpu)
{
    if (metal_cpu_count < 2) {
        kprintf("# skipped: this machine has one CPU\n");
        return;
    }
    size_t frames = frame_free_count();
    paddr_t old = frame_of(OLD), new = frame_of(NEW);
    other.pt = hal_pt_create();
    KASSERT_TRUE(old && new && other.pt);
    KASSERT_EQ(hal_pt_map(other.pt, VA, old, PAGE_SIZE, HAL_MMU_READ), 0);
    KASSERT_TRUE(start_other(true));
    KEXPECT_EQ(hal_pt_unmap(other.pt, VA, PAGE_SIZE), 0);
    KEXPECT_EQ(hal_pt_map(other.pt, VA, new, PAGE_SIZE, HAL_MMU_READ), 0);
    __atomic_store_n(&other.go, 1, __ATOMIC_SEQ_CST);
    thread_wait_for(&other.done, 1, 5 * SECOND);
    KASSERT_EQ(other.done, 1);
    KEXPECT_EQ(other.seen, NEW);
    hal_pt_destroy(other.pt);
    frame_free(old);
    frame_free(new);
    thread_wait_for_frames(frames);
    KEXPECT_EQ(frame_free_count(), frames);
}

KTEST(a_freed_page_table_is_left_by_every_cpu)
{
    if (metal_cpu_count < 2) {
        kprintf("# skipped: this machine has one CPU\n");
        return;
    }
    size_t frames = frame_free_count();
    other.pt = hal_pt_create();
    KASSERT_TRUE(other.pt != NULL);
    paddr_t table = (uint64_t)other.pt - DIRECT_MAP;
    KASSERT_TRUE(start_other(false));
    hal_pt_destroy(other.pt);
    __atomic_store_n(&other.go, 1, __ATOMIC_SEQ_CST);
    thread_wait_for(&other.done, 1, 5 * SECOND);
    KASSERT_EQ(other.done, 1);
    KEXPECT_NE(other.cr3 & ~0xffful, table);
    KEXPECT_EQ(other.cr3 & ~0xffful, (uint64_t)boot_pml4 - KERNEL_VMA);
    thread_wait_for_frames(frames);
    KEXPECT_EQ(frame_free_count(), frames);
}
