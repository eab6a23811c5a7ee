/*: # x86_64: user mode, the CPU's way

The same contract as LibOS (hal/context.h), kept by the hardware. Start-up programs the three
model-specific registers of `syscall`:

- `STAR`: the kernel's code selector, loaded on `syscall` (with the stack selector 8 above it), and
  the base from which `sysret` computes the user's (layout.h);
- `LSTAR`: the address `syscall` jumps to, `x86_syscall_entry` (context.S);
- `FMASK`: the flags `syscall` clears. Interrupts, so that the entry code runs undisturbed until it
  is on the kernel stack; the trap flag, so that a user single-stepping does not trap inside the
  kernel; the direction flag, as C expects; alignment checking; and nested task.

It also readies the floating-point unit, which belongs to user programs: the kernel is compiled not
to use it (`-mno-sse` and friends), so user state can stay in the registers while the kernel runs.
It stays there longer than one turn, as on Linux: the floating-point and vector registers and the
two segment bases of the context that ran last (the CPU area's `loaded`) are written back to it
(`fxsave`, two `rdmsr`) only when another context is about to run on this CPU, or when
`hal_context_unload` asks. A system call that returns to the caller, which is most of them, then
moves neither 512 bytes of vector state nor a model-specific register, in or out; under QEMU's
emulator those were more than a third of the time of a null system call. `hal_context_run` keeps
the simple promise of the HAL (the whole state in the context when it returns) by unloading at
once; `hal_context_run_kept` is the fast path, for the kernel's loop of user threads (chapter 6).

Where the CPU has them, `wrfsbase` and friends are opened to user programs (`CR4.FSGSBASE`), as on
Linux, and two protections are turned on that cost nothing: SMEP (the kernel may not execute user
pages) and SMAP (it may not touch them at all: it reads user memory through the frames,
kernel/uspace.c).

`hal_context_run` then checks what the hardware would refuse in kernel mode, so that no value a
kernel puts in a context can crash it: an instruction pointer or segment base outside the canonical
half of the address space (a non-canonical `rip` makes `sysretq` or `iretq` fault in kernel mode; a
non-canonical base makes `wrmsr` fault). Such a context gets a general protection trap without
running. */
#include "arch/x86_64/percpu.h"
#include "x86_64.h"

#define VEC_DIVIDE 0
#define VEC_DEBUG 1
#define VEC_BREAKPOINT 3
#define VEC_INVALID_OPCODE 6
#define VEC_GENERAL_PROTECTION 13
#define VEC_PAGE_FAULT 14
#define VEC_X87 16
#define VEC_SIMD 19
#define PF_WRITE 0x2
#define PF_FETCH 0x10
#define CPUID7_FSGSBASE (1u << 0)
#define CPUID7_SMEP (1u << 7)
#define CPUID7_SMAP (1u << 20)

unsigned x86_enter_user(struct hal_context *ctx);
void x86_syscall_entry(void);

void x86_context_init(void)
{
    wrmsr(MSR_STAR, (uint64_t)(USER_BASE_SEL | 3) << 48 | (uint64_t)KERNEL_CS << 32);
    wrmsr(MSR_LSTAR, (uint64_t)x86_syscall_entry);
    wrmsr(MSR_FMASK, RFLAGS_IF | RFLAGS_TF | RFLAGS_DF | RFLAGS_AC | RFLAGS_NT);

    WRITE_CR(0, (READ_CR(0) | CR0_MP | CR0_NE) & ~(uint64_t)(CR0_EM | CR0_TS));
    uint64_t cr4 = READ_CR(4) | CR4_OSFXSR | CR4_OSXMMEXCPT;
    uint32_t r[4];
    cpuid(0, 0, r);
    if (r[0] >= 7) {
        cpuid(7, 0, r);
        cr4 |= (r[1] & CPUID7_FSGSBASE ? CR4_FSGSBASE : 0) |
               (r[1] & CPUID7_SMEP ? CR4_SMEP : 0) | (r[1] & CPUID7_SMAP ? CR4_SMAP : 0);
    }
    WRITE_CR(4, cr4);
    __asm__ volatile("fninit");
}

static void describe_trap(unsigned vector, struct hal_trap *trap)
{
    const struct x86_cpu *cpu = x86_this_cpu();
    *trap = (struct hal_trap){.code = vector};
    switch (vector) {
    case X86_VECTOR_SYSCALL:
        trap->kind = HAL_TRAP_SYSCALL;
        break;
    case VEC_PAGE_FAULT:
        trap->kind = HAL_TRAP_PAGE_FAULT;
        trap->addr = cpu->fault_addr;
        trap->access = cpu->error & PF_FETCH   ? HAL_MMU_EXEC
                       : cpu->error & PF_WRITE ? HAL_MMU_WRITE
                                               : HAL_MMU_READ;
        break;
    case VEC_INVALID_OPCODE:
        trap->kind = HAL_TRAP_ILLEGAL;
        break;
    case VEC_BREAKPOINT: /* int3 is a trap: rip is already past it */
    case VEC_DEBUG:
        trap->kind = HAL_TRAP_BREAKPOINT;
        break;
    case VEC_DIVIDE:
    case VEC_X87:
    case VEC_SIMD:
        trap->kind = HAL_TRAP_ARITHMETIC;
        break;
    default:
        trap->kind = vector < 32 ? HAL_TRAP_OTHER : HAL_TRAP_INTERRUPT;
    }
}

/* Write the user state this CPU holds back to its context. Interrupts are off. */
static void unload(struct x86_cpu *cpu)
{
    struct hal_context *ctx = cpu->loaded;
    if (!ctx)
        return;
    __asm__ volatile("fxsave64 %0" : "=m"(ctx->fpu));
    ctx->fsbase = rdmsr(MSR_FS_BASE);
    ctx->gsbase = rdmsr(MSR_USER_GS_BASE);
    cpu->loaded = NULL;
}

void hal_context_unload(void)
{
    uint64_t flags = x86_irq_save();
    unload(x86_this_cpu());
    x86_irq_restore(flags);
}

/* Put ctx's vector state and segment bases in the registers, unless they are there already. */
static void load(struct x86_cpu *cpu, struct hal_context *ctx)
{
    if (cpu->loaded == ctx)
        return;
    unload(cpu);
    __asm__ volatile("fxrstor64 %0" : : "m"(ctx->fpu));
    wrmsr(MSR_FS_BASE, ctx->fsbase);
    wrmsr(MSR_USER_GS_BASE, ctx->gsbase);
    cpu->loaded = ctx;
}

void hal_context_run_kept(struct hal_context *ctx, struct hal_trap *trap)
{
    ctx->rflags = (ctx->rflags & X86_RFLAGS_USER_MASK) | X86_RFLAGS_ALWAYS;
    /* The bases in ctx are the ones load() would write: wrmsr faults on a non-canonical one. */
    if (!x86_canonical(ctx->rip) || !x86_canonical(ctx->fsbase) || !x86_canonical(ctx->gsbase)) {
        *trap = (struct hal_trap){.kind = HAL_TRAP_OTHER, .code = VEC_GENERAL_PROTECTION};
        return;
    }
    uint64_t flags = x86_irq_save();
    load(x86_this_cpu(), ctx);
    unsigned vector = x86_enter_user(ctx);
    describe_trap(vector, trap);
    if (trap->kind == HAL_TRAP_INTERRUPT)
        x86_irq_dispatch(vector); /* its handler runs before the kernel hears of the trap */
    x86_irq_restore(flags);
}

void hal_context_run(struct hal_context *ctx, struct hal_trap *trap)
{
    hal_context_run_kept(ctx, trap);
    hal_context_unload();
}
