/*: # riscv64: the first instructions

OpenSBI starts the kernel in supervisor mode at physical `0x80200000`, with the MMU off, interrupts
off, the hart's number in `a0` and the physical address of the device tree in `a1`. Before any C
runs, this code turns on Sv39 paging with the *boot page table*, whose entries are the ones every
address space will share (riscv.h):

- entries 256..511 of the root table map physical gigabyte `i - 256` at
  `PHYS_OFFSET + (i - 256) GiB`, each as one 1 GiB *gigapage*: a leaf entry right in the root table.
  This is the direct map: 256 GiB of physical address space for 256 entries and no other table. Its
  pages are global (`G`: present in every address space), readable, writable, executable, and not
  for the user (no `U`).
- one more entry maps the gigabyte this code runs in at its own physical address, the *identity*
  map, so that the instruction after the one that turns paging on can still be fetched. It goes as
  soon as the code runs in the higher half.

An Sv39 page-table entry (PTE), 64 bits:

| bits   | field | meaning                                                              |
|--------|-------|----------------------------------------------------------------------|
| 0      | V     | valid                                                                |
| 1,2,3  | R W X | readable, writable, executable; all three 0 means "next level table" |
| 4      | U     | user mode may use it (and supervisor mode may not, unless `SUM`)     |
| 5      | G     | global: the same in every address space                              |
| 6, 7   | A D   | accessed, dirty                                                      |
| 8, 9   | RSW   | free for the kernel's own use                                        |
| 10..53 | PPN   | physical page number: the physical address shifted right by 12      |

`satp` then gets the mode (8 = Sv39) and the root table's physical page number. The jump into the
higher half adds `PHYS_OFFSET` to a pc-relative address. Then the code zeroes `.bss`, takes the boot
stack, and calls `riscv_boot` (boot.c) with `a0` and `a1` as OpenSBI left them. The thread pointer
`tp`, which the kernel keeps for the hart's number among the harts it runs, is 0: the boot hart is
the first (chapter 6 starts the others).

**One hart boots.** Only the first hart to arrive here may do all this: a second one would build the
boot page table again over the one the kernel uses, and zero `.bss` under the running kernel, its
boot stack included. So the first instruction is a lottery, as in Linux's head.S: an atomic add to
`boot_lottery`, and the hart that finds 0 there boots. Every later hart is *late*: it takes the
door the kernel left in `riscv_late_hart` (a physical address, and the word to pass in `a1`), or
waits forever if there is none. Chapter 6 starts every other hart here, through that door, and not
only by choice: Debian's OpenSBI 1.1 marks a hart as starting before it writes where the hart is to
start, so a hart that wakes in between is sent to the address OpenSBI gave at boot, this one, with
the device tree in `a1` instead of the kernel's word. With one door, that race changes nothing. */
#include "csr.h"
#include "riscv.h"

#define PTE_KERNEL 0xcf /* V R W X A D */
#define PTE_GLOBAL 0x20
#define GIB_SHIFT 30
#define BOOT_STACK_SIZE (64 * 1024)
#define PAGE_SIZE 4096

    .section .text.boot, "ax"
    .globl _start
_start:
    csrw sie, zero
    lla t0, boot_lottery
    li t1, 1
    amoadd.w t1, t1, (t0)
    bnez t1, late
    csrw satp, zero

    /* The direct map: root entries 256..511, physical gigabytes 0..255. */
    lla t0, boot_pt
    li t1, 256
    li t2, 0                        /* the physical address of the gigapage */
    li t3, 512
    li t4, PTE_KERNEL | PTE_GLOBAL
    li t5, 1 << GIB_SHIFT
1:  srli t6, t2, 2                  /* (pa >> 12) << 10: the PPN field */
    or t6, t6, t4
    slli a2, t1, 3
    add a2, a2, t0
    sd t6, 0(a2)
    add t2, t2, t5
    addi t1, t1, 1
    bltu t1, t3, 1b

    /* The identity entry for the gigabyte we run in; s1 keeps its address, to remove it later. */
    auipc t1, 0
    srli t1, t1, GIB_SHIFT
    slli s1, t1, 3
    add s1, s1, t0
    slli t1, t1, GIB_SHIFT
    srli t1, t1, 2
    ori t1, t1, PTE_KERNEL
    sd t1, 0(s1)

    /* Paging on. */
    srli t1, t0, 12
    li t2, SATP_SV39
    or t1, t1, t2
    sfence.vma
    csrw satp, t1
    sfence.vma

    /* Into the higher half: the same code, PHYS_OFFSET higher. */
    li t1, PHYS_OFFSET
    lla t2, 2f
    add t2, t2, t1
    add s1, s1, t1
    jr t2
2:  sd zero, 0(s1)                  /* the identity entry is no longer needed */
    sfence.vma

    lla t0, bss_start
    lla t1, bss_end
3:  bgeu t0, t1, 4f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 3b

4:  lla sp, metal_boot_guard + PAGE_SIZE + BOOT_STACK_SIZE
    li s0, 0                        /* the end of every backtrace */
    li ra, 0
    li tp, 0                        /* the boot hart's number */
    lla t0, riscv_kernel_vector
    csrw stvec, t0
    call riscv_boot
5:  wfi                             /* riscv_boot does not return */
    j 5b

    /* A late hart, still at physical addresses with paging off: the door, or a wait. */
late:
    lla t0, riscv_late_hart
6:  ld t1, 0(t0)
    beqz t1, 7f
    fence r, r                      /* read the word after the door that was opened after it */
    ld a1, 8(t0)
    jr t1
7:  wfi
    j 6b

    .section .data
    .balign 8
boot_lottery:                       /* in .data, which is not zeroed: it must stay drawn */
    .word 0
    .balign 8
    .globl riscv_late_hart
riscv_late_hart:
    .dword 0, 0                     /* the entry's physical address, the word for a1 */

    .balign 4096
    .globl boot_pt
boot_pt:
    .zero 4096

    .section .bss
    .balign PAGE_SIZE
    .globl metal_boot_guard
metal_boot_guard:
    .zero PAGE_SIZE                 /* the boot stack's guard page, unmapped at boot (arch/metal) */
    .zero BOOT_STACK_SIZE
