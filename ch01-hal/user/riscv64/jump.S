/*: # jump: execute somewhere else (riscv64)

Jumps to the address in its first argument: an instruction fetch from a page that may not allow
it. */
    .globl _start
_start:
    jr a0
