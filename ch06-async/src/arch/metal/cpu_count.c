/*: # Bare metal: the CPUs, counted

Every CPU but the boot CPU is given an idle thread before it starts (`metal_cpu_prepare`), and the
architecture's smp.c stops the machine if one does not arrive, so the CPUs with an idle thread are
the ones that run, or are about to. Counting them rather than `metal_cpu_count`, which each CPU
raises as it enters the scheduler, does not depend on how far the last one has got. */
#include "cpus.h"
#include "hal/cpu_count.h"

unsigned hal_cpu_count(void)
{
    unsigned count = 1; /* the boot CPU */
    for (unsigned i = 1; i < METAL_MAX_CPUS; i++)
        count += metal_cpus[i].idle != NULL;
    return count;
}
