/*: # segs: a program that moves its own segment bases (x86_64)

Loads `%gs` and `%fs` bases from its two arguments with `wrgsbase`/`wrfsbase`, which user code may
do without asking the kernel, then makes a null system call: the kernel must find its way back all
the same (on LibOS the trap handler trusts neither register). Then it exits with its `%gs` base,
which must have survived. */
    .globl _start
_start:
    wrgsbase %rdi
    wrfsbase %rsi
    xor %eax, %eax          /* null */
    syscall
    rdgsbase %rdi
    mov $2, %eax            /* exit */
    syscall
