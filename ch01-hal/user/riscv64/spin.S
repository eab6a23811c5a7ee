/*: # spin: run until interrupted (riscv64)

A loop of one instruction that never traps: the only way back to the kernel is an interrupt. */
    .globl _start
_start:
    j _start
