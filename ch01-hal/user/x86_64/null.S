/*: # null: a loop of null system calls, for the benchmark (x86_64)

Makes as many null system calls as its first argument says, then exits. */
    .globl _start
_start:
    mov %rdi, %r12
1:  xor %eax, %eax          /* null */
    syscall
    dec %r12
    jnz 1b
    xor %edi, %edi
    mov $2, %eax            /* exit */
    syscall
