/*: # align: a program that turns on alignment checking (x86_64)

Sets the alignment-check flag with `popf`, which user code may do: from then on the CPU faults on
its unaligned accesses (none here). It makes a null system call and exits with that flag as it
finds it afterwards, which the kernel must have kept. On LibOS the kernel runs at the program's own
privilege, where the flag would check the kernel's accesses too: the trap must not carry it in. */
    .globl _start
_start:
    pushfq
    orq $0x40000, (%rsp)    /* AC */
    popfq
    xor %eax, %eax          /* null */
    syscall
    pushfq
    pop %rdi
    and $0x40000, %edi
    mov $2, %eax            /* exit */
    syscall
