/*: # x86_64: waiting in a spin loop, and answering

A CPU that waits with interrupts off, for a lock (lock.c) or for another CPU (arch/metal/thread.c,
tlb.c), cannot take the interrupt by which another CPU asks it to flush its TLB (tlb.c). Were the
asker holding that lock, or waiting for this CPU's answer while this CPU waits for its, neither
would ever go on. So each turn of a spin loop also answers such a request, if one is pending:
`x86_tlb_answer` costs one load when none is. */
#ifndef ZINC_X86_RELAX_H
#define ZINC_X86_RELAX_H

void x86_tlb_answer(void);

static inline void x86_relax(void)
{
    x86_tlb_answer();
    __asm__ volatile("pause" ::: "memory");
}

#endif
