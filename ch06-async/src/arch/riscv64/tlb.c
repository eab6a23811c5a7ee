/*: # riscv64: the TLBs of every hart

With several harts, a page table may be loaded on more than one at once (two threads of a process,
on two harts), and each hart's TLB holds what it has used of it. Changing an entry, or freeing the
table, must reach all of them. This file keeps, for each hart, which table it has loaded, in two
words: `next`, written before `satp` changes, and `root`, written after the `sfence.vma` that
follows. A hart *may hold* table T when either says T. Between the two words the hart is switching:
it may still walk the old table and already walk the new one.

**A change to the table** (`riscv_tlb_flush`, after the entries are written). The local TLB forgets
the range with `sfence.vma`, if this hart holds the table; every other hart that may hold it is
asked to do the same through the SBI's *remote fence* (`remote_sfence_vma`, smp.c), which OpenSBI
carries out in machine mode, interrupting the other harts whatever they are doing, and returns when
they are done. A hart that starts to load the table after the entries changed loads them new. That
is why the words are read after the entries are written, with a full fence between, and why `next`
is written before `satp`: either the writer sees the hart's `next`, or the hart's `sfence.vma`
comes after the change (the same reasoning as a lock's: two stores, two loads, each side fenced).

**Freeing the table** (`riscv_tlb_forget`). A hart that ran the last thread of a process keeps its
table loaded while it goes on with other kernel work (the kernel reaches user memory through the
direct map, and never needs `satp` to change); once the table is freed its pages are reused, and a
hart that walked them would read anything. So before the table is freed, every hart that may hold
it is told to load the boot table instead: a flag, and a software interrupt (irq.c), whose handler
here lets go of whatever user table the hart has. The caller waits for the hart's `root` and `next`
to change. A hart that waits may itself be told the same by another, with its interrupts off: it
answers in its waiting loop. A table is freed only when no thread of its process can run any
more, so nothing loads it again meanwhile. (The wait needs the other hart to take an interrupt:
`hal_pt_destroy` is called, as it is, with no lock held, never from a path where another hart
could spin, interrupts off, for a lock the caller holds.) */
#include "harts.h"

#define FLUSH_ALL_PAGES 64

static struct {
    paddr_t next, root; /* atomic: the table this hart is loading, and has loaded */
    uint32_t let_go;    /* atomic: asked to load the boot table */
} tlbs[METAL_MAX_CPUS];

static bool may_hold(unsigned hart, paddr_t root)
{
    return __atomic_load_n(&tlbs[hart].next, __ATOMIC_SEQ_CST) == root ||
           __atomic_load_n(&tlbs[hart].root, __ATOMIC_SEQ_CST) == root;
}

/* With interrupts off. */
static void load(unsigned self, paddr_t root)
{
    __atomic_store_n(&tlbs[self].next, root, __ATOMIC_SEQ_CST);
    csr_write(satp, SATP_SV39 | root >> PAGE_SHIFT);
    __asm__ volatile("sfence.vma" ::: "memory");
    __atomic_store_n(&tlbs[self].root, root, __ATOMIC_SEQ_CST);
}

void riscv_tlb_load(paddr_t root)
{
    uint64_t on = metal_irq_save();
    unsigned self = metal_cpu_id();
    if (tlbs[self].root != root)
        load(self, root);
    metal_irq_restore(on);
}

void riscv_tlb_flush(paddr_t root, vaddr_t va, size_t len)
{
    __atomic_thread_fence(__ATOMIC_SEQ_CST); /* the entries are written before the words are read */
    unsigned self = metal_cpu_id();
    uint64_t others = 0;
    for (unsigned hart = 0; hart < METAL_MAX_CPUS; hart++)
        if (hart != self && may_hold(hart, root))
            others |= 1ul << hart;
    if (may_hold(self, root)) {
        if (len > FLUSH_ALL_PAGES * PAGE_SIZE)
            __asm__ volatile("sfence.vma" ::: "memory");
        else
            for (vaddr_t page = va; page < va + len; page += PAGE_SIZE)
                __asm__ volatile("sfence.vma %0, zero" ::"r"(page) : "memory");
    }
    if (others)
        riscv_remote_flush(others, va, len);
}

void riscv_tlb_answer(void)
{
    uint64_t on = metal_irq_save();
    unsigned self = metal_cpu_id();
    paddr_t kernel = virt_to_phys(&boot_pt);
    if (__atomic_exchange_n(&tlbs[self].let_go, 0, __ATOMIC_SEQ_CST) && tlbs[self].root != kernel)
        load(self, kernel);
    metal_irq_restore(on);
}

void riscv_tlb_forget(paddr_t root)
{
    unsigned self = metal_cpu_id();
    uint64_t on = metal_irq_save();
    if (tlbs[self].root == root)
        load(self, virt_to_phys(&boot_pt));
    metal_irq_restore(on);
    for (unsigned hart = 0; hart < METAL_MAX_CPUS; hart++) {
        if (hart == self || !may_hold(hart, root))
            continue;
        __atomic_store_n(&tlbs[hart].let_go, 1, __ATOMIC_SEQ_CST);
        metal_cpu_kick(hart);
        while (may_hold(hart, root)) {
            riscv_tlb_answer();
            metal_cpu_relax();
        }
    }
}
