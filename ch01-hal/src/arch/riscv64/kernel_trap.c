/*: # riscv64: traps in the kernel

An interrupt that arrives while the kernel runs is served here and the kernel goes on. An exception
in the kernel is the kernel's own bug: it never touches user memory directly (it reads and writes
user pages through the page table and the direct map, kernel/uspace.c; `sstatus.SUM` stays 0, so
even a stray access to a user address faults), so there is nothing to recover. The panic says what
happened, where, with which address, shows every register and a backtrace that runs through the trap
into the faulting code (trap.S left a frame record for it), and stops the machine with a failing
status.

The function that faulted may be a *leaf*, one that calls no other; gcc gives a leaf no frame
record, or takes it down early, so the walk from `s0` skips the leaf's caller. That caller is where
`ra` points, which is why the panic names the functions of both `pc` and `ra`.

A stack overflow reaches `riscv_kernel_stack_overflow` instead, on the trap stack kept for it
(trap.S), and the panic names the stack that ran into its guard page, then shows the same registers
and backtrace. */
#include "kernel/panic.h"
#include "ksyms.h"
#include "metal.h"
#include "riscv.h"

/* The frame riscv_kernel_vector saves: the pc in x0's slot, then x1 .. x31, then sstatus. */
struct riscv_frame {
    uint64_t x[32];
    uint64_t sstatus;
};

void riscv_kernel_trap(struct riscv_frame *f);
NORETURN void riscv_kernel_stack_overflow(struct riscv_frame *f);

#define CAUSE_LOAD_PAGE_FAULT 13
#define CAUSE_STORE_PAGE_FAULT 15

static const char *const exception_names[] = {
    "misaligned fetch", "fetch access fault", "illegal instruction", "breakpoint",
    "misaligned load", "load access fault", "misaligned store", "store access fault",
    "ecall from user mode", "ecall from supervisor mode", "exception 10", "exception 11",
    "instruction page fault", "load page fault", "exception 14", "store page fault",
};

static const char *const register_names[32] = {
    "pc", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1", "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

static void print_symbol(const char *reg, uint64_t addr)
{
    uint64_t offset;
    const char *name = ksym_lookup(addr, &offset);
    kprintf("    %s is in %s+0x%lx\n", reg, name ? name : "?", (unsigned long)offset);
}

static void print_trap(const char *prefix, const struct riscv_frame *f)
{
    uint64_t cause = csr_read(scause);
    kprintf("%s%s (scause %lu) at pc 0x%lx, address 0x%lx\n", prefix,
            cause < ARRAY_SIZE(exception_names) ? exception_names[cause] : "exception",
            (unsigned long)cause, (unsigned long)f->x[0], (unsigned long)csr_read(stval));
    print_symbol("pc", f->x[0]);
    print_symbol("ra", f->x[1]);
    for (int i = 0; i < 32; i++)
        kprintf("%4s %016lx%s", register_names[i], (unsigned long)f->x[i],
                i % 4 == 3 ? "\n" : "  ");
    kprintf("sstatus %016lx\n", (unsigned long)f->sstatus);
}

void riscv_kernel_trap(struct riscv_frame *f)
{
    uint64_t cause = csr_read(scause);
    if (cause & SCAUSE_INTERRUPT) {
        riscv_interrupt(cause & ~SCAUSE_INTERRUPT);
        return;
    }
    if ((cause == CAUSE_LOAD_PAGE_FAULT || cause == CAUSE_STORE_PAGE_FAULT) &&
        metal_stack_overflow(csr_read(stval))) { /* one the vector could not see: another stack's */
        print_trap("    the trap: ", f);
        hal_backtrace(16);
        hal_shutdown(PANIC_STATUS);
    }
    print_trap("\n*** kernel fault: ", f);
    panic("kernel fault");
}

void riscv_kernel_stack_overflow(struct riscv_frame *f)
{
    static bool reported;
    if (reported) /* overflowing again while reporting: say no more */
        hal_shutdown(PANIC_STATUS);
    reported = true;
    uint64_t guard = metal_stack_guard; /* the vector found sp in this guard page, or just above */
    metal_stack_guard = (uint64_t)riscv_overflow_guard; /* the stack now in use, for a next trap */
    if (!metal_stack_overflow(guard))
        kprintf("\n*** kernel panic: kernel stack overflow\n");
    print_trap("    the trap: ", f);
    hal_backtrace(16);
    hal_shutdown(PANIC_STATUS);
}
