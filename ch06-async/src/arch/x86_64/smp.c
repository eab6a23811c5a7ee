/*: # x86_64: bringing up the other CPUs

At power-on only one CPU of a PC runs, the *bootstrap processor*; the others (the *application
processors*, APs) wait for two messages from its local APIC, sent as inter-processor interrupts:
INIT, which resets them, and then STARTUP (sent twice, as Intel's manual advises, in case the first
is missed), which starts each in real mode at page `vector × 4096`. Sent with the "all but myself"
shorthand, one message reaches every AP, so the kernel needs no list of them to start them; it only
needs their number, to know when all have arrived. That number is in the firmware's ACPI tables: the
*MADT* ("APIC" table) lists one local APIC per CPU (`count_cpus`). QEMU's firmware builds it from
`-smp`.

The page the APs start at must lie below 1 MiB, and must be free. The frame allocator never hands
out physical page 0 (kernel/frame.c), and nothing else uses it once the kernel runs (it held the
real-mode interrupt table of the BIOS), so the trampoline (trampoline.S) goes there. It needs page 0
mapped at address 0 while it turns paging on: `start_others` maps the first GiB there for as long as
the APs start, as boot.S did for the boot CPU, and takes it away when all have arrived.

Each AP then sets itself up in `x86_cpu_start`, on the stack of the idle thread prepared for it
(arch/metal/thread.c): a GDT of its own whose TSS is its own, the interrupt table every CPU shares,
its model-specific registers and its CPU area (context.c), and its local APIC. It waits for the boot
CPU's word that the start-up mapping is gone, and becomes its idle thread: from then on it takes
threads from the queue like every CPU. Kernel timers still interrupt the boot CPU only (the I/O APIC
sends it the HPET's interrupts, timer.c); a thread they wake is queued, and a sleeping CPU is sent
an interrupt to run it (`metal_cpu_kick`). */
#include <string.h>

#include "cpus.h"
#include "kernel/init.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "x86_64.h"

#define IST_STACK_SIZE 8192
#define LAPIC_ID 0x20
#define LAPIC_TPR 0x80
#define LAPIC_SVR 0xf0
#define LAPIC_ICR_LOW 0x300
#define LAPIC_ICR_HIGH 0x310
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_TIMER_INITIAL 0x380
#define LAPIC_TIMER_CURRENT 0x390
#define LAPIC_TIMER_DIVIDE 0x3e0
#define DIVIDE_BY_16 0x3
#define SLICE_NS 10000000ull
#define SVR_ENABLE 0x100
#define ICR_INIT 0x500
#define ICR_STARTUP 0x600
#define ICR_ASSERT (1 << 14)
#define ICR_PENDING (1 << 12)
#define ICR_ALL_BUT_SELF (3 << 18)
#define X86_IRQ_KICK 3 /* after timer, console, idle alarm: no handler, only an EOI */
#define ACPI_AREA 0xe0000ul
#define ACPI_AREA_END 0x100000ul
#define MADT_LOCAL_APIC 0
#define MADT_ENABLED 1
#define START_TIMEOUT_NS 5000000000ull

extern uint8_t x86_trampoline[], x86_trampoline_cr3[], x86_trampoline_next[],
    x86_trampoline_stacks[], x86_trampoline_end[];
extern uint64_t boot_pml4[512], boot_pdpt[512]; /* boot.S */

struct table_pointer {
    uint16_t limit;
    uint64_t base;
} __attribute__((packed));

static struct {
    struct table_pointer gdt, idt; /* the boot CPU's, which the others copy and share */
    uint32_t apic_id[X86_MAX_CPUS];
    uint32_t arrived;              /* atomic: how many APs have set themselves up */
    uint32_t go;                   /* atomic: the start-up mapping is gone; enter the scheduler */
    uint32_t slice_ticks;          /* the local APIC timer's count for SLICE_NS */
} smp;

static struct {
    uint64_t gdt[8];
    struct x86_tss tss;
    uint8_t ist[IST_STACK_SIZE] __attribute__((aligned(16)));
} cpu_tables[X86_MAX_CPUS];

static volatile uint32_t *lapic(unsigned reg)
{
    return (volatile uint32_t *)x86_phys((rdmsr(MSR_APIC_BASE) & ~0xffful) + reg);
}

/* Send an interrupt: the destination's APIC id in the high half, then what and how in the low
   half, whose write sends it. Interrupts off, so that no handler sends one between the writes. */
static void send_ipi(uint32_t apic_id, uint32_t command)
{
    uint64_t flags = x86_irq_save();
    *lapic(LAPIC_ICR_HIGH) = apic_id << 24;
    *lapic(LAPIC_ICR_LOW) = command;
    while (*lapic(LAPIC_ICR_LOW) & ICR_PENDING)
        __asm__ volatile("pause");
    x86_irq_restore(flags);
}

void metal_cpu_kick(unsigned cpu)
{
    send_ipi(smp.apic_id[cpu], X86_IRQ_VECTOR(X86_IRQ_KICK));
}

/*: **A slice for user programs.** The HPET's interrupts go to the boot CPU only, so a user program
that never traps, running on another CPU, would never come back to the kernel. Each CPU's local APIC
has a timer of its own, which counts down from a value at a rate of its own: `calibrate_slice`
measures that rate against the HPET once, and `hal_context_run` (context.c) starts the count for 10
ms before each turn of a user program. When it runs out, the interrupt (with no handler: it only
ends the turn) returns `HAL_TRAP_INTERRUPT`, and the kernel sees its timers' and threads' state
again. The same timer bounds the sleep of `hal_cpu_idle` (cpu.c). */
static void timer_setup(void)
{
    *lapic(LAPIC_TIMER_DIVIDE) = DIVIDE_BY_16;
    *lapic(LAPIC_LVT_TIMER) = X86_IRQ_VECTOR(X86_IRQ_KICK); /* one-shot */
}

void x86_cpu_slice(void)
{
    if (smp.slice_ticks)
        *lapic(LAPIC_TIMER_INITIAL) = smp.slice_ticks;
}

void x86_cpu_slice_stop(void)
{
    *lapic(LAPIC_TIMER_INITIAL) = 0;
}

static void delay(uint64_t ns)
{
    uint64_t until = hal_timer_now() + ns;
    while (hal_timer_now() < until)
        __asm__ volatile("pause");
}

static bool checksum_ok(const uint8_t *p, size_t n)
{
    uint8_t sum = 0;
    while (n--)
        sum += *p++;
    return sum == 0;
}

/*: The ACPI tables start at the *RSDP*, found by its signature on a 16-byte boundary in the BIOS's
area below 1 MiB; it points to the *RSDT*, a list of 32-bit physical addresses of the other tables,
each of which starts with a 36-byte header (signature, length, ...). The MADT's entries follow its
header and two more words; an entry of type 0 is a CPU's local APIC, enabled or not. */
static unsigned count_cpus(void)
{
    const uint8_t *rsdp = NULL;
    for (paddr_t pa = ACPI_AREA; pa < ACPI_AREA_END && !rsdp; pa += 16) {
        const uint8_t *p = (const uint8_t *)x86_phys(pa);
        if (!memcmp(p, "RSD PTR ", 8) && checksum_ok(p, 20))
            rsdp = p;
    }
    if (!rsdp)
        return 1;
    const uint8_t *rsdt = (const uint8_t *)x86_phys(*(const uint32_t *)(rsdp + 16));
    uint32_t rsdt_length = *(const uint32_t *)(rsdt + 4);
    for (uint32_t off = 36; off + 4 <= rsdt_length; off += 4) {
        const uint8_t *table = (const uint8_t *)x86_phys(*(const uint32_t *)(rsdt + off));
        if (memcmp(table, "APIC", 4))
            continue;
        uint32_t length = *(const uint32_t *)(table + 4);
        unsigned cpus = 0;
        for (uint32_t e = 44; e + 2 <= length && table[e + 1]; e += table[e + 1])
            if (table[e] == MADT_LOCAL_APIC && (*(const uint32_t *)(table + e + 4) & MADT_ENABLED))
                cpus++;
        return cpus ? cpus : 1;
    }
    return 1;
}

/* This AP's GDT: the boot CPU's, with its own TSS in the TSS descriptor (as gdt.c makes it). */
static void load_tables(unsigned index)
{
    uint64_t *gdt = cpu_tables[index].gdt;
    struct x86_tss *tss = &cpu_tables[index].tss;
    memcpy(gdt, (const void *)smp.gdt.base, smp.gdt.limit + 1);
    tss->ist[0] = (uint64_t)cpu_tables[index].ist + IST_STACK_SIZE;
    tss->iomap_base = sizeof *tss;
    uint64_t base = (uint64_t)tss, limit = sizeof *tss - 1;
    gdt[TSS_SEL / 8] = (limit & 0xffff) | (base & 0xffffff) << 16 | 0x89ul << 40 |
                       ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
    gdt[TSS_SEL / 8 + 1] = base >> 32;
    struct table_pointer pointer = {smp.gdt.limit, (uint64_t)gdt};
    __asm__ volatile("lgdt %0\n"
                     "mov %1, %%ds\n"
                     "mov %1, %%es\n"
                     "mov %1, %%ss\n"
                     "pushq %2\n"
                     "lea 1f(%%rip), %%rax\n"
                     "push %%rax\n"
                     "lretq\n"
                     "1:\n"
                     "ltr %w3\n"
                     "lidt %4"
                     :
                     : "m"(pointer), "r"(KERNEL_DS), "i"(KERNEL_CS), "r"(TSS_SEL), "m"(smp.idt)
                     : "rax", "memory");
    x86_context_init_cpu(index, tss);
}

NORETURN void x86_cpu_start(unsigned index);

NORETURN void x86_cpu_start(unsigned index)
{
    load_tables(index);
    *lapic(LAPIC_SVR) = SVR_ENABLE | X86_VECTOR_SPURIOUS;
    *lapic(LAPIC_TPR) = 0;
    timer_setup();
    smp.apic_id[index] = *lapic(LAPIC_ID) >> 24;
    __atomic_fetch_add(&smp.arrived, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_load_n(&smp.go, __ATOMIC_SEQ_CST))
        __asm__ volatile("pause");
    WRITE_CR(3, READ_CR(3)); /* forget the start-up mapping */
    metal_cpu_enter(index);
}

static void calibrate_slice(void)
{
    timer_setup();
    *lapic(LAPIC_TIMER_INITIAL) = UINT32_MAX;
    delay(SLICE_NS);
    uint32_t ticks = UINT32_MAX - *lapic(LAPIC_TIMER_CURRENT);
    *lapic(LAPIC_TIMER_INITIAL) = 0;
    smp.slice_ticks = ticks ? ticks : 1;
}

static void start_others(void)
{
    calibrate_slice();
    unsigned cpus = count_cpus();
    if (cpus > X86_MAX_CPUS)
        cpus = X86_MAX_CPUS;
    smp.apic_id[0] = *lapic(LAPIC_ID) >> 24;
    if (cpus == 1)
        return;
    __asm__ volatile("sgdt %0; sidt %1" : "=m"(smp.gdt), "=m"(smp.idt));
    uint8_t *page0 = hal_pmem_ptr(0);
    memcpy(page0, x86_trampoline, x86_trampoline_end - x86_trampoline);
    *(uint32_t *)(page0 + (x86_trampoline_cr3 - x86_trampoline)) = (uint64_t)boot_pml4 - KERNEL_VMA;
    uint64_t *stacks = (uint64_t *)(page0 + (x86_trampoline_stacks - x86_trampoline));
    for (unsigned i = 1; i < cpus; i++)
        if (!(stacks[i] = (uint64_t)metal_cpu_prepare(i)))
            panic("no memory for the stack of CPU %u", i);
    boot_pdpt[0] = boot_pdpt[510]; /* page 0 at 0, through boot.S's directory of the first GiB */
    boot_pml4[0] = boot_pml4[511];
    WRITE_CR(3, READ_CR(3));

    send_ipi(0, ICR_ALL_BUT_SELF | ICR_INIT | ICR_ASSERT);
    delay(10000000);
    for (int i = 0; i < 2; i++) {
        send_ipi(0, ICR_ALL_BUT_SELF | ICR_STARTUP | 0); /* vector 0: page 0 */
        delay(200000);
    }
    uint64_t give_up = hal_timer_now() + START_TIMEOUT_NS;
    while (__atomic_load_n(&smp.arrived, __ATOMIC_SEQ_CST) < cpus - 1 && hal_timer_now() < give_up)
        __asm__ volatile("pause");
    if (smp.arrived != cpus - 1)
        panic("%u of %u other CPUs started", smp.arrived, cpus - 1);
    boot_pml4[0] = 0;
    boot_pdpt[0] = 0;
    WRITE_CR(3, READ_CR(3));
    __atomic_store_n(&smp.go, 1, __ATOMIC_SEQ_CST);
}
INIT_STEP(start_others, INIT_KERNEL);
