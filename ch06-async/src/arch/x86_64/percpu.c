/*: # x86_64: one CPU area for each CPU

Each CPU readies its own area as it starts (boot.c for the first, smp.c for the others): its
number, its TSS, and the area's address in `MSR_GS_BASE`, the base of `%gs` in kernel mode. It then
counts itself among the CPUs that are up, which the TLB shootdown asks (tlb.c). */
#include "percpu.h"
#include "x86_64.h"

struct x86_cpu_slot x86_cpus[X86_MAX_CPUS];
uint32_t x86_cpus_up;

void x86_cpu_area_init(unsigned index, struct x86_tss *tss)
{
    x86_cpus[index].index = index;
    x86_cpus[index].area.tss = tss;
    wrmsr(MSR_GS_BASE, (uint64_t)&x86_cpus[index]);
    __atomic_fetch_or(&x86_cpus_up, 1u << index, __ATOMIC_SEQ_CST);
}
