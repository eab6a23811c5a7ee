/*: # x86_64: the CPU areas, through `%gs`

Chapter 1 had one CPU and one CPU area, a global variable that assembly reached relative to the
instruction pointer. With several CPUs each has its own area, and the code that reaches it is the
same on all of them; so the kernel keeps a pointer to its CPU's area in the base of the `%gs`
segment, and reaches the fields as `%gs:offset`: `THIS_CPU(CPU_CTX)` is `%gs:CPU_CTX`.

The user owns `%gs` too (its thread pointer, on Linux). `swapgs` exchanges the base in force with a
second one the CPU keeps, in the `KERNEL_GS_BASE` register: so the entry code swaps the kernel's in
as its first instruction (`kernel_gs_enter`), and the way out swaps the user's back as its last
(`kernel_gs_leave`). In between, in kernel mode, `%gs` is always the kernel's, and the user's base
waits in `KERNEL_GS_BASE`, which is where context.S saves and loads it (`MSR_USER_GS_BASE`). That
makes the area the cheapest per-CPU variable there is: `x86_cpu_index` reads the CPU's number from
it with one instruction. The areas sit in an array, each beside its CPU's number. */
#ifndef ZINC_X86_PERCPU_H
#define ZINC_X86_PERCPU_H

#include "cpu_area.h"
#include "layout.h"

#define X86_MAX_CPUS 8                  /* as many as arch/metal/cpus.h has room for */
#define MSR_KERNEL_GS_BASE 0xc0000102   /* the base swapgs exchanges with %gs's */
#define MSR_USER_GS_BASE MSR_KERNEL_GS_BASE

#ifdef __ASSEMBLER__
#define THIS_CPU(field) %gs:field
.macro kernel_gs_enter
    swapgs
.endm
.macro kernel_gs_leave
    swapgs
.endm
#else
struct x86_cpu_slot {
    struct x86_cpu area; /* first: %gs's base points to it, and to the slot */
    uint64_t index;      /* this CPU's number, from 0 (the boot CPU) */
};
extern struct x86_cpu_slot x86_cpus[X86_MAX_CPUS];
extern uint32_t x86_cpus_up; /* atomic: a bit for each CPU whose area is ready */

static inline unsigned x86_cpu_index(void)
{
    uint64_t index;
    __asm__ volatile("mov %%gs:%c1, %0" : "=r"(index) : "i"(offsetof(struct x86_cpu_slot, index)));
    return (unsigned)index;
}

static inline struct x86_cpu *x86_this_cpu(void)
{
    return &x86_cpus[x86_cpu_index()].area;
}

/* Ready the area of the running CPU, number index, whose TSS is tss (percpu.c). */
void x86_cpu_area_init(unsigned index, struct x86_tss *tss);
#endif

#endif
