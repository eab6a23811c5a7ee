/*: # x86_64: keeping the TLB in step

The TLB caches translations, and the CPU does not notice when a page-table entry changes under
one. Loading `cr3` empties it (none of our pages is global); a new entry needs nothing, since the
CPU caches no translation of an absent page; but an entry that goes away or loses a right may
still be in the TLB, and must be flushed before its frame is used for anything else. mmu.c calls
`x86_tlb_flush` after it removed or narrowed the entries of a range, and `x86_tlb_forget` before
it frees a table.

With one CPU only its own TLB can hold a translation, and only of the table it has loaded:
`invlpg` drops one page, and a table about to be freed is replaced by the kernel's own if it is
the one in `cr3` (the CPU may walk the tables in `cr3` at any moment, even in kernel mode, to look
ahead). A kernel for several CPUs must also tell the others: chapter 6 replaces this file. */
#include "x86_64.h"

#define CR3_TABLE 0x000ffffffffff000ul
#define MAX_INVLPG 32 /* beyond this many pages, reloading cr3 is cheaper */

extern uint64_t boot_pml4[]; /* boot.S: the kernel's own table */

void x86_tlb_flush(paddr_t table, vaddr_t va, size_t len)
{
    if ((READ_CR(3) & CR3_TABLE) != table)
        return;
    if (len > MAX_INVLPG * PAGE_SIZE) {
        WRITE_CR(3, READ_CR(3));
        return;
    }
    for (size_t off = 0; off < len; off += PAGE_SIZE)
        __asm__ volatile("invlpg (%0)" ::"r"(va + off) : "memory");
}

void x86_tlb_forget(paddr_t table)
{
    if ((READ_CR(3) & CR3_TABLE) == table)
        WRITE_CR(3, (uint64_t)boot_pml4 - KERNEL_VMA);
}
