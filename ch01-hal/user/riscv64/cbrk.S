/*: # cbrk: a compressed breakpoint (riscv64)

`c.ebreak` is the 2-byte form of `ebreak` (from the C extension); the HAL must step over 2 bytes,
not 4. */
    .globl _start
_start:
    c.ebreak
    li a0, 0
    li a7, 2                /* exit */
    ecall
