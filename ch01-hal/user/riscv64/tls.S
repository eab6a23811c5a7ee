/*: # tls: read through the thread pointer (riscv64)

Exits with the 8 bytes at the start of its thread-local storage: the thread pointer is `tp`. */
    .globl _start
_start:
    ld a0, 0(tp)
    li a7, 2                /* exit */
    ecall
