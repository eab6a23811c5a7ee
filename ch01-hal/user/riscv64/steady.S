/*: # steady: does my memory stay mine? (riscv64)

Reads the word at its first argument, then makes as many null system calls as its second argument
says, checking after each one that the word is unchanged. Every system call gives the CPU back to
the kernel, which may run another address space in between. Exits with the word, or with 1 if it
ever changed. */
    .globl _start
_start:
    mv s1, a0
    mv s2, a1
    ld s3, 0(s1)
1:  li a7, 0                /* null */
    ecall
    ld t0, 0(s1)
    bne t0, s3, changed
    addi s2, s2, -1
    bnez s2, 1b
    mv a0, s3
    j out
changed:
    li a0, 1
out:
    li a7, 2                /* exit */
    ecall
