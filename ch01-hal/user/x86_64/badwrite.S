/*: # badwrite: hand the kernel a bad pointer (x86_64)

Asks the kernel to write 16 bytes from the address in its first argument and exits with what the
kernel returned. A kernel must answer a bad pointer with an error, never by crashing. */
    .globl _start
_start:
    mov $16, %esi
    mov $1, %eax            /* write */
    syscall
    mov %rax, %rdi
    mov $2, %eax            /* exit */
    syscall
