/*: # hello: the first user program (x86_64)

No C library and no libc start-up: the kernel jumps to `_start` with a stack and nothing else. The
program speaks chapter 1's demo ABI (demo/demo.h): it prints a greeting, computes 1 + 2 + ... + 100
and prints the sum in decimal, which it converts itself on its stack, then exits with status 0. */
#define SYS_WRITE 1
#define SYS_EXIT 2

    .text
    .globl _start
_start:
    lea greeting(%rip), %rdi
    mov $greeting_len, %esi
    mov $SYS_WRITE, %eax
    syscall

    xor %eax, %eax                  /* sum = 0 */
    mov $100, %ecx
1:  add %rcx, %rax
    loop 1b

    /* the decimal digits, built backwards below the stack pointer */
    lea -1(%rsp), %rdi
    movb $'\n', (%rdi)
    mov $10, %ebx
2:  xor %edx, %edx
    div %rbx
    add $'0', %dl
    dec %rdi
    mov %dl, (%rdi)
    test %rax, %rax
    jnz 2b
    mov %rdi, %r12                  /* r12: the digits; the syscall instruction keeps it */

    lea sum_text(%rip), %rdi
    mov $sum_text_len, %esi
    mov $SYS_WRITE, %eax
    syscall
    mov %r12, %rdi
    mov %rsp, %rsi
    sub %r12, %rsi
    mov $SYS_WRITE, %eax
    syscall

    xor %edi, %edi
    mov $SYS_EXIT, %eax
    syscall
    ud2                             /* exit does not return */

    .section .rodata
greeting:
    .ascii "Hello from user mode!\n"
    .set greeting_len, . - greeting
sum_text:
    .ascii "1 + 2 + ... + 100 = "
    .set sum_text_len, . - sum_text
