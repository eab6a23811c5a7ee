/*: # riscv64: what the shared thread code needs of the hart

The scheduler (arch/metal/thread.c) must keep interrupts off across a switch of threads, which a
`hal_lock` alone cannot do: the lock gives back the interrupt state when it is released, and the
switch happens after. So it saves and restores the state (the `SIE` bit) itself, with these two.
`metal_cpu_relax` is the body of a spin loop: nothing to say to the hart there. */
#ifndef ZINC_CPU_LOCAL_H
#define ZINC_CPU_LOCAL_H

#include "csr.h"
#include "riscv.h"

static inline uint64_t metal_irq_save(void)
{
    return csr_read_clear(sstatus, SSTATUS_SIE) & SSTATUS_SIE;
}
static inline void metal_irq_restore(uint64_t on) { if (on) csr_set(sstatus, SSTATUS_SIE); }
static inline void metal_cpu_relax(void) { __asm__ volatile("" ::: "memory"); }

/* Which CPU this is, from 0: there is one until the others are brought up. */
static inline unsigned metal_cpu_id(void) { return 0; }

#endif
