/*: # Where a Zircon program begins (riscv64)

A new thread starts at its entry with its two arguments in `a0` and `a1`. `_start` aligns the stack
to 16 bytes, as the calling convention wants, and calls `zinc_start` (start.c). */
    .text
    .globl _start
_start:
    andi sp, sp, -16
    li fp, 0                        /* the outermost frame: backtraces stop here */
    call zinc_start
    unimp
