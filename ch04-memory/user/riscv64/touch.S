/*: # touch: write one byte in each page of a range (riscv64)

Its first argument is the address, its second the number of pages. Each store is a page fault the
first time, which the kernel serves from the mapping's VMO: the benchmark's "map, touch, unmap". */
    .globl _start
_start:
    li t0, 1
    li t1, 4096
1:  sb t0, 0(a0)
    add a0, a0, t1
    addi a1, a1, -1
    bnez a1, 1b
    li a0, 0
    li a7, 2                /* exit */
    ecall
