/*: # Where a Zircon program begins (x86_64)

A new thread starts at its entry with its two arguments in `rdi` and `rsi` and its stack pointer
where the starter put it. `_start` only makes the stack as the C convention wants it (16-byte
aligned before a call) and calls `zinc_start` (start.c). */
    .text
    .globl _start
_start:
    and $-16, %rsp
    xor %ebp, %ebp                  /* the outermost frame: backtraces stop here */
    call zinc_start
    ud2
    .section .note.GNU-stack, "", @progbits
