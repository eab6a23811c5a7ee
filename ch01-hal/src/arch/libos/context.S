/*: # LibOS: entering and leaving user code

Three pieces of assembly, because each runs at a moment when C cannot: the stack, the thread pointer
or the floating-point state belongs to the other side.

`libos_enter(cpu)` is the body of `hal_context_run`. It saves the kernel's callee-saved registers on
the kernel stack and the stack pointer in the CPU area, loads the user's segment bases (one of two
ways: see tls.c), vector state (`xrstor`) and general registers, arms Syscall User Dispatch (from
then on a `syscall` traps) and jumps to the user with `iretq`. `iretq` is used between two user-mode
contexts here, not to change privilege: it is the one instruction that loads the instruction
pointer, the stack pointer and the flags together, so no register is needed as a scratch to get
there. */
#include "context_offsets.h"
#include "cpu_area.h"

#define SUD_ALLOW 0
#define SUD_BLOCK 1
#define SYS_ARCH_PRCTL 158
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define X86_RFLAGS_AC 0x40000   /* alignment check */

/* arch_prctl(code, value) for the system-call path, made while the selector allows system calls.
   The call overwrites rax, rcx and r11, and takes its arguments in rdi and rsi, which hold the CPU
   area and the context: r12 and r13 keep them, free here because libos_enter has saved the kernel's
   already. */
.macro set_base code, value
    mov %rdi, %r12
    mov %rsi, %r13
    mov \value, %rsi
    mov $\code, %edi
    mov $SYS_ARCH_PRCTL, %eax
    syscall
    mov %r12, %rdi
    mov %r13, %rsi
.endm

    .text
    .globl libos_enter, libos_enter_end
    .type libos_enter, @function
libos_enter:
    push %rbp
    push %rbx
    push %r12
    push %r13
    push %r14
    push %r15
    sub $16, %rsp
    /* the kernel's floating-point controls, callee-saved by the ABI */
    stmxcsr 0(%rsp)
    fnstcw 4(%rsp)
    mov %rsp, CPU_KERNEL_RSP(%rdi)
    mov CPU_CTX(%rdi), %rsi

    cmpb $0, CPU_TLS_BY_SYSCALL(%rdi)
    jne 1f
    mov CTX_FSBASE(%rsi), %rax      /* the fsgsbase path */
    wrfsbase %rax
    mov CTX_GSBASE(%rsi), %rax
    wrgsbase %rax
    jmp 3f
1:  mov CTX_GSBASE(%rsi), %rax      /* the system-call path: %gs only if it changed, %fs always */
    cmp CPU_USER_GS(%rdi), %rax
    je 2f
    mov %rax, CPU_USER_GS(%rdi)
    set_base ARCH_SET_GS, %rax
2:  set_base ARCH_SET_FS, CTX_FSBASE(%rsi)

3:  mov CPU_XSAVE_MASK(%rdi), %eax
    mov CPU_XSAVE_MASK+4(%rdi), %edx
    xrstor64 CTX_FPU(%rsi)

    mov %ss, %eax                   /* the frame iretq pops: ss, rsp, rflags, cs, rip */
    push %rax
    push CTX_RSP(%rsi)
    push CTX_RFLAGS(%rsi)
    mov %cs, %eax
    push %rax
    push CTX_RIP(%rsi)

    movb $1, CPU_IN_USER(%rdi)
    /* an interrupt asked for before in_user was set: do not go in */
    mov CPU_PENDING(%rdi), %rax
    cmpl $0, (%rax)
    jne enter_abandoned
    movb $SUD_BLOCK, CPU_SELECTOR(%rdi) /* no system call from here on: they belong to the user */

    mov CTX_RAX(%rsi), %rax
    mov CTX_RBX(%rsi), %rbx
    mov CTX_RCX(%rsi), %rcx
    mov CTX_RDX(%rsi), %rdx
    mov CTX_RDI(%rsi), %rdi
    mov CTX_RBP(%rsi), %rbp
    mov CTX_R8(%rsi), %r8
    mov CTX_R9(%rsi), %r9
    mov CTX_R10(%rsi), %r10
    mov CTX_R11(%rsi), %r11
    mov CTX_R12(%rsi), %r12
    mov CTX_R13(%rsi), %r13
    mov CTX_R14(%rsi), %r14
    mov CTX_R15(%rsi), %r15
    mov CTX_RSI(%rsi), %rsi
    iretq

    /* Back out of the entry: the kernel's thread pointer, and return as from a trap
       (hal_context_run has already set the trap to HAL_TRAP_INTERRUPT). A poke that lands here,
       before in_user is cleared, is inside libos_enter too, and libos_user_trap treats it so: no
       user register is taken from it. */
enter_abandoned:
    movb $0, CPU_IN_USER(%rdi)
    cmpb $0, CPU_TLS_BY_SYSCALL(%rdi)
    jne 1f
    mov CPU_KERNEL_FS(%rdi), %rax
    wrfsbase %rax
    jmp 2f
1:  set_base ARCH_SET_FS, CPU_KERNEL_FS(%rdi)
2:  mov CPU_KERNEL_RSP(%rdi), %rsp
    jmp libos_resume
libos_enter_end:
    .size libos_enter, . - libos_enter

/*: `libos_trap_signal` is the handler for every signal a user program's trap raises: SIGSYS for a
`syscall`, SIGSEGV, SIGBUS, SIGILL, SIGTRAP and SIGFPE for faults. It runs on the thread's alternate
signal stack with the user's `%fs` and `%gs`, so it first finds its CPU area by the stack pointer
(see cpu_area.h). If the signal came from user code it lets the kernel make system calls again (the
selector), takes the user's segment bases and puts the kernel's `%fs` back (each path its own way:
tls.c), and calls into C (`libos_user_trap`), which saves the registers and makes the signal return
land in `libos_resume`. The preemption signal (turn.c) is the one signal that can also arrive while
the thread runs kernel code: it is then ignored, because `libos_enter` checks the thread's pending
flag after setting `in_user`, and a poke always sets the flag first; the same holds for a poke that
reaches a thread on its way out, which has given back its CPU area. It can also arrive in the last
instructions of `libos_enter`, after `in_user` is set; `libos_user_trap` sees that from the
interrupted address and keeps the registers the kernel gave. It never arrives inside this handler:
every trap signal's handler blocks it. Anything else that does not come from user code is a fault of
the kernel itself and goes to `libos_kernel_fault`.

The handler starts with the user's flags but one (the host clears the direction flag), and the
alignment-check flag is one a program may set (`popf`, or `rt_sigreturn`'s frame): on hardware it
checks the user's accesses only, but the LibOS kernel runs at the same privilege as its programs,
so it would check the kernel's too, and the first unaligned vector move of the kernel's C code would
be a SIGBUS that ends it. So the handler clears it first; the user's flags stay in the frame. */
    .globl libos_trap_signal
    .type libos_trap_signal, @function
libos_trap_signal:
    pushfq
    andq $~X86_RFLAGS_AC, (%rsp)
    popfq
    lea libos_cpus(%rip), %r8
    mov $LIBOS_MAX_CPUS, %ecx
2:  mov (%r8), %rax
    test %rax, %rax
    jz 1f                           /* the end of the list: no CPU area owns this stack */
    cmp CPU_ALT_LO(%rax), %rsp
    jb 3f
    cmp CPU_ALT_HI(%rax), %rsp
    jb 4f                           /* found: rax is this thread's CPU area */
3:  add $8, %r8
    dec %ecx
    jnz 2b
    jmp 1f
4:  cmpb $1, CPU_IN_USER(%rax)
    jne 1f
    movb $SUD_ALLOW, CPU_SELECTOR(%rax)
    movb $0, CPU_IN_USER(%rax)
    cmpb $0, CPU_TLS_BY_SYSCALL(%rax)
    jne 6f
    mov CPU_CTX(%rax), %r8          /* the fsgsbase path: the user may have moved either base */
    rdfsbase %rcx
    mov %rcx, CTX_FSBASE(%r8)
    rdgsbase %rcx
    mov %rcx, CTX_GSBASE(%r8)
    mov CPU_KERNEL_FS(%rax), %rcx
    wrfsbase %rcx
    mov %rax, %rcx
    jmp libos_user_trap
6:  push %rdi                       /* the system-call path: the context holds the user's bases */
    push %rsi
    push %rdx
    push %rax
    mov CPU_KERNEL_FS(%rax), %rsi
    mov $ARCH_SET_FS, %edi
    mov $SYS_ARCH_PRCTL, %eax
    syscall
    pop %rcx
    pop %rdx
    pop %rsi
    pop %rdi
    jmp libos_user_trap
1:  cmp libos_preempt_signal(%rip), %edi
    jne 5f
    ret                             /* a poke that came while in the kernel: nothing to do */
5:  jmp libos_kernel_fault
    .size libos_trap_signal, . - libos_trap_signal

/*: `libos_resume` is where the signal return lands: on the kernel stack that `libos_enter` left,
with the user's vector state still in the registers. It saves that state into the context, gives the
kernel clean floating-point controls, and returns from `libos_enter` as if from an ordinary call. */
    .globl libos_resume
    .type libos_resume, @function
libos_resume:
    mov CPU_CTX(%rdi), %rsi
    mov CPU_XSAVE_MASK(%rdi), %eax
    mov CPU_XSAVE_MASK+4(%rdi), %edx
    xsave64 CTX_FPU(%rsi)
    fninit
    ldmxcsr 0(%rsp)
    fldcw 4(%rsp)
    add $16, %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbx
    pop %rbp
    ret
    .size libos_resume, . - libos_resume

    .section .note.GNU-stack, "", @progbits
