/*: # poke: write a word (x86_64)

Stores its second argument at the address in its first, then exits with status 0. If the store
faults, the kernel may fix the page and run the program again: the store is retried, as on real
hardware. */
    .globl _start
_start:
    mov %rsi, (%rdi)
    xor %edi, %edi
    mov $2, %eax            /* exit */
    syscall
