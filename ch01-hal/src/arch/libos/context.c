/*: # LibOS: user mode inside a Linux process

User programs on LibOS are unmodified machine code running in the kernel's own process. The
difficulty is getting control back: when a program executes `syscall`, the *host* kernel would serve
it. Zinc uses **Syscall User Dispatch** (Linux 5.11 and later): a thread names a byte in its memory,
the *selector*; while the selector says BLOCK, any `syscall` the thread executes is not served but
turned into a SIGSYS signal, with the registers as they were. So:

1. `hal_context_run` sets up this thread once (`setup_cpu`: a CPU area, an alternate signal stack by
   which a trap finds that area, and the dispatch), then enters user code through `libos_enter`
   (context.S), which sets the selector to BLOCK as its last step before jumping.
2. The program runs at full speed until it executes `syscall` or faults. The host delivers a signal
   on the alternate stack; `libos_trap_signal` restores the kernel's thread pointer and calls
   `libos_user_trap`.
3. `libos_user_trap` copies the user's registers out of the signal frame into the `hal_context`,
   describes the trap, and rewrites the signal frame so that returning from the signal does not go
   back to the user but to `libos_resume`, on the kernel stack: `hal_context_run` returns.

Faults travel the same road as system calls: an unmapped access is a SIGSEGV whose frame carries the
address and the hardware's error code, so the kernel learns whether it was a read, a write or a
fetch.

**Why this mechanism.** It runs unmodified static binaries, needs no root and no kernel module, and
keeps the user's registers exact, since the trap is the host kernel's own. Its cost is a signal
delivery and a signal return per system call, a few microseconds, and two host system calls more
where the CPU hides the fsgsbase instructions (tls.c); `make bench` prints the figure beside a host
`getppid()`. zCore instead rewrote each `syscall` instruction into a call to the kernel, which is
faster but must find room for a longer instruction in code it does not understand. */
#include <cpuid.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <asm/prctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>

#include "cpu_area.h"
#include "kernel/panic.h"
#include "libos.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#define PR_SYS_DISPATCH_ON 1
#endif

#define ALT_STACK_SIZE (64 * 1024)
/* tile state needs permission first; user programs here get none */
#define XSTATE_AMX_TILE 0x60000ull

void libos_enter(struct libos_cpu *cpu);
extern const char libos_enter_end[];
void libos_resume(void);
void libos_trap_signal(int sig, siginfo_t *info, void *uc);

/* The signals a trap raises; the preemption signal (turn.c) is added at start-up, since its number
   is only known then. */
static int trap_signals[] = {SIGSYS, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, 0};
static struct sigaction previous[ARRAY_SIZE(trap_signals)];
static uint64_t xsave_mask;
static __thread struct libos_cpu *this_cpu;

struct libos_cpu *libos_cpus[LIBOS_MAX_CPUS];
static struct hal_lock cpus_lock = HAL_LOCK_INIT;
static pthread_key_t cpu_release_key;

/* Which vector state the CPU has enabled (XCR0), and that our save area is large enough for it. */
static void probe_xsave(void)
{
    unsigned a, b, c, d;
    __cpuid_count(1, 0, a, b, c, d);
    if (!(c & bit_XSAVE) || !(c & bit_OSXSAVE))
        libos_refuse("the CPU has no xsave, which saves a user program's vector registers");
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    xsave_mask = (((uint64_t)hi << 32) | lo) & ~XSTATE_AMX_TILE;
    size_t need = 576; /* legacy area and header */
    for (int i = 2; i < 63; i++) {
        if (!(xsave_mask & (1ull << i)))
            continue;
        __cpuid_count(0xd, i, a, b, c, d);
        if (b + a > need)
            need = b + a; /* b: offset of component i, a: its size */
    }
    if (need > X86_FPU_AREA_SIZE)
        panic("xsave area of %zu bytes does not fit the context", need);
}

/* A free CPU area from the list, or a new one with its signal stack; NULL when the list is full. */
static struct libos_cpu *take_cpu_area(void)
{
    hal_lock_acquire(&cpus_lock);
    struct libos_cpu *cpu = NULL;
    int i = 0;
    for (; i < LIBOS_MAX_CPUS && libos_cpus[i]; i++) {
        if (!libos_cpus[i]->taken) {
            cpu = libos_cpus[i];
            break;
        }
    }
    if (!cpu && i < LIBOS_MAX_CPUS) {
        cpu = calloc(1, sizeof *cpu);
        void *alt =
            mmap(NULL, ALT_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (cpu && alt != MAP_FAILED) {
            cpu->alt_lo = (uint64_t)alt;
            cpu->alt_hi = (uint64_t)alt + ALT_STACK_SIZE;
            cpu->xsave_mask = xsave_mask;
            __atomic_store_n(&libos_cpus[i], cpu, __ATOMIC_RELEASE);
        } else {
            free(cpu);
            cpu = NULL;
        }
    }
    if (cpu)
        cpu->taken = true;
    hal_lock_release(&cpus_lock);
    return cpu;
}

/* When a host thread that ran user code ends, its CPU area is free for another. The ending thread
   still makes system calls on its way out (the C library unmaps its stack with every signal
   blocked), so first it lets go of the area: the dispatch must stop watching a selector that the
   next owner will set to BLOCK, or one of those calls becomes a SIGSYS that cannot be delivered and
   ends the whole process; and its signals must no longer land on a stack the next owner uses. */
static void release_cpu_area(void *p)
{
    struct libos_cpu *cpu = p;
    stack_t none = {.ss_flags = SS_DISABLE};
    if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0) ||
        sigaltstack(&none, NULL))
        panic("cannot let go of a CPU area");
    hal_lock_acquire(&cpus_lock);
    cpu->taken = false;
    hal_lock_release(&cpus_lock);
}

/* The first time a host thread runs user code: give it a CPU area, its signal stack, and the
   dispatch; record its segment bases for the way of switching them that it will use (tls.c). */
static struct libos_cpu *setup_cpu(void)
{
    struct libos_cpu *cpu = take_cpu_area();
    if (!cpu)
        panic("more than %d host threads run user code at once", LIBOS_MAX_CPUS);
    cpu->tls_by_syscall = libos_tls_path() == LIBOS_TLS_SYSCALL;
    if (syscall(SYS_arch_prctl, ARCH_GET_FS, &cpu->kernel_fs) ||
        syscall(SYS_arch_prctl, ARCH_GET_GS, &cpu->user_gs))
        panic("cannot read this thread's segment bases");
    stack_t alt = {.ss_sp = (void *)cpu->alt_lo, .ss_size = ALT_STACK_SIZE};
    if (sigaltstack(&alt, NULL))
        panic("cannot set up a CPU for user mode");
    pthread_setspecific(cpu_release_key, cpu);
    cpu->pending = libos_thread_pending_flag();
    if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0, 0, &cpu->selector))
        panic("cannot turn on Syscall User Dispatch for a new thread");
    return cpu;
}

void libos_context_init(void)
{
    libos_tls_init();
    probe_xsave();
    if (pthread_key_create(&cpu_release_key, release_cpu_area))
        panic("cannot create the CPU area key");
    libos_turn_init();
    trap_signals[ARRAY_SIZE(trap_signals) - 1] = libos_preempt_signal;
    for (size_t i = 0; i < ARRAY_SIZE(trap_signals); i++) {
        struct sigaction sa = {0};
        sa.sa_sigaction = libos_trap_signal;
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
        sigemptyset(&sa.sa_mask);
        /* a poke never lands inside a trap's handler */
        sigaddset(&sa.sa_mask, libos_preempt_signal);
        if (sigaction(trap_signals[i], &sa, &previous[i]))
            panic("cannot install the trap handler for signal %d", trap_signals[i]);
    }
}

/* Whether the CPU can load this segment base. wrfsbase takes any canonical address; arch_prctl only
   one in the user half. */
static bool base_loadable(const struct libos_cpu *cpu, uint64_t base)
{
    return cpu->tls_by_syscall ? base < X86_USER_HALF_END : x86_canonical(base);
}

void hal_context_run(struct hal_context *ctx, struct hal_trap *trap)
{
    if (!this_cpu)
        this_cpu = setup_cpu();
    ctx->rflags = (ctx->rflags & X86_RFLAGS_USER_MASK) | X86_RFLAGS_ALWAYS;
    /* What would fault inside libos_enter: iretq to a non-canonical address, a base that cannot
       load. */
    if (!x86_canonical(ctx->rip) || !base_loadable(this_cpu, ctx->fsbase) ||
        !base_loadable(this_cpu, ctx->gsbase)) {
        *trap = (struct hal_trap){.kind = HAL_TRAP_OTHER, .code = SIGSEGV};
        return;
    }
    this_cpu->ctx = ctx;
    /* unless a trap says otherwise */
    this_cpu->trap = (struct hal_trap){.kind = HAL_TRAP_INTERRUPT};
    libos_turn_take();
    libos_mmu_sync();
    libos_enter(this_cpu);
    libos_turn_give();
    *trap = this_cpu->trap;
    if (trap->kind == HAL_TRAP_INTERRUPT)
        __atomic_store_n(this_cpu->pending, 0, __ATOMIC_SEQ_CST); /* the request is served */
}

/* How the x86 page-fault error code describes the access. */
#define PF_WRITE 0x2
#define PF_FETCH 0x10
#define X86_VECTOR_PAGE_FAULT 14

static void describe_trap(int sig, const siginfo_t *info, const greg_t *g, struct hal_trap *trap)
{
    *trap = (struct hal_trap){.code = (uint64_t)sig};
    switch (sig) {
    case SIGSYS:
        trap->kind = HAL_TRAP_SYSCALL;
        break;
    case SIGSEGV:
    case SIGBUS:
        if (sig == SIGSEGV && g[REG_TRAPNO] != X86_VECTOR_PAGE_FAULT) {
            /* a general protection fault: a non-canonical address, say */
            trap->kind = HAL_TRAP_OTHER;
            break;
        }
        trap->kind = HAL_TRAP_PAGE_FAULT;
        trap->addr = (vaddr_t)info->si_addr;
        /* LAB ch01-fault-access BEGIN: tell a read from a write and from an instruction fetch, by
           the hardware's page-fault error code that Linux passes on in the signal frame
           (g[REG_ERR]).
           stub:
        trap->access = HAL_MMU_READ;
        */
        trap->access = g[REG_ERR] & PF_FETCH   ? HAL_MMU_EXEC
                       : g[REG_ERR] & PF_WRITE ? HAL_MMU_WRITE
                                               : HAL_MMU_READ;
        /* LAB END */
        break;
    case SIGILL:
        trap->kind = HAL_TRAP_ILLEGAL;
        break;
    case SIGTRAP:
        trap->kind = HAL_TRAP_BREAKPOINT;
        break;
    case SIGFPE:
        trap->kind = HAL_TRAP_ARITHMETIC;
        break;
    default: /* the preemption signal */
        trap->kind = HAL_TRAP_INTERRUPT;
        break;
    }
}

/* Called by libos_trap_signal for a trap from user code, on the alternate stack, with the kernel's
   thread pointer back in place. */
void libos_user_trap(int sig, siginfo_t *info, ucontext_t *uc, struct libos_cpu *cpu)
{
    greg_t *g = uc->uc_mcontext.gregs;
    struct hal_context *ctx = cpu->ctx;
    if (g[REG_RIP] >= (greg_t)libos_enter && g[REG_RIP] < (greg_t)libos_enter_end) {
        /* A poke in the last steps of entering: the user has run nothing, ctx is still right. */
        cpu->trap = (struct hal_trap){.kind = HAL_TRAP_INTERRUPT, .code = (uint64_t)sig};
        goto to_kernel;
    }
    ctx->rax = g[REG_RAX], ctx->rbx = g[REG_RBX], ctx->rcx = g[REG_RCX], ctx->rdx = g[REG_RDX];
    ctx->rsi = g[REG_RSI], ctx->rdi = g[REG_RDI], ctx->rbp = g[REG_RBP], ctx->rsp = g[REG_RSP];
    ctx->r8 = g[REG_R8], ctx->r9 = g[REG_R9], ctx->r10 = g[REG_R10], ctx->r11 = g[REG_R11];
    ctx->r12 = g[REG_R12], ctx->r13 = g[REG_R13], ctx->r14 = g[REG_R14], ctx->r15 = g[REG_R15];
    ctx->rip = g[REG_RIP], ctx->rflags = g[REG_EFL];
    describe_trap(sig, info, g, &cpu->trap);
    if (sig == SIGSYS) {
        /* What the syscall instruction itself does to these two, as on a real CPU. */
        ctx->rcx = ctx->rip;
        ctx->r11 = ctx->rflags;
    }
    /* Return from the signal into the kernel, not into the user. */
to_kernel:
    g[REG_RIP] = (greg_t)libos_resume;
    g[REG_RSP] = (greg_t)cpu->kernel_rsp;
    g[REG_RDI] = (greg_t)cpu;
    g[REG_EFL] = X86_RFLAGS_ALWAYS;
}

/* A trap signal that did not come from user code is the kernel's own fault. Say so, put the host
   terminal back (serial.c), then give the signal to whoever had it before (the address sanitizer,
   or the default action, which ends the process). */
void libos_kernel_fault(int sig, siginfo_t *info, ucontext_t *uc)
{
    greg_t *g = uc->uc_mcontext.gregs;
    kprintf("\n*** kernel fault: signal %d at pc 0x%lx, address %p\n", sig,
            (unsigned long)g[REG_RIP], info->si_addr);
    libos_serial_restore(); /* the process ends now: give the host terminal back */
    for (size_t i = 0; i < ARRAY_SIZE(trap_signals); i++) {
        if (trap_signals[i] != sig)
            continue;
        if ((previous[i].sa_flags & SA_SIGINFO) && previous[i].sa_sigaction) {
            previous[i].sa_sigaction(sig, info, uc);
            return;
        }
        /* returning re-runs the faulting instruction, which now ends the process */
        signal(sig, SIG_DFL);
    }
}
