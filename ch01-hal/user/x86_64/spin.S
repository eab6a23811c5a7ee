/*: # spin: run until interrupted (x86_64)

A loop of one instruction that never traps: the only way back to the kernel is an interrupt. */
    .globl _start
_start:
    jmp _start
