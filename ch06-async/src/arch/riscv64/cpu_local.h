/*: # riscv64: what the shared thread code needs of the hart

The scheduler (arch/metal/thread.c) must keep interrupts off across a switch of threads, which a
`hal_lock` alone cannot do: the lock gives back the interrupt state when it is released, and the
switch happens after. So it saves and restores the state (the `SIE` bit) itself, with these two.
`metal_cpu_relax` is the body of a spin loop: nothing to say to the hart there. `metal_cpu_sleep`,
called with interrupts off, waits for one with `wfi`, which wakes for an interrupt that is pending
and enabled in `sie` even while `SIE` is off: one that arrived before the `wfi` ends it at once. The
caller then turns interrupts on, and the handler runs. */
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
static inline void metal_cpu_sleep(void) { __asm__ volatile("wfi" ::: "memory"); }

/* Which hart this is, from 0, and how to wake another: Zinc runs on one hart here. */
static inline unsigned metal_cpu_id(void) { return 0; }
static inline void metal_cpu_kick(unsigned cpu) {}
static inline void metal_cpu_forget_user(void) {}

#endif
