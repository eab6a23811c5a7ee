/*: # ud: an illegal instruction (riscv64)

`unimp` assembles to an instruction that is defined to be illegal. */
    .globl _start
_start:
    unimp
