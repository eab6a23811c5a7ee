/*: # x86_64: what the shared thread code needs of the CPU

The scheduler (arch/metal/thread.c) must keep interrupts off across a switch of threads, which a
`hal_lock` alone cannot do: the lock gives back the interrupt state when it is released, and the
switch happens after. So it saves and restores the state itself, with these two. `metal_cpu_relax`
is the body of a spin loop, which answers the other CPUs' requests (relax.h). `metal_cpu_sleep`,
called with interrupts off, halts until an interrupt and lets it be served: `sti` takes effect only
after the instruction that follows it, so an interrupt that is already pending cannot slip in
between and be missed; it ends the `hlt` instead. The CPU's tick is stopped for the sleep (smp.c).
The CPU's number is in its area (percpu.h), and `metal_cpu_kick` sends it the interrupt that ends
such a sleep, or a user program's turn (smp.c).

`metal_cpu_forget_user`, called as a CPU switches threads, writes back the user state the CPU
still holds for a context (`hal_context_unload`, arch/x86_64/context.c): the thread switched away
from may resume on another CPU. It keeps the table of the last user thread it ran in `cr3`, though,
since a table is freed only once every CPU that holds it has loaded the kernel's own instead
(tlb.c), and the next user thread loads its own anyway (`hal_pt_activate`). Keeping it saves a
reload of `cr3`, and with it an empty TLB, at each switch. */
#ifndef ZINC_CPU_LOCAL_H
#define ZINC_CPU_LOCAL_H

#include "percpu.h"
#include "relax.h"
#include "x86_64.h"

/* The local APIC's periodic tick of this CPU (smp.c). */
void x86_tick_start(void);
void x86_tick_stop(void);

static inline uint64_t metal_irq_save(void) { return x86_irq_save(); }
static inline void metal_irq_restore(uint64_t flags) { x86_irq_restore(flags); }
static inline void metal_cpu_relax(void) { x86_relax(); }
static inline unsigned metal_cpu_id(void) { return x86_cpu_index(); }

static inline void metal_cpu_sleep(void)
{
    x86_tick_stop();
    __asm__ volatile("sti; hlt; cli" ::: "memory");
    x86_tick_start();
}

void metal_cpu_kick(unsigned cpu);

static inline void metal_cpu_forget_user(void) { hal_context_unload(); }

#endif
