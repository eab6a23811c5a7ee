/*: # x86_64: entering and leaving user mode

`x86_enter_user(ctx)` is the body of `hal_context_run`. It saves the kernel's callee-saved registers
on the kernel stack and leaves the stack pointer in two places: the CPU area, where the way back
finds it, and the TSS, so that a trap from user mode pushes its frame just below. Then it loads the
user's general registers; the floating-point and vector registers and the two segment bases are
already in place (context.c puts them there, and leaves them there while the same context runs
again). Two instructions can drop to user mode:

- `sysretq` is the fast one, the partner of `syscall`: it takes the instruction pointer from `rcx`
  and the flags from `r11`, and sets the user's code and stack segments from `STAR`. It fits exactly
  when `rcx` and `r11` already hold those values, which is the case after every system call (the
  `syscall` instruction put them there).
- `iretq` pops the instruction pointer, code segment, flags, stack pointer and stack segment from a
  frame we push; it leaves every general register as the context says. It is used after a fault or
  an interrupt, and for a fresh context.

The user's turn ends at a `syscall` (`x86_syscall_entry` below) or at a trap from user mode
(trap.S). Both save the registers into the context and meet in `x86_leave_user`, which returns from
`x86_enter_user` on the kernel stack, with the reason: the vector number, or `X86_VECTOR_SYSCALL`.
Every access to the CPU area is written `THIS_CPU(field)`, and the last instruction in the kernel
and the first out of user mode are marked with `kernel_gs_leave` and `kernel_gs_enter`
(percpu.h). */
#include "arch/x86_64/percpu.h"
#include "context_offsets.h"
#include "layout.h"

.macro load_user_registers
    mov CTX_RAX(%rdi), %rax
    mov CTX_RBX(%rdi), %rbx
    mov CTX_RCX(%rdi), %rcx
    mov CTX_RDX(%rdi), %rdx
    mov CTX_RSI(%rdi), %rsi
    mov CTX_RBP(%rdi), %rbp
    mov CTX_R8(%rdi), %r8
    mov CTX_R9(%rdi), %r9
    mov CTX_R10(%rdi), %r10
    mov CTX_R11(%rdi), %r11
    mov CTX_R12(%rdi), %r12
    mov CTX_R13(%rdi), %r13
    mov CTX_R14(%rdi), %r14
    mov CTX_R15(%rdi), %r15
.endm

/* unsigned x86_enter_user(struct hal_context *ctx), called with interrupts off. */
    .text
    .globl x86_enter_user
    .type x86_enter_user, @function
x86_enter_user:
    push %rbp
    push %rbx
    push %r12
    push %r13
    push %r14
    push %r15
    mov %rsp, THIS_CPU(CPU_KERNEL_RSP)
    mov THIS_CPU(CPU_TSS), %rax
    mov %rsp, TSS_RSP0(%rax)
    mov %rdi, THIS_CPU(CPU_CTX)

    mov CTX_RCX(%rdi), %rax
    cmp CTX_RIP(%rdi), %rax
    jne 1f
    mov CTX_R11(%rdi), %rax
    cmp CTX_RFLAGS(%rdi), %rax
    jne 1f
    load_user_registers
    mov CTX_RSP(%rdi), %rsp
    mov CTX_RDI(%rdi), %rdi
    kernel_gs_leave
    sysretq

1:  push $USER_DS
    push CTX_RSP(%rdi)
    push CTX_RFLAGS(%rdi)
    push $USER_CS
    push CTX_RIP(%rdi)
    load_user_registers
    mov CTX_RDI(%rdi), %rdi
    kernel_gs_leave
    iretq
    .size x86_enter_user, . - x86_enter_user

/*: `x86_syscall_entry` is where `syscall` lands (`LSTAR`), in kernel mode but still on the user's
stack, with `rcx` holding the user's next instruction, `r11` its flags, and interrupts off
(`FMASK`). It parks the user's stack pointer in the CPU area, moves to the kernel stack at once, and
saves the registers. */
    .globl x86_syscall_entry
    .type x86_syscall_entry, @function
x86_syscall_entry:
    kernel_gs_enter
    mov %rsp, THIS_CPU(CPU_USER_RSP)
    mov THIS_CPU(CPU_KERNEL_RSP), %rsp
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
    mov %rcx, CTX_RIP(%rdi)
    mov %r11, CTX_RFLAGS(%rdi)
    mov THIS_CPU(CPU_USER_RSP), %rax
    mov %rax, CTX_RSP(%rdi)
    mov $X86_VECTOR_SYSCALL, %esi
    .size x86_syscall_entry, . - x86_syscall_entry
    /* fall through */

/* x86_leave_user: rdi = the context, esi = the reason, kernel_gs_enter done, and the flags the
   kernel's (FMASK cleared those of a system call; trap.S clears a trap's). */
    .globl x86_leave_user
x86_leave_user:
    mov %esi, %eax
    mov THIS_CPU(CPU_KERNEL_RSP), %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbx
    pop %rbp
    ret

    .section .note.GNU-stack, "", @progbits
