/*: # echo: a line in, the same line out (x86_64)

Reads console input until a newline (at most 63 bytes) into a buffer on its stack, then writes
"echo: " and the line back. The test that runs it feeds the serial line, so it checks the whole
input path: the device, its interrupt, the console's ring buffer and the `read` call. */
#define SYS_WRITE 1
#define SYS_EXIT 2
#define SYS_READ 3

    .globl _start
_start:
    sub $64, %rsp
    mov %rsp, %r12                  /* r12: the buffer; r13: bytes in it */
    xor %r13, %r13
1:  lea (%r12,%r13), %rdi
    mov $1, %esi                    /* one byte at a time, so the newline is seen where it is */
    mov $SYS_READ, %eax
    syscall
    cmp $1, %rax
    jne done                        /* an error ends the line */
    cmpb $'\n', (%r12,%r13)
    je newline
    inc %r13
    cmp $63, %r13
    jb 1b
    jmp done
newline:
    inc %r13                        /* keep the newline */
done:
    lea prefix(%rip), %rdi
    mov $prefix_len, %esi
    mov $SYS_WRITE, %eax
    syscall
    mov %r12, %rdi
    mov %r13, %rsi
    mov $SYS_WRITE, %eax
    syscall
    xor %edi, %edi
    mov $SYS_EXIT, %eax
    syscall

    .section .rodata
prefix:
    .ascii "echo: "
    .set prefix_len, . - prefix
