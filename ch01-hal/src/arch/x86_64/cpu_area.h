/*: # x86_64: the CPU area

What the trap entry code needs to find at a moment when it owns no register: where the kernel's
stack was left, which context to save the user's registers into, a place to park the user's stack
pointer, and the CPU's TSS. How the code finds the area is percpu.h's business, kept apart so that a
kernel with more CPUs changes only that (chapter 6 does).

The TSS (gdt.c) is the other half of the story: the CPU itself reads the stack for traps from user
mode out of it, at offset `TSS_RSP0`. The offsets are used from assembly and checked against the
structs. */
#ifndef ZINC_X86_CPU_AREA_H
#define ZINC_X86_CPU_AREA_H

#define CPU_KERNEL_RSP 0
#define CPU_CTX 8
#define CPU_USER_RSP 16
#define CPU_ERROR 24
#define CPU_FAULT_ADDR 32
#define CPU_TSS 40

#define TSS_RSP0 4

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
    /* the context whose vector state and segment bases are in the registers (context.c) */
    struct hal_context *loaded;
};

struct x86_tss {
    uint32_t reserved0;
    uint64_t rsp[3]; /* the stack of a trap from level 1..3 to level 0..2: rsp[0] is ours */
    uint64_t reserved1;
    uint64_t ist[7]; /* the interrupt stack table: stacks that chosen vectors always switch to */
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base; /* past the end: no I/O port is open to user mode */
} __attribute__((packed));
extern struct x86_tss x86_tss; /* the boot CPU's (gdt.c) */

/* Fill gdt with the kernel's segments and a descriptor of tss, and load both (gdt.c). */
#define X86_GDT_ENTRIES 8
void x86_gdt_load(uint64_t gdt[X86_GDT_ENTRIES], struct x86_tss *tss);

_Static_assert(offsetof(struct x86_cpu, kernel_rsp) == CPU_KERNEL_RSP, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, ctx) == CPU_CTX, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, user_rsp) == CPU_USER_RSP, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, error) == CPU_ERROR, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, fault_addr) == CPU_FAULT_ADDR, "cpu area layout");
_Static_assert(offsetof(struct x86_cpu, tss) == CPU_TSS, "cpu area layout");
_Static_assert(offsetof(struct x86_tss, rsp) == TSS_RSP0, "tss layout");
_Static_assert(sizeof(struct x86_tss) == 104, "tss layout");
#endif

#endif
