/*: # x86_64: segments and the task state segment

Long mode keeps segmentation only for what privilege needs. The GDT (global descriptor table) holds
one 8-byte descriptor per segment; a selector (layout.h) is an offset into it plus the privilege
level. The code segments say whether code runs in the kernel (level 0) or the user's (level 3) mode
and that it is 64-bit code; the data segments only need to exist. The order is fixed by
`syscall`/`sysret` (layout.h).

The last descriptor, twice as long, points to the **TSS**. Despite its name it no longer switches
tasks; it tells the CPU which stack to use for a trap:

- `rsp[0]`: for a trap from user mode. The CPU cannot push the trap frame onto the user's stack,
  which it does not trust, so it switches to this one first. `hal_context_run` points it at its own
  stack (context.S) each time it enters user mode.
- `ist[0]`: for the traps that may arrive when no stack is trustworthy, even in kernel mode: the
  non-maskable interrupt, the machine check, and the double fault (a fault while delivering a fault,
  for example because the kernel's stack overflowed). idt.c sends those three here.

That last case is how a kernel stack overflow becomes a clean panic. The function that overflows
stores into its stack's guard page (arch/metal/metal.h), which is a page fault; to deliver it, the
CPU pushes the trap frame on the same stack, below the same unmapped address, and faults again. A
fault while delivering a page fault is a double fault, and the double fault switches to `ist[0]`
whatever the state of the stack it left, so `x86_kernel_trap` runs and can name the stack whose
guard page `cr2` points into. The double-fault stack has a guard page of its own. */
#include "cpu_area.h"
#include "metal.h"
#include "x86_64.h"

#define IST_STACK_SIZE 8192

struct x86_tss x86_tss;
static struct {
    uint8_t guard[PAGE_SIZE];
    uint8_t stack[IST_STACK_SIZE];
} ist __attribute__((aligned(PAGE_SIZE)));

static const uint64_t template[X86_GDT_ENTRIES] = {
    0,
    0x00209a0000000000, /* KERNEL_CS: present, code, long mode, level 0 */
    0x0000920000000000, /* KERNEL_DS: present, data, writable */
    0,                  /* sysret's 32-bit user code: unused */
    0x0000f20000000000, /* USER_DS: present, data, writable, level 3 */
    0x0020fa0000000000, /* USER_CS: present, code, long mode, level 3 */
    0, 0,               /* TSS_SEL: filled in by x86_gdt_load */
};
static uint64_t boot_gdt[X86_GDT_ENTRIES];

void x86_gdt_init(void)
{
    x86_tss.ist[0] = (uint64_t)ist.stack + IST_STACK_SIZE;
    metal_register_stack("the double-fault stack (IST 1)", ist.guard);
    x86_gdt_load(boot_gdt, &x86_tss);
}

/*: `x86_gdt_load` fills a table from the template, with a TSS descriptor for the running CPU's
TSS, and loads both. (Each CPU needs a TSS of its own, since the stacks in it are its own.) */
void x86_gdt_load(uint64_t gdt[X86_GDT_ENTRIES], struct x86_tss *tss)
{
    uint64_t base = (uint64_t)tss, limit = sizeof *tss - 1;
    for (int i = 0; i < X86_GDT_ENTRIES; i++)
        gdt[i] = template[i];
    tss->iomap_base = sizeof *tss;
    /* A 64-bit TSS descriptor: limit, base split in three, type 9 (available TSS), present. */
    gdt[TSS_SEL / 8] = (limit & 0xffff) | (base & 0xffffff) << 16 | 0x89ul << 40 |
                       ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
    gdt[TSS_SEL / 8 + 1] = base >> 32;

    struct {
        uint16_t limit;
        uint64_t base;
    } __attribute__((packed)) pointer = {X86_GDT_ENTRIES * 8 - 1, (uint64_t)gdt};
    /* Load the table, then reload every segment register from it: cs with a far return. */
    __asm__ volatile("lgdt %0\n"
                     "mov %1, %%ds\n"
                     "mov %1, %%es\n"
                     "mov %1, %%ss\n"
                     "pushq %2\n"
                     "lea 1f(%%rip), %%rax\n"
                     "push %%rax\n"
                     "lretq\n"
                     "1:\n"
                     "ltr %w3"
                     :
                     : "m"(pointer), "r"(KERNEL_DS), "i"(KERNEL_CS), "r"(TSS_SEL)
                     : "rax", "memory");
}
