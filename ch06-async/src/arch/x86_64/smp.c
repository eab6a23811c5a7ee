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
(arch/metal/thread.c), with chapter 1's functions called once more: a GDT of its own whose TSS is
its own (gdt.c), its CPU area (percpu.c), the interrupt table every CPU shares, its model-specific
registers (context.c), and its local APIC. It waits for the boot CPU's word that the start-up
mapping is gone, and becomes its idle thread: from then on it takes threads from the queue like
every CPU. */
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
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_TIMER_INITIAL 0x380
#define LAPIC_TIMER_CURRENT 0x390
#define LAPIC_TIMER_DIVIDE 0x3e0
#define DIVIDE_BY_16 0x3
#define TICK_NS 10000000ull
#define LVT_PERIODIC (1 << 17)
#define SVR_ENABLE 0x100
#define ICR_INIT 0x500
#define ICR_STARTUP 0x600
#define ICR_ASSERT (1 << 14)
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

static struct {
    struct {
        uint16_t limit;
        uint64_t base;
    } __attribute__((packed)) idt; /* the boot CPU's, which the others share */
    uint32_t apic_id[X86_MAX_CPUS];
    uint32_t arrived;              /* atomic: how many APs have set themselves up */
    uint32_t go;                   /* atomic: the start-up mapping is gone; enter the scheduler */
    uint32_t tick_count;           /* the local APIC timer's count for TICK_NS; 0: no tick */
} smp;

static struct {
    uint64_t gdt[X86_GDT_ENTRIES];
    struct x86_tss tss;
    uint8_t ist[IST_STACK_SIZE] __attribute__((aligned(16)));
} cpu_tables[X86_MAX_CPUS];

static volatile uint32_t *lapic(unsigned reg)
{
    return (volatile uint32_t *)x86_phys((rdmsr(MSR_APIC_BASE) & ~0xffful) + reg);
}

void metal_cpu_kick(unsigned cpu)
{
    x86_apic_send(smp.apic_id[cpu], X86_IRQ_VECTOR(X86_IRQ_KICK));
}

/*: **A tick on every CPU.** The HPET's interrupts go to the boot CPU only, so a user program
that never traps, running on another CPU, would never come back to the kernel, and the other tasks
of that CPU's executor would wait for ever. Each CPU's local APIC has a timer of its own, which
counts down from a value at a rate of its own: `calibrate_tick` measures that rate against the
HPET once, and each CPU then runs its timer in periodic mode, every 10 ms. Its interrupt has no
handler: it ends a user program's turn (`hal_context_run` returns `HAL_TRAP_INTERRUPT`), and bounds
the sleep of `hal_cpu_idle` (chapter 1's cpu.c, whose HPET alarm wakes the boot CPU alone). An idle
CPU stops its tick while it sleeps (cpu_local.h), so that a machine with nothing to do stays
asleep. One CPU needs no tick: the HPET reaches it. */
static void tick_setup(uint32_t mode)
{
    *lapic(LAPIC_TIMER_DIVIDE) = DIVIDE_BY_16;
    *lapic(LAPIC_LVT_TIMER) = X86_IRQ_VECTOR(X86_IRQ_KICK) | mode;
}

void x86_tick_start(void)
{
    if (smp.tick_count)
        *lapic(LAPIC_TIMER_INITIAL) = smp.tick_count;
}

void x86_tick_stop(void)
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

NORETURN void x86_cpu_start(unsigned index);

NORETURN void x86_cpu_start(unsigned index)
{
    struct x86_tss *tss = &cpu_tables[index].tss;
    tss->ist[0] = (uint64_t)cpu_tables[index].ist + IST_STACK_SIZE;
    x86_gdt_load(cpu_tables[index].gdt, tss);
    x86_cpu_area_init(index, tss);
    __asm__ volatile("lidt %0" ::"m"(smp.idt));
    x86_context_init();
    *lapic(LAPIC_SVR) = SVR_ENABLE | X86_VECTOR_SPURIOUS;
    *lapic(LAPIC_TPR) = 0;
    smp.apic_id[index] = *lapic(LAPIC_ID) >> 24;
    __atomic_fetch_add(&smp.arrived, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_load_n(&smp.go, __ATOMIC_SEQ_CST))
        x86_relax();
    WRITE_CR(3, READ_CR(3)); /* forget the start-up mapping */
    tick_setup(LVT_PERIODIC);
    x86_tick_start();
    metal_cpu_enter(index);
}

static uint32_t calibrate_tick(void)
{
    tick_setup(0); /* one-shot */
    *lapic(LAPIC_TIMER_INITIAL) = UINT32_MAX;
    delay(TICK_NS);
    uint32_t count = UINT32_MAX - *lapic(LAPIC_TIMER_CURRENT);
    *lapic(LAPIC_TIMER_INITIAL) = 0;
    return count ? count : 1;
}

static void start_others(void)
{
    unsigned cpus = count_cpus();
    if (cpus > X86_MAX_CPUS)
        cpus = X86_MAX_CPUS;
    smp.apic_id[0] = *lapic(LAPIC_ID) >> 24;
    if (cpus == 1)
        return;
    uint32_t tick = calibrate_tick();
    __asm__ volatile("sidt %0" : "=m"(smp.idt));
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

    x86_apic_send(0, ICR_ALL_BUT_SELF | ICR_INIT | ICR_ASSERT);
    delay(10000000);
    for (int i = 0; i < 2; i++) {
        x86_apic_send(0, ICR_ALL_BUT_SELF | ICR_STARTUP | 0); /* vector 0: page 0 */
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
    smp.tick_count = tick;
    __atomic_store_n(&smp.go, 1, __ATOMIC_SEQ_CST);
    tick_setup(LVT_PERIODIC);
    x86_tick_start();
    while (__atomic_load_n(&metal_cpu_count, __ATOMIC_SEQ_CST) < cpus) /* all in the scheduler */
        x86_relax();
}
INIT_STEP(start_others, INIT_KERNEL);
