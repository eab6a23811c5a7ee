/*: # x86_64: the trampoline of the other CPUs

A CPU other than the first starts the way every PC's CPU did in 1981: in 16-bit real mode, at the
address the start-up interrupt names, which must be a page below 1 MiB (smp.c). This code is copied
there, to physical page 0, and takes the CPU to the kernel in three jumps, each into a wider mode: a
GDT of its own with 32-bit and 64-bit code segments, protected mode; the kernel's page table, long
mode and paging; then the 64-bit code, which jumps to the kernel's higher half. It runs at an
address it was not linked at, so every address in it is written as an offset from its start, which
is its address once copied to page 0. The page table must map page 0 where it is, for the
instruction after paging is turned on: smp.c maps it for as long as the CPUs are starting.

All CPUs start at once, so they take a number each, with an atomic add on a counter in the
trampoline's data, and that number picks the stack each starts on and is the argument of
`x86_cpu_start`. The data (the page table, the counter, the stacks) are filled in by smp.c before
the start-up interrupt, at the offsets of the `x86_trampoline_*` symbols. */
#include "percpu.h"
#include "layout.h"

#define AT(label) ((label) - x86_trampoline)
#define CODE32 0x08
#define DATA 0x10
#define CODE64 0x18

    .text
    .globl x86_trampoline
    .code16
x86_trampoline:
    cli
    cld
    xor %ax, %ax
    mov %ax, %ds
    lgdtl AT(gdt_pointer)
    mov %cr0, %eax
    or $CR0_PE, %eax
    mov %eax, %cr0
    ljmpl $CODE32, $AT(protected_mode)

    .code32
protected_mode:
    mov $DATA, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov %cr4, %eax
    or $CR4_PAE, %eax
    mov %eax, %cr4
    mov AT(x86_trampoline_cr3), %eax
    mov %eax, %cr3
    mov $MSR_EFER, %ecx
    rdmsr
    or $(EFER_LME | EFER_NXE | EFER_SCE), %eax
    wrmsr
    mov %cr0, %eax
    or $(CR0_PG | CR0_WP), %eax
    mov %eax, %cr0
    ljmp $CODE64, $AT(long_mode)

    .code64
long_mode:
    mov $1, %edi
    lock xadd %edi, AT(x86_trampoline_next)
    cmp $X86_MAX_CPUS, %edi
    jae 1f
    mov AT(x86_trampoline_stacks)(, %rdi, 8), %rsp
    test %rsp, %rsp
    jz 1f
    xor %ebp, %ebp                   /* the end of every backtrace */
    movabs $x86_cpu_start, %rax
    jmp *%rax
1:  hlt                              /* a CPU the kernel has no room for */
    jmp 1b

    .balign 8
gdt:
    .quad 0
    .quad 0x00cf9a000000ffff         /* CODE32: 4 GiB, 32-bit code */
    .quad 0x00cf92000000ffff         /* DATA: 4 GiB, writable */
    .quad 0x00209a0000000000         /* CODE64: long mode */
gdt_pointer:
    .word gdt_pointer - gdt - 1
    .long AT(gdt)
    .globl x86_trampoline_cr3, x86_trampoline_next, x86_trampoline_stacks, x86_trampoline_end
x86_trampoline_cr3:
    .long 0
x86_trampoline_next:
    .long 1                          /* the boot CPU is 0 */
    .balign 8
x86_trampoline_stacks:
    .skip 8 * X86_MAX_CPUS
x86_trampoline_end:

    .section .note.GNU-stack, "", @progbits
