/*: # riscv64: where another hart starts

A hart comes here from the kernel's first instruction (boot.S), which the SBI started it at in
supervisor mode, still at *physical* addresses, with paging off, interrupts off, its hart id in `a0`
and its number among the kernel's harts in `a1`. The kernel runs in the higher half, which only the
boot page table maps, and that table no longer maps the kernel at its physical address (boot.S took
the identity entry away once the boot hart was through). So the hart cannot simply turn paging on
and go on with the next instruction, whose physical address would not translate. It uses that fault
instead: `stvec` first gets the *virtual* address of the code that follows, then `satp` gets the
boot table; the next instruction fetch, at a physical address, faults with paging on, and the trap
lands at `stvec`, in the higher half (Linux starts its harts the same way). There the hart takes the
kernel's trap vector, its number in `tp`, the stack of the idle thread prepared for it, and calls
`riscv_hart_start` (smp.c). */
#include "csr.h"
#include "riscv.h"

    .text
    .balign 4
    .globl riscv_hart_entry
    .type riscv_hart_entry, @function
riscv_hart_entry:
    csrw sie, zero
    lla t0, 1f                      /* pc-relative: the physical address of 1f */
    li t1, PHYS_OFFSET
    add t0, t0, t1
    csrw stvec, t0
    lla t0, boot_pt
    srli t0, t0, 12
    li t1, SATP_SV39
    or t0, t0, t1
    sfence.vma
    csrw satp, t0                   /* the next fetch faults, into 1f in the higher half */
    .balign 4
1:  lla t0, riscv_kernel_vector
    csrw stvec, t0
    sfence.vma
    mv tp, a1
    slli t0, a1, 3
    lla t1, riscv_hart_stack
    add t1, t1, t0
    ld sp, 0(t1)
    li s0, 0                        /* the end of every backtrace */
    li ra, 0
    mv a0, a1
    call riscv_hart_start
2:  wfi                             /* riscv_hart_start does not return */
    j 2b
    .size riscv_hart_entry, . - riscv_hart_entry
