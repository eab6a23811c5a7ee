/*: # x86_64: traps in kernel mode

A trap that interrupts the kernel itself arrives here from trap.S with the whole register state in a
`struct x86_trap_frame`. An interrupt is served and the kernel resumes. An exception in kernel mode
is a bug in the kernel (it never touches user memory directly; see kernel/uspace.c), so it is
reported as fully as the machine allows, and the run ends with the panic status: the cause, the
faulting address for a page fault, every register, and the backtrace of the function that faulted. A
page fault or a double fault at an address in a stack's guard page is a stack overflow, and the
panic says whose (gdt.c). */
#include "kernel/panic.h"
#include "ksyms.h"
#include "metal.h"
#include "x86_64.h"

struct x86_trap_frame {
    /* pushed by trap.S */
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx, rax;
    /* by the stub */
    uint64_t vector, error;
    /* by the CPU */
    uint64_t rip, cs, rflags, rsp, ss;
};

#define VEC_DOUBLE_FAULT 8
#define VEC_PAGE_FAULT 14

static const char *const exception_names[] = {
    "divide error",
    "debug",
    "non-maskable interrupt",
    "breakpoint",
    "overflow",
    "bound range",
    "invalid opcode",
    "device not available",
    "double fault",
    "coprocessor segment overrun",
    "invalid TSS",
    "segment not present",
    "stack fault",
    "general protection fault",
    "page fault",
    "reserved",
    "x87 floating-point error",
    "alignment check",
    "machine check",
    "SIMD floating-point error",
    "virtualization exception",
    "control protection fault",
};

static NORETURN void kernel_fault(const struct x86_trap_frame *f)
{
    static bool panicking;
    if (panicking) /* a fault while reporting one: say nothing more */
        hal_shutdown(PANIC_STATUS);
    panicking = true;
    const char *name =
        f->vector < ARRAY_SIZE(exception_names) ? exception_names[f->vector] : "exception";
    uint64_t offset = 0;
    const char *function = ksym_lookup(f->rip, &offset);
    bool overflow = (f->vector == VEC_PAGE_FAULT || f->vector == VEC_DOUBLE_FAULT) &&
                    metal_stack_overflow(READ_CR(2)); /* prints its own first line */
    kprintf("%s%s (vector %lu, error 0x%lx) at pc 0x%lx %s+0x%lx\n",
            overflow ? "    after a " : "\n*** kernel panic: ", name, (unsigned long)f->vector,
            (unsigned long)f->error, (unsigned long)f->rip, function ? function : "?",
            (unsigned long)offset);
    if (f->vector == VEC_PAGE_FAULT)
        kprintf("    faulting address 0x%lx (%s, %s)\n", (unsigned long)READ_CR(2),
                f->error & 2 ? "write" : f->error & 0x10 ? "instruction fetch" : "read",
                f->error & 1 ? "page present" : "page not present");
    kprintf("    rax %016lx  rbx %016lx  rcx %016lx  rdx %016lx\n", f->rax, f->rbx, f->rcx, f->rdx);
    kprintf("    rsi %016lx  rdi %016lx  rbp %016lx  rsp %016lx\n", f->rsi, f->rdi, f->rbp, f->rsp);
    kprintf("    r8  %016lx  r9  %016lx  r10 %016lx  r11 %016lx\n", f->r8, f->r9, f->r10, f->r11);
    kprintf("    r12 %016lx  r13 %016lx  r14 %016lx  r15 %016lx\n", f->r12, f->r13, f->r14, f->r15);
    kprintf("    rip %016lx  rflags %08lx  cs %04lx  ss %04lx  cr3 %016lx\n", f->rip, f->rflags,
            f->cs, f->ss, READ_CR(3));
    kprintf("called from:\n");
    x86_backtrace_from(f->rbp, 16);
    hal_shutdown(PANIC_STATUS);
}

void x86_kernel_trap(struct x86_trap_frame *f);

void x86_kernel_trap(struct x86_trap_frame *f)
{
    if (f->vector < 32)
        kernel_fault(f);
    x86_irq_dispatch(f->vector);
}
