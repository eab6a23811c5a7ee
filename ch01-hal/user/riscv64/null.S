/*: # null: a loop of null system calls, for the benchmark (riscv64)

Makes as many null system calls as its first argument says, then exits. */
    .globl _start
_start:
    mv s1, a0
1:  li a7, 0                /* null */
    ecall
    addi s1, s1, -1
    bnez s1, 1b
    li a0, 0
    li a7, 2                /* exit */
    ecall
