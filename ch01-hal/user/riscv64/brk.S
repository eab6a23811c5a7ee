/*: # brk: a breakpoint (riscv64)

The hardware leaves the pc at the `ebreak`; the HAL moves it past, so that the program can be
resumed (arch/riscv64/context.c). */
    .globl _start
_start:
    ebreak
    li a0, 0
    li a7, 2                /* exit */
    ecall
