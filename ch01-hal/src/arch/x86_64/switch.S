/*: # x86_64: switching kernel threads

`metal_switch(save, next)` (arch/metal/metal.h): push what the C convention says a function must
keep (`rbp`, `rbx`, `r12`..`r15`) and the flags, which carry the thread's interrupt state; store the
stack pointer; take the other thread's; pop its registers; return, into the other thread. The other
registers need no saving: the caller of `metal_switch` expects them clobbered, as for any call.

`metal_stack_init(top, entry)` makes a new stack look as if the thread had called `metal_switch`
from the start of `thread_trampoline`: zero registers, flags with interrupts on, and the trampoline
as the return address. The trampoline calls `entry` (held in the saved `r12`) with the stack aligned
as the C convention wants, 16 bytes at the call, and with `rbp` zero, which ends backtraces
there. */

    .text
    .globl metal_switch
    .type metal_switch, @function
metal_switch:
    push %rbp
    push %rbx
    push %r12
    push %r13
    push %r14
    push %r15
    pushfq
    mov %rsp, (%rdi)
    mov %rsi, %rsp
    popfq
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbx
    pop %rbp
    ret
    .size metal_switch, . - metal_switch

    .globl metal_stack_init
    .type metal_stack_init, @function
metal_stack_init:
    and $-16, %rdi
    lea thread_trampoline(%rip), %rax
    mov %rax, -8(%rdi)              /* the return address */
    movq $0, -16(%rdi)              /* rbp */
    movq $0, -24(%rdi)              /* rbx */
    mov %rsi, -32(%rdi)             /* r12: the entry */
    movq $0, -40(%rdi)              /* r13 */
    movq $0, -48(%rdi)              /* r14 */
    movq $0, -56(%rdi)              /* r15 */
    movq $0x202, -64(%rdi)          /* rflags: interrupts on */
    lea -64(%rdi), %rax
    ret
    .size metal_stack_init, . - metal_stack_init

thread_trampoline:
    call *%r12
    ud2                             /* entry never returns */

    .section .note.GNU-stack, "", @progbits
