/*: # riscv64: switching kernel threads

`metal_switch(save, next)` (arch/metal/metal.h) is a function call that returns on another stack: it
pushes the registers the calling convention says a callee must keep (`ra`, `s0`..`s11`), stores the
stack pointer in `*save`, takes `next` as the stack pointer, pops the same registers from there and
returns, into whatever that thread was doing when it last called `metal_switch`. The other registers
need no saving: the caller of a function already expects them to change.

A new thread's stack is made (thread_stack.c) to look as if `riscv_thread_start` had called
`metal_switch`: the first switch to it "returns" there, with the entry function in `s1`. It turns
interrupts on and jumps to it. */
#include "csr.h"

#define SAVED (14 * 8)

    .text
    .globl metal_switch
    .type metal_switch, @function
metal_switch:
    addi sp, sp, -SAVED
    sd ra, 0(sp)
    sd s0, 8(sp)
    sd s1, 16(sp)
    sd s2, 24(sp)
    sd s3, 32(sp)
    sd s4, 40(sp)
    sd s5, 48(sp)
    sd s6, 56(sp)
    sd s7, 64(sp)
    sd s8, 72(sp)
    sd s9, 80(sp)
    sd s10, 88(sp)
    sd s11, 96(sp)
    sd sp, 0(a0)
    mv sp, a1
    ld ra, 0(sp)
    ld s0, 8(sp)
    ld s1, 16(sp)
    ld s2, 24(sp)
    ld s3, 32(sp)
    ld s4, 40(sp)
    ld s5, 48(sp)
    ld s6, 56(sp)
    ld s7, 64(sp)
    ld s8, 72(sp)
    ld s9, 80(sp)
    ld s10, 88(sp)
    ld s11, 96(sp)
    addi sp, sp, SAVED
    ret
    .size metal_switch, . - metal_switch

    .globl riscv_thread_start
    .type riscv_thread_start, @function
riscv_thread_start:
    csrsi sstatus, SSTATUS_SIE
    li ra, 0
    jr s1
    .size riscv_thread_start, . - riscv_thread_start
