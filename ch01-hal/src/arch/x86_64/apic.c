/*: # x86_64: the interrupt controllers

A PC has had three generations of interrupt controller, and QEMU's has all of them:

- the **8259 PICs**, the original pair, which deliver the ISA interrupts 0..15. Zinc turns them off.
  They must first be told to use vectors 32..47, because after reset they would use 8..15, which are
  the CPU's exceptions: a stray interrupt from them would look like a double fault.
- the **local APIC**, one per CPU, at the physical address in the `APIC_BASE` model-specific
  register (by default `0xfee00000`). It accepts interrupts for its CPU, and the kernel ends each
  one by writing its end-of-interrupt register. It can also send an interrupt to a CPU, its own or
  another, which timer.c uses.
- the **I/O APIC** at `0xfec00000`, which receives the devices' interrupt lines and sends each as a
  message to a local APIC, with the vector its *redirection entry* gives. QEMU wires the ISA
  interrupts to the I/O APIC inputs of the same number, except ISA interrupt 0 (the timer), which
  arrives at input 2.

All three are device registers, reached through the direct map (whose pages outside RAM are
uncached). */
#include "kernel/panic.h"
#include "x86_64.h"

#define PIC1 0x20
#define PIC2 0xa0
#define IOAPIC_BASE 0xfec00000ul

#define LAPIC_ID 0x20
#define LAPIC_TPR 0x80
#define LAPIC_EOI 0xb0
#define LAPIC_SVR 0xf0
#define LAPIC_ICR_LOW 0x300
#define LAPIC_LVT_LINT0 0x350
#define SVR_ENABLE 0x100
#define LVT_MASKED 0x10000
#define LAPIC_ICR_HIGH 0x310
#define ICR_PENDING (1 << 12)

#define IOREGSEL 0x00
#define IOWIN 0x10
#define IOAPIC_VERSION 0x01
#define IOAPIC_REDIRECTION(pin) (0x10 + 2 * (pin))
#define REDIRECTION_MASKED 0x10000

static paddr_t lapic;
static uint32_t bsp_apic_id;

static uint32_t lapic_read(unsigned reg)
{
    return *(volatile uint32_t *)x86_phys(lapic + reg);
}

static void lapic_write(unsigned reg, uint32_t v)
{
    *(volatile uint32_t *)x86_phys(lapic + reg) = v;
}

static uint32_t ioapic_read(unsigned reg)
{
    *(volatile uint32_t *)x86_phys(IOAPIC_BASE + IOREGSEL) = reg;
    return *(volatile uint32_t *)x86_phys(IOAPIC_BASE + IOWIN);
}

static void ioapic_write(unsigned reg, uint32_t v)
{
    *(volatile uint32_t *)x86_phys(IOAPIC_BASE + IOREGSEL) = reg;
    *(volatile uint32_t *)x86_phys(IOAPIC_BASE + IOWIN) = v;
}

/* Re-base the PICs at vectors 32..47 (initialisation words ICW1..ICW4), then mask every line. */
static void pic_disable(void)
{
    outb(PIC1, 0x11), outb(PIC2, 0x11);         /* ICW1: initialise, ICW4 follows */
    outb(PIC1 + 1, 32), outb(PIC2 + 1, 40);     /* ICW2: the first vector */
    outb(PIC1 + 1, 1 << 2), outb(PIC2 + 1, 2);  /* ICW3: the second PIC is on line 2 of the first */
    outb(PIC1 + 1, 1), outb(PIC2 + 1, 1);       /* ICW4: 8086 mode */
    outb(PIC1 + 1, 0xff), outb(PIC2 + 1, 0xff); /* mask all */
}

void x86_apic_init(void)
{
    pic_disable();
    lapic = rdmsr(MSR_APIC_BASE) & ~0xffful;
    if (lapic >= x86_direct_map_size)
        panic("the local APIC at 0x%lx is outside the direct map", (unsigned long)lapic);
    lapic_write(LAPIC_SVR, SVR_ENABLE | X86_VECTOR_SPURIOUS);
    lapic_write(LAPIC_TPR, 0);                /* accept every priority */
    lapic_write(LAPIC_LVT_LINT0, LVT_MASKED); /* the PICs' old way in */
    bsp_apic_id = lapic_read(LAPIC_ID) >> 24;

    unsigned pins = ((ioapic_read(IOAPIC_VERSION) >> 16) & 0xff) + 1;
    for (unsigned pin = 0; pin < pins; pin++)
        x86_ioapic_route(pin, X86_IRQ_VECTOR(0), false);
}

/* Send input pin to vector on the boot CPU: fixed delivery, edge-triggered, active high, as ISA
   lines are. */
void x86_ioapic_route(unsigned pin, unsigned vector, bool enabled)
{
    ioapic_write(IOAPIC_REDIRECTION(pin) + 1, bsp_apic_id << 24);
    ioapic_write(IOAPIC_REDIRECTION(pin), vector | (enabled ? 0 : REDIRECTION_MASKED));
}

void x86_apic_eoi(void)
{
    lapic_write(LAPIC_EOI, 0);
}

/* Send an interrupt: the destination's APIC id in the high half of the command register, then what
   and how in the low half, whose write sends it. Interrupts off, so that no handler on this CPU
   sends another between the two writes. */
void x86_apic_send(uint32_t apic_id, uint32_t command)
{
    uint64_t flags = x86_irq_save();
    lapic_write(LAPIC_ICR_HIGH, apic_id << 24);
    lapic_write(LAPIC_ICR_LOW, command);
    while (lapic_read(LAPIC_ICR_LOW) & ICR_PENDING)
        ;
    x86_irq_restore(flags);
}

/* Raise vector where the I/O APIC sends the devices' interrupts, as if a device had. */
void x86_apic_raise(unsigned vector)
{
    x86_apic_send(bsp_apic_id, vector);
}
