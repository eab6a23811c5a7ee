/*: # bases: read through both segment bases, across a trap (x86_64)

Adds the word at `%fs:0` to the one at `%gs:8` and hands the sum to a null system call; the kernel
may move both bases while it serves the call. Then it adds the two words again, through the bases as
they now are, and exits with that sum. */
    .globl _start
_start:
    mov %fs:0, %rdi
    add %gs:8, %rdi
    xor %eax, %eax          /* null */
    syscall
    mov %fs:0, %rdi
    add %gs:8, %rdi
    mov $2, %eax            /* exit */
    syscall
