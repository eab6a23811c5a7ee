/*: # regs: a system call keeps the program's registers (x86_64)

Fills every register the syscall convention promises to keep with a value derived from its first
argument, makes a null system call, and checks them all afterwards, the vector register `xmm0`
included. Exits with 0 if everything survived, or with the number of the first register that did
not. */
    .globl _start
_start:
    mov %rdi, %rbx
    lea 1(%rdi), %rbp
    lea 2(%rdi), %r12
    lea 3(%rdi), %r13
    lea 4(%rdi), %r14
    lea 5(%rdi), %r15
    lea 6(%rdi), %r8
    lea 7(%rdi), %r9
    movq %rdi, %xmm0
    mov %rdi, %rsi
    xor %eax, %eax          /* null */
    syscall
    mov $1, %edi
    cmp %rsi, %rbx ; jne fail
    inc %edi ; lea 1(%rsi), %rax ; cmp %rax, %rbp ; jne fail
    inc %edi ; lea 2(%rsi), %rax ; cmp %rax, %r12 ; jne fail
    inc %edi ; lea 3(%rsi), %rax ; cmp %rax, %r13 ; jne fail
    inc %edi ; lea 4(%rsi), %rax ; cmp %rax, %r14 ; jne fail
    inc %edi ; lea 5(%rsi), %rax ; cmp %rax, %r15 ; jne fail
    inc %edi ; lea 6(%rsi), %rax ; cmp %rax, %r8 ; jne fail
    inc %edi ; lea 7(%rsi), %rax ; cmp %rax, %r9 ; jne fail
    inc %edi ; movq %xmm0, %rax ; cmp %rax, %rsi ; jne fail
    xor %edi, %edi
fail:
    mov $2, %eax            /* exit */
    syscall
