/*: # peek: read a word and report it (x86_64)

Reads the 8 bytes at the address in its first argument and exits with them as its status. The tests
use it to see memory through the user's eyes: through the page table, with the user's
permissions. */
    .globl _start
_start:
    mov (%rdi), %rdi
    mov $2, %eax            /* exit */
    syscall
