/*: # x86_64: how the code finds its CPU area

The entry code of traps and system calls reaches the CPU area (cpu_area.h) at a moment when it owns
no register, and C code reads there what a trap saved. *How* it finds the area is this file's only
business, so that a kernel for several CPUs changes how by replacing this file and percpu.c alone
(chapter 6 does: each CPU has an area, found through the `%gs` segment).

With one CPU the area is one global variable, `x86_cpu`, and assembly reaches its fields relative
to the instruction pointer, which needs no register: `THIS_CPU(CPU_CTX)` is `x86_cpu +
CPU_CTX(%rip)`. Both segment bases, `%fs` and `%gs`, belong to the user (they are its thread
pointers), and the kernel uses neither: the user's `%gs` base stays in `MSR_GS_BASE` while the
kernel runs (`MSR_USER_GS_BASE`), and the two macros that mark where the entry code takes over
from the user (`kernel_gs_enter`) and hands back to it (`kernel_gs_leave`) have nothing to do.

Files include it by its path from `src/` (`"arch/x86_64/percpu.h"`), not by its bare name: a bare
name is looked up first beside the including file, which would always find this one, while a path
is looked up in the chapters' directories, latest first, and finds the replacement. */
#ifndef ZINC_X86_PERCPU_H
#define ZINC_X86_PERCPU_H

#include "cpu_area.h"
#include "layout.h"

#define MSR_USER_GS_BASE MSR_GS_BASE /* where context.S finds the user's %gs base */

#ifdef __ASSEMBLER__
#define THIS_CPU(field) x86_cpu + field(%rip)
.macro kernel_gs_enter
.endm
.macro kernel_gs_leave
.endm
#else
extern struct x86_cpu x86_cpu;

static inline struct x86_cpu *x86_this_cpu(void)
{
    return &x86_cpu;
}

/* Ready the area of the running CPU, number index (here always 0), whose TSS is tss. */
void x86_cpu_area_init(unsigned index, struct x86_tss *tss);
#endif

#endif
