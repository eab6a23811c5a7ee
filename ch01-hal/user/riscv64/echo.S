/*: # echo: a line in, the same line out (riscv64)

Reads console input until a newline (at most 63 bytes) into a buffer on its stack, then writes
"echo: " and the line back. The test that runs it feeds the serial line, so it checks the whole
input path: the UART, the PLIC interrupt, the console's ring buffer and the `read` call. */
#define SYS_WRITE 1
#define SYS_EXIT 2
#define SYS_READ 3

    .section .rodata
prefix:
    .ascii "echo: "
    .set prefix_len, . - prefix

    .text
    .globl _start
_start:
    addi sp, sp, -64
    mv s1, sp                       /* s1: the buffer; s2: bytes in it */
    li s2, 0
    li s3, '\n'
    li s4, 63
1:  add a0, s1, s2
    li a1, 1                        /* one byte at a time, so the newline is seen where it is */
    li a7, SYS_READ
    ecall
    li t0, 1
    bne a0, t0, done                /* an error ends the line */
    add t1, s1, s2
    lbu t1, 0(t1)
    addi s2, s2, 1
    beq t1, s3, done                /* keep the newline */
    bltu s2, s4, 1b
done:
    la a0, prefix
    li a1, prefix_len
    li a7, SYS_WRITE
    ecall
    mv a0, s1
    mv a1, s2
    li a7, SYS_WRITE
    ecall
    li a0, 0
    li a7, SYS_EXIT
    ecall
