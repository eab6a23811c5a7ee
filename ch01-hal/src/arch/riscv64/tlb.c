/*: # riscv64: the TLB of one hart

A hart keeps the translations it has used in its TLB, and does not notice when the table in memory
changes: `sfence.vma` makes it forget them, all of them or those of one page. Zinc gives every
address space the same address-space identifier (none), so a hart that loads another table in
`satp` must forget everything it holds. With one hart, only the table in `satp` can be cached:

- `riscv_tlb_load` switches tables, if the one asked for is not already loaded;
- `riscv_tlb_flush`, after entries of a table changed, forgets their pages if the table is loaded
  (page by page; past 64 pages, a full flush costs less than the loop);
- `riscv_tlb_forget`, before a table is freed, loads the boot table instead if it is the loaded
  one, so that the hart never walks a freed page.

Chapter 6 brings up every hart, where another hart may hold a table too; it replaces this file, and
`riscv_tlb_answer` there does what another hart asks (irq.c). */
#include "riscv.h"

#define FLUSH_ALL_PAGES 64

static bool loaded(paddr_t root)
{
    return (csr_read(satp) & SATP_PPN) == root >> PAGE_SHIFT;
}

void riscv_tlb_load(paddr_t root)
{
    if (loaded(root))
        return;
    csr_write(satp, SATP_SV39 | root >> PAGE_SHIFT);
    __asm__ volatile("sfence.vma" ::: "memory");
}

void riscv_tlb_flush(paddr_t root, vaddr_t va, size_t len)
{
    if (!loaded(root))
        return;
    if (len > FLUSH_ALL_PAGES * PAGE_SIZE) {
        __asm__ volatile("sfence.vma" ::: "memory");
        return;
    }
    for (vaddr_t page = va; page < va + len; page += PAGE_SIZE)
        __asm__ volatile("sfence.vma %0, zero" ::"r"(page) : "memory");
}

void riscv_tlb_forget(paddr_t root)
{
    if (loaded(root))
        riscv_tlb_load(virt_to_phys(&boot_pt));
}

void riscv_tlb_answer(void)
{
    /* One hart: no other hart asks it anything. */
}
