/*: # regs: a system call keeps the program's registers (riscv64)

Fills every register that a system call must keep (all but `a0`, which carries the result) with a
value derived from its first argument, makes a null system call, and checks them all afterwards, the
floating-point registers `fs0` and `fa0` included: writing them makes the floating-point state
Dirty, so the kernel must save and restore it. Exits with 0 if everything survived, or with the
number of the first register that did not. */
    .globl _start
_start:
    mv a1, a0
    addi s0, a0, 1
    addi s1, a0, 2
    addi s2, a0, 3
    addi s3, a0, 4
    addi s4, a0, 5
    addi s5, a0, 6
    addi s6, a0, 7
    addi s7, a0, 8
    addi s8, a0, 9
    addi s9, a0, 10
    addi s10, a0, 11
    addi s11, a0, 12
    addi t0, a0, 13
    addi t1, a0, 14
    addi t2, a0, 15
    addi t3, a0, 16
    addi t4, a0, 17
    addi t5, a0, 18
    addi t6, a0, 19
    addi a2, a0, 20
    addi a3, a0, 21
    addi a4, a0, 22
    addi a5, a0, 23
    addi a6, a0, 24
    addi gp, a0, 25
    addi tp, a0, 26
    addi ra, a0, 27
    fmv.d.x fs0, a0
    addi a7, a0, 28
    fmv.d.x fa0, a7
    li a7, 0                /* null */
    ecall

    /* a1 still holds the argument (if it does not, some check below fails anyway). */
    .macro check reg, offset, number
    li a0, \number
    addi a7, a1, \offset
    bne \reg, a7, fail
    .endm
    check s0, 1, 1
    check s1, 2, 2
    check s2, 3, 3
    check s3, 4, 4
    check s4, 5, 5
    check s5, 6, 6
    check s6, 7, 7
    check s7, 8, 8
    check s8, 9, 9
    check s9, 10, 10
    check s10, 11, 11
    check s11, 12, 12
    check t0, 13, 13
    check t1, 14, 14
    check t2, 15, 15
    check t3, 16, 16
    check t4, 17, 17
    check t5, 18, 18
    check t6, 19, 19
    check a2, 20, 20
    check a3, 21, 21
    check a4, 22, 22
    check a5, 23, 23
    check a6, 24, 24
    check gp, 25, 25
    check tp, 26, 26
    check ra, 27, 27
    li a0, 28
    fmv.x.d a6, fs0
    bne a6, a1, fail
    li a0, 29
    fmv.x.d a6, fa0
    addi a7, a1, 28
    bne a6, a7, fail
    li a0, 0
fail:
    li a7, 2                /* exit */
    ecall
