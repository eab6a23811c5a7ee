/*: # riscv64: what the shared thread code needs of the hart

The scheduler (arch/metal/thread.c) must keep interrupts off across a switch of threads, which a
`hal_lock` alone cannot do: the lock gives back the interrupt state when it is released, and the
switch happens after. So it saves and restores the state (the `SIE` bit) itself, with these two.
`metal_cpu_relax` is the body of a spin loop: nothing to say to the hart there. `metal_cpu_sleep`,
called with interrupts off, waits for one with `wfi`, which wakes for an interrupt that is pending
and enabled in `sie` even while `SIE` is off: one that arrived before the `wfi` ends it at once. It
then turns interrupts on for one instruction, so that the handler runs, and off again, as x86_64's
`sti; hlt; cli` does: the idle thread of a hart that was started with interrupts off (smp.c) never
has them on otherwise.

The hart's number is in `tp`, which the kernel keeps for it: boot.S sets 0 on the boot hart,
hart_entry.S the others', and the trap vector gives it back after a user program (trap.S).
`metal_cpu_kick` sends a hart the software interrupt (smp.c). A hart does not need to drop its
user page table as it switches threads: the one who frees a table asks the harts that hold it
(tlb.c). */
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
static inline void metal_cpu_sleep(void)
{
    __asm__ volatile("wfi; csrsi sstatus, %0; csrci sstatus, %0" ::"i"(SSTATUS_SIE) : "memory");
}

static inline unsigned metal_cpu_id(void)
{
    unsigned long id;
    __asm__ volatile("mv %0, tp" : "=r"(id));
    return (unsigned)id;
}

void metal_cpu_kick(unsigned cpu);
static inline void metal_cpu_forget_user(void) {}

#endif
