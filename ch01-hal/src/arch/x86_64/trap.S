/*: # x86_64: the trap entry

When an exception or an interrupt arrives, the CPU looks up its vector in the IDT (idt.c), switches
to the kernel's stack if it came from user mode (the TSS says which), and pushes the *interrupt
frame*: the old `ss`, `rsp`, `rflags`, `cs` and `rip`, plus an error code for some exceptions. Then
it jumps to the handler with interrupts off (all our gates are interrupt gates).

Every vector has a 16-byte stub here, so the IDT entry for vector `n` is `x86_vectors + 16 n`. Each
stub makes the frame uniform, by pushing a zero where the CPU pushed no error code, pushes its
vector number and jumps to `trap_common`, which looks at the privilege level in the saved `cs`:

- **from user mode**, the trap ends the user's turn: the kernel takes over (`kernel_gs_enter`,
  percpu.h), the registers are saved into the running `hal_context` and `x86_leave_user`
  (context.S) returns from `hal_context_run`, which handles the trap in C. Nothing is left on this
  stack: `hal_context_run` runs the user again from scratch.
- **from kernel mode**, the trap interrupted the kernel itself: an interrupt, to be served before
  going on, or a fault, which is a kernel bug. The general registers are pushed to complete a
  `struct x86_trap_frame` (kernel_trap.c) and `x86_kernel_trap` is called; `iretq` resumes the
  kernel where it was interrupted. */
#include "arch/x86_64/percpu.h"
#include "context_offsets.h"

/* The exceptions for which the CPU pushes an error code. */
#define HAS_ERROR(n) \
    ((n) == 8 || ((n) >= 10 && (n) <= 14) || (n) == 17 || (n) == 21 || (n) == 29 || (n) == 30)

    .text
    .balign 16
    .globl x86_vectors
x86_vectors:
    vector = 0
    .rept 256
    .balign 16
    .if !HAS_ERROR(vector)
    push $0
    .endif
    push $vector
    jmp trap_common
    vector = vector + 1
    .endr

/* The frame, from the stack pointer up: vector, error, rip, cs, rflags, rsp, ss. */
trap_common:
    testb $3, 24(%rsp)
    jz kernel_trap
    kernel_gs_enter
    push %rdi
    mov THIS_CPU(CPU_CTX), %rdi
    pop CTX_RDI(%rdi)
    mov %rax, CTX_RAX(%rdi)
    mov %rbx, CTX_RBX(%rdi)
    mov %rcx, CTX_RCX(%rdi)
    mov %rdx, CTX_RDX(%rdi)
    mov %rsi, CTX_RSI(%rdi)
    mov %rbp, CTX_RBP(%rdi)
    mov %r8, CTX_R8(%rdi)
    mov %r9, CTX_R9(%rdi)
    mov %r10, CTX_R10(%rdi)
    mov %r11, CTX_R11(%rdi)
    mov %r12, CTX_R12(%rdi)
    mov %r13, CTX_R13(%rdi)
    mov %r14, CTX_R14(%rdi)
    mov %r15, CTX_R15(%rdi)
    mov 16(%rsp), %rax
    mov %rax, CTX_RIP(%rdi)
    mov 32(%rsp), %rax
    mov %rax, CTX_RFLAGS(%rdi)
    mov 40(%rsp), %rax
    mov %rax, CTX_RSP(%rdi)
    mov 8(%rsp), %rax
    mov %rax, THIS_CPU(CPU_ERROR)
    mov %cr2, %rax
    mov %rax, THIS_CPU(CPU_FAULT_ADDR)
    mov 0(%rsp), %esi
    /* The user's flags may still be in force (an interrupt gate clears only a few): the kernel
       gets clean ones, interrupts still off. (A system call needs none of this: FMASK cleared
       them. And popfq is slow, on a CPU and under QEMU, where it ends a block of translated
       code.) */
    push $2                         /* rflags with only the always-one bit */
    popfq
    jmp x86_leave_user

kernel_trap:
    push %rax
    push %rbx
    push %rcx
    push %rdx
    push %rsi
    push %rdi
    push %rbp
    push %r8
    push %r9
    push %r10
    push %r11
    push %r12
    push %r13
    push %r14
    push %r15
    mov %rsp, %rdi
    cld                             /* the C convention: the direction flag is clear */
    call x86_kernel_trap
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %r11
    pop %r10
    pop %r9
    pop %r8
    pop %rbp
    pop %rdi
    pop %rsi
    pop %rdx
    pop %rcx
    pop %rbx
    pop %rax
    add $16, %rsp                   /* the vector and the error code */
    iretq

    .section .note.GNU-stack, "", @progbits
