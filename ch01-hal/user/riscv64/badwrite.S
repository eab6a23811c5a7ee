/*: # badwrite: hand the kernel a bad pointer (riscv64)

Asks the kernel to write 16 bytes from the address in its first argument and exits with what the
kernel returned. A kernel must answer a bad pointer with an error, never by crashing. */
    .globl _start
_start:
    li a1, 16
    li a7, 1                /* write */
    ecall
    li a7, 2                /* exit */
    ecall
