/*: # reread: read a word for ever (riscv64)

Reads the 8 bytes at the address in its first argument again and again, without a trap, until the
read faults. The test of TLB shootdown (tests/arch/riscv64/tlb_test.c) runs it on one hart and
takes the page away from another. */
    .globl _start
_start:
    ld t0, 0(a0)
    j _start
