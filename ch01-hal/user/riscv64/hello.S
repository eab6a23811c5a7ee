/*: # hello: the first user program (riscv64)

No C library and no libc start-up: the kernel jumps to `_start` with a stack and nothing else. The
program speaks chapter 1's demo ABI (demo/demo.h): it prints a greeting, computes 1 + 2 + ... + 100
and prints the sum in decimal, which it converts itself on its stack, then exits with status 0.
System call number in `a7`, arguments in `a0`, `a1`. */
#define SYS_WRITE 1
#define SYS_EXIT 2

    /* The strings first, so that the assembler knows the lengths where `li` loads them. */
    .section .rodata
greeting:
    .ascii "Hello from user mode!\n"
    .set greeting_len, . - greeting
sum_text:
    .ascii "1 + 2 + ... + 100 = "
    .set sum_text_len, . - sum_text

    .text
    .globl _start
_start:
    la a0, greeting
    li a1, greeting_len
    li a7, SYS_WRITE
    ecall

    li t0, 0                        /* sum = 0 */
    li t1, 100
1:  add t0, t0, t1
    addi t1, t1, -1
    bnez t1, 1b

    /* s1: the decimal digits, built backwards below the stack pointer */
    addi s1, sp, -1
    li t1, '\n'
    sb t1, 0(s1)
    li t2, 10
2:  remu t1, t0, t2
    divu t0, t0, t2
    addi t1, t1, '0'
    addi s1, s1, -1
    sb t1, 0(s1)
    bnez t0, 2b

    la a0, sum_text
    li a1, sum_text_len
    li a7, SYS_WRITE
    ecall
    mv a0, s1
    sub a1, sp, s1
    li a7, SYS_WRITE
    ecall

    li a0, 0
    li a7, SYS_EXIT
    ecall
    unimp                           /* exit does not return */
