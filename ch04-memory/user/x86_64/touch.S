/*: # touch: write one byte in each page of a range (x86_64)

Its first argument is the address, its second the number of pages. Each store is a page fault the
first time, which the kernel serves from the mapping's VMO: the benchmark's "map, touch, unmap". */
    .globl _start
_start:
1:  movb $1, (%rdi)
    add $4096, %rdi
    dec %rsi
    jnz 1b
    xor %edi, %edi
    mov $2, %eax            /* exit */
    syscall
