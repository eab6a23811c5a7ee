/*: # x86_64: from multiboot to long mode

QEMU's `-kernel` option understands *multiboot* (version 1), the boot protocol of GRUB: it scans the
first 8 KiB of the file for the header below, loads the image where the header says, and jumps to
its entry with the CPU in 32-bit protected mode, paging off, `eax` holding the multiboot magic and
`ebx` the physical address of the *multiboot information*: the command line and the memory map.

Our image is a 64-bit ELF file, which QEMU's multiboot loader refuses to parse; so the header
carries the load addresses itself (flag bit 16, "the a.out kludge"): load the file's bytes from
`load_addr` to `load_end_addr`, clear up to `bss_end_addr`, enter at `entry_addr`. All of them are
physical addresses: each is a symbol's link address minus `KERNEL_VMA` (the linker script puts the
image at physical `KERNEL_PHYS`, and links it at `KERNEL_VMA + KERNEL_PHYS`).

The 32-bit code then climbs into long mode, the four steps every x86_64 kernel takes:

1. build a page table: long mode cannot run without paging. This first one maps the first GiB of
   physical memory twice with 2 MiB pages: at address 0 (*identity*, so the instruction after the
   switch is still mapped) and at `KERNEL_VMA` (where the kernel is linked). PML4 entries 0 and 511
   share one PDPT, whose entries 0 and 510 share one page directory.
2. enable PAE (`cr4`), the page-table format long mode uses, and load the table into `cr3`;
3. set `EFER.LME` (long mode enable), and with it `NXE` (so that pages can forbid execution) and
   `SCE` (so that `syscall` works), then turn on paging: the CPU is now in long mode, in 32-bit
   compatibility;
4. far-jump into a 64-bit code segment of a new GDT. */
#include "layout.h"

#define MB_MAGIC 0x1badb002
#define MB_BOOTED 0x2badb002 /* what the loader puts in eax */
#define MB_FLAGS ((1 << 1) | (1 << 16)) /* bit 1: give us the memory map; bit 16: addresses below */
#define PHYS(sym) ((sym) - KERNEL_VMA)

#define PTE_PW 0x3   /* present, writable */
#define PTE_PWS 0x83 /* present, writable, a 2 MiB page */

    .section .multiboot, "a"
    .balign 4
multiboot_header:
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)
    .long PHYS(multiboot_header) /* header_addr */
    .long PHYS(__kernel_start)   /* load_addr */
    .long PHYS(_edata)           /* load_end_addr */
    .long PHYS(_end)             /* bss_end_addr */
    .long PHYS(_start)           /* entry_addr */

    .text
    .code32
    .globl _start
_start:
    cli
    cmp $MB_BOOTED, %eax
    jne .                            /* not started by a multiboot loader: nothing sensible to do */
    mov $PHYS(boot_stack_top), %esp
    mov %ebx, %esi                   /* the multiboot information, for x86_boot */

    /* 1. boot_pml4[0] and boot_pml4[511] -> boot_pdpt; its entries 0 and 510 -> boot_pd; boot_pd
       maps the first GiB with 512 pages of 2 MiB. The tables are in .bss, which the loader has
       cleared. */
    mov $PHYS(boot_pdpt) + PTE_PW, %eax
    mov %eax, PHYS(boot_pml4)
    mov %eax, PHYS(boot_pml4) + 511 * 8
    mov $PHYS(boot_pd) + PTE_PW, %eax
    mov %eax, PHYS(boot_pdpt)
    mov %eax, PHYS(boot_pdpt) + 510 * 8
    xor %ecx, %ecx
1:  mov %ecx, %eax
    shl $21, %eax
    or $PTE_PWS, %eax
    mov %eax, PHYS(boot_pd)(, %ecx, 8)
    inc %ecx
    cmp $512, %ecx
    jne 1b

    /* 2. PAE paging, with the table above. */
    mov %cr4, %eax
    or $CR4_PAE, %eax
    mov %eax, %cr4
    mov $PHYS(boot_pml4), %eax
    mov %eax, %cr3

    /* 3. Long mode, no-execute pages and syscall in EFER; then paging on (and write protection
       honoured in kernel mode too). */
    mov $MSR_EFER, %ecx
    rdmsr
    or $(EFER_LME | EFER_NXE | EFER_SCE), %eax
    wrmsr
    mov %cr0, %eax
    or $(CR0_PG | CR0_WP | CR0_PE), %eax
    mov %eax, %cr0

    /* 4. A GDT with a 64-bit code segment, and a far jump into it. */
    lgdt PHYS(boot_gdt_pointer)
    ljmp $KERNEL_CS, $PHYS(long_mode)

    .code64
long_mode:
    mov $KERNEL_DS, %eax
    mov %eax, %ds
    mov %eax, %es
    mov %eax, %ss
    xor %eax, %eax
    mov %eax, %fs
    mov %eax, %gs
    /* Still running at the identity-mapped address: jump to the link address, in the higher
       half. */
    movabs $higher_half, %rax
    jmp *%rax
higher_half:
    mov $boot_stack_top, %rsp
    xor %ebp, %ebp                   /* the end of every backtrace */
    /* zero-extended: the upper halves are undefined after the switch */
    mov %esi, %edi
    call x86_boot
    ud2

/* The GDT of the switch: a 64-bit code segment and a data segment. gdt.c replaces it with the full
   one. */
    .section .rodata
    .balign 8
boot_gdt:
    .quad 0
    .quad 0x00209a0000000000         /* KERNEL_CS: present, code, long mode */
    .quad 0x0000920000000000         /* KERNEL_DS: present, data, writable */
boot_gdt_pointer:
    .word boot_gdt_pointer - boot_gdt - 1
    .long PHYS(boot_gdt)

    .bss
    .balign 4096
    .globl boot_pml4
boot_pml4:
    .skip 4096
    .globl boot_pdpt
boot_pdpt:
    .skip 4096
boot_pd:
    .skip 4096
    .globl metal_boot_guard
metal_boot_guard:
    .skip 4096                       /* the boot stack's guard page, unmapped (arch/metal) */
    .skip 65536                      /* the boot thread's stack: kmain and the tests run on it */
boot_stack_top:

    .section .note.GNU-stack, "", @progbits
