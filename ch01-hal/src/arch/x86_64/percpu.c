/*: # x86_64: the one CPU area

The area of the only CPU, and its start-up (boot.c calls it once the TSS exists): the area points
to the TSS, so that entering user mode knows where to write the stack for traps. */
#include "percpu.h"

struct x86_cpu x86_cpu;

void x86_cpu_area_init(unsigned index, struct x86_tss *tss)
{
    x86_cpu.tss = tss;
}
