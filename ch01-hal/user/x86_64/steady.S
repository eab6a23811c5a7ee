/*: # steady: does my memory stay mine? (x86_64)

Reads the word at its first argument, then makes as many null system calls as its second argument
says, checking after each one that the word is unchanged. Every system call gives the CPU back to
the kernel, which may run another address space in between. Exits with the word, or with 1 if it
ever changed. */
    .globl _start
_start:
    mov %rdi, %r12
    mov %rsi, %r13
    mov (%r12), %r14
1:  xor %eax, %eax          /* null */
    syscall
    cmp (%r12), %r14
    jne changed
    dec %r13
    jnz 1b
    mov %r14, %rdi
    jmp out
changed:
    mov $1, %edi
out:
    mov $2, %eax            /* exit */
    syscall
