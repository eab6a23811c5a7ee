/*: # x86_64: the CPU areas

What the trap entry code needs to find at a moment when it owns no register: where the kernel's
stack was left, which context to save the user's registers into, and a place to park the user's
stack pointer. Chapter 1 had one CPU and one such area, a global variable reached relative to the
instruction pointer. With several CPUs each needs its own, and the code that reaches it is the same
on all of them; so the kernel keeps a pointer to its CPU's area in the base of the `%gs` segment,
and reaches the fields as `%gs:offset`. The user owns `%gs` too (its thread pointer, on Linux):
`swapgs` exchanges the base in force with a second one the CPU keeps (the `KERNEL_GS_BASE`
register), so the entry code swaps the kernel's in as its first instruction, and the way out swaps
the user's back as its last. In between, in kernel mode, `%gs` is always the kernel's, which makes
the area the cheapest per-CPU variable there is: `metal_cpu_id` (cpu_local.h) reads the CPU's number
from it with one instruction.

Each CPU also has its own TSS (gdt.c for the first, smp.c for the others), which the area points to:
entering user mode writes the stack for traps into it. The offsets are used from assembly and
checked against the structs. */
#ifndef ZINC_X86_CPU_AREA_H
#define ZINC_X86_CPU_AREA_H

#define CPU_KERNEL_RSP 0
#define CPU_CTX 8
#define CPU_USER_RSP 16
#define CPU_ERROR 24
#define CPU_FAULT_ADDR 32
#define CPU_TSS 40
#define CPU_INDEX 48

#define X86_MAX_CPUS 8 /* as many as arch/metal/cpus.h has room for */

#define TSS_RSP0 4

#define MSR_KERNEL_GS_BASE 0xc0000102 /* the base swapgs exchanges with %gs's */

/* What x86_enter_user returns after a system call: not a vector, as every vector is below 256. */
#define X86_VECTOR_SYSCALL 0x100

#ifndef __ASSEMBLER__
#include <stddef.h>

#include "hal/hal.h"

struct x86_cpu {
    uint64_t kernel_rsp;     /* hal_context_run's stack, below its saved registers */
    struct hal_context *ctx; /* the context running in user mode */
    uint64_t user_rsp;       /* the syscall entry's scratch */
    uint64_t error;          /* the last user trap's error code */
    uint64_t fault_addr;     /* and cr2, the address of a page fault */
    struct x86_tss *tss;     /* this CPU's task state segment */
    uint64_t index;          /* this CPU's number, from 0 (the boot CPU) */
};
extern struct x86_cpu x86_cpus[X86_MAX_CPUS];

struct x86_tss {
    uint32_t reserved0;
    uint64_t rsp[3]; /* the stack for a trap from privilege level 1..3 to level 0..2: rsp[0] is ours */
    uint64_t reserved1;
    uint64_t ist[7]; /* the interrupt stack table: stacks that chosen vectors always switch to */
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base; /* past the end: no I/O port is open to user mode */
} __attribute__((packed));
extern struct x86_tss x86_tss; /* the boot CPU's */

/* The running CPU's area. */
static inline struct x86_cpu *x86_this_cpu(void)
{
    uint64_t index;
    __asm__ volatile("mov %%gs:%c1, %0" : "=r"(index) : "i"(CPU_INDEX));
    return &x86_cpus[index];
}

/* Ready the running CPU, number index, whose TSS is tss, for user mode: its model-specific
   registers and its area in %gs (context.c). x86_context_init is this for the boot CPU. */
void x86_context_init_cpu(unsigned index, struct x86_tss *tss);

/* Start this CPU's slice: its local APIC interrupts it in 10 ms, ending a user program's turn or an
   idle CPU's sleep (smp.c); or stop it. */
void x86_cpu_slice(void);
void x86_cpu_slice_stop(void);

_Static_assert(offsetof(struct x86_cpu, kernel_rsp) == CPU_KERNEL_RSP, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, ctx) == CPU_CTX, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, user_rsp) == CPU_USER_RSP, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, error) == CPU_ERROR, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, fault_addr) == CPU_FAULT_ADDR, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, tss) == CPU_TSS, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, index) == CPU_INDEX, "cpu area layout");
_Static_assert(offsetof(struct x86_tss, rsp) == TSS_RSP0, "tss layout");
_Static_assert(sizeof(struct x86_tss) == 104, "tss layout");
#endif

#endif
