/*: # brk: a breakpoint (x86_64) */
    .globl _start
_start:
    int3
    xor %edi, %edi
    mov $2, %eax            /* exit */
    syscall
