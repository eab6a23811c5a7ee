/*: # riscv64: into user mode and back

A trap (an exception or an interrupt) makes the hart save the pc in `sepc`, the reason in `scause`
and `stval`, the interrupt-enable bit and the mode it came from in `sstatus` (`SPIE`, `SPP`), turn
interrupts off, switch to supervisor mode and jump to `stvec`. It saves no register: that is the
trap vector's job. `sret` undoes it: back to the mode in `SPP`, interrupts as in `SPIE`, at `sepc`.

Zinc has two vectors, as xv6 does, and `hal_context_run` (context.c) switches `stvec` between them
with interrupts off: `riscv_user_vector` while a user program runs, `riscv_kernel_vector` otherwise.

**`riscv_enter(cpu)`** is the body of `hal_context_run`. It saves the kernel's callee-saved
registers on the kernel stack and the stack pointer in the CPU area, puts the CPU area's address in
`sscratch`, loads the user's registers from the context and `sret`s into user mode. The
floating-point registers go too: the kernel never uses them (it is built soft-float), so they hold
the user's values until the next trap. `sstatus.FS` says what the floating-point unit's state is:
the loads make it *Dirty*; it is set to *Clean* before `sret`, so that at the next trap *Dirty*
means that the program wrote a floating-point register and the registers must be saved. A program
that never uses them costs no saves.

**`riscv_user_vector`** finds the CPU area by swapping `sscratch` with `t0`, frees `t1` in it, and
through the context pointer saves every register of the program, then its floating-point state if
Dirty, and turns the unit off (FS = Off) for the kernel. It takes the kernel's stack pointer back
from the CPU area and returns from `riscv_enter` as from an ordinary call: `hal_context_run` goes
on, with the reason in `scause`. It takes the kernel's `tp` back too, which `riscv_enter` kept in
the CPU area: the calling convention reserves it, so C code expects it unchanged across the call
(chapter 6 keeps the hart's number there). The kernel's `gp` is not restored: Zinc's kernel does not
use it. */
#include "context_riscv.h"
#include "csr.h"

#define CPU_CTX 0
#define CPU_KERNEL_SP 8
#define CPU_SCRATCH 16
#define CPU_KERNEL_TP 24
#define KERNEL_SAVED (14 * 8)

    .macro save_callee
    addi sp, sp, -KERNEL_SAVED
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
    .endm

    .macro restore_callee
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
    addi sp, sp, KERNEL_SAVED
    .endm

    /* Set sstatus.FS to the state in \value, using \tmp. */
    .macro set_fs value, tmp
    li \tmp, SSTATUS_FS
    csrc sstatus, \tmp
    .if \value
    li \tmp, \value
    csrs sstatus, \tmp
    .endif
    .endm

    .option push
    .option arch, +d

    .text
    .globl riscv_enter
    .type riscv_enter, @function
riscv_enter:
    save_callee
    sd sp, CPU_KERNEL_SP(a0)
    sd tp, CPU_KERNEL_TP(a0)
    csrw sscratch, a0
    ld t0, CPU_CTX(a0)

    set_fs SSTATUS_FS_CLEAN, t1
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fld f\n, CTX_F(\n)(t0)
    .endr
    ld t1, CTX_FCSR(t0)
    fscsr t1
    set_fs SSTATUS_FS_CLEAN, t1

    li t1, SSTATUS_SPP              /* return to user mode ... */
    csrc sstatus, t1
    li t1, SSTATUS_SPIE             /* ... with interrupts on */
    csrs sstatus, t1
    ld t1, CTX_PC(t0)
    csrw sepc, t1

    .irp n, 1,2,3,4,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld x\n, CTX_X(\n)(t0)
    .endr
    ld t0, CTX_X(5)(t0)
    sret
    .size riscv_enter, . - riscv_enter

    .balign 4
    .globl riscv_user_vector
    .type riscv_user_vector, @function
riscv_user_vector:
    csrrw t0, sscratch, t0          /* t0: the CPU area; the user's t0 waits in sscratch */
    sd t1, CPU_SCRATCH(t0)
    ld t1, CPU_CTX(t0)
    .irp n, 1,2,3,4,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd x\n, CTX_X(\n)(t1)
    .endr
    csrr t2, sscratch
    sd t2, CTX_X(5)(t1)
    ld t2, CPU_SCRATCH(t0)
    sd t2, CTX_X(6)(t1)
    csrr t2, sepc
    sd t2, CTX_PC(t1)

    csrr t2, sstatus
    li t3, SSTATUS_FS
    and t2, t2, t3
    bne t2, t3, 1f                  /* not Dirty: the context already holds the values */
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fsd f\n, CTX_F(\n)(t1)
    .endr
    frcsr t2
    sd t2, CTX_FCSR(t1)
1:  set_fs 0, t2

    ld sp, CPU_KERNEL_SP(t0)
    ld tp, CPU_KERNEL_TP(t0)
    restore_callee
    ret
    .size riscv_user_vector, . - riscv_user_vector

    .option pop

/*: **`riscv_kernel_vector`** takes traps that arrive in the kernel itself. It saves every register
in a frame on the current stack, in the same layout as a `struct hal_context` (pc first, then
`x1`..`x31`), plus `sstatus`, and calls `riscv_kernel_trap` (kernel_trap.c): an interrupt is served
and the frame restored, so the interrupted code goes on as if nothing happened; an exception in the
kernel is a bug and ends in a panic. At the top of the frame it writes a frame record (the
interrupted pc as the return address, the interrupted `s0` as the caller's frame), so that a
backtrace taken in the handler runs on into the code that was interrupted.

**A full stack.** The frame goes on the stack the kernel was using, and that stack may be the
problem: a function that ran past its bottom stores into the guard page (arch/metal/metal.h) and
faults, and pushing a frame below the same stack pointer would only fault again, trap after trap,
each lower, until the frames landed in whatever memory lies below the guard page. So before anything
else, the vector checks that the frame fits above the guard page of the running thread's stack
(`metal_stack_guard`), with the one register it frees in `sscratch` (free in the kernel:
`riscv_enter` sets it before each entry to user mode). The test is one unsigned comparison: the
stack pointer minus the guard page's address, scaled down by 32, is below (page + frame) / 32
exactly when the stack pointer is in the guard page or less than a frame above it; another thread's
stack pointer, during a switch, is never there. If the frame does not fit, it goes on a stack kept
for this (with a guard page of its own), and `riscv_kernel_stack_overflow` panics, naming the stack;
it never returns. */
#define FRAME_SSTATUS (32 * 8)
#define FRAME_SIZE (34 * 8 + 16)
#define PAGE_SIZE 4096
#define OVERFLOW_STACK_SIZE 8192
#if (PAGE_SIZE + FRAME_SIZE) % 32 != 0 || (PAGE_SIZE + FRAME_SIZE) / 32 > 2047
#error "the check of the stack needs (page + frame) / 32 to be exact and to fit an immediate"
#endif

    /* Save x1, x3..x31, the interrupted pc and sstatus in the frame at sp; the caller stores x2. */
    .macro save_frame
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd x\n, CTX_X(\n)(sp)
    .endr
    csrr t1, sepc
    sd t1, CTX_PC(sp)
    csrr t2, sstatus
    sd t2, FRAME_SSTATUS(sp)
    .endm

    /* Write the frame record at the top of the frame at sp (t1: the interrupted pc); call \fn. */
    .macro call_with_frame fn
    addi t0, sp, FRAME_SIZE
    sd t1, -8(t0)
    sd s0, -16(t0)
    mv s0, t0
    mv a0, sp
    call \fn
    .endm

    .balign 4
    .globl riscv_kernel_vector
    .type riscv_kernel_vector, @function
riscv_kernel_vector:
    csrw sscratch, t0
    lla t0, metal_stack_guard
    ld t0, 0(t0)
    sub t0, sp, t0
    srli t0, t0, 5
    sltiu t0, t0, (PAGE_SIZE + FRAME_SIZE) / 32
    bnez t0, stack_full
    csrr t0, sscratch
    addi sp, sp, -FRAME_SIZE
    save_frame
    addi t0, sp, FRAME_SIZE
    sd t0, CTX_X(2)(sp)             /* sp as it was */
    call_with_frame riscv_kernel_trap
    ld t1, CTX_PC(sp)
    csrw sepc, t1
    ld t2, FRAME_SSTATUS(sp)
    csrw sstatus, t2
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld x\n, CTX_X(\n)(sp)
    .endr
    addi sp, sp, FRAME_SIZE
    sret

stack_full:
    csrr t0, sscratch
    csrw sscratch, sp               /* now sscratch keeps the interrupted sp */
    lla sp, riscv_overflow_guard + PAGE_SIZE + OVERFLOW_STACK_SIZE - FRAME_SIZE
    save_frame
    csrr t0, sscratch
    sd t0, CTX_X(2)(sp)
    call_with_frame riscv_kernel_stack_overflow
1:  j 1b
    .size riscv_kernel_vector, . - riscv_kernel_vector

    .section .bss
    .balign PAGE_SIZE
    .globl riscv_overflow_guard
riscv_overflow_guard:
    .zero PAGE_SIZE
    .zero OVERFLOW_STACK_SIZE
