/*: # x86_64: interrupts

Each HAL interrupt has an I/O APIC input and a vector, `X86_IRQ_VECTOR(irq)`. `hal_irq_register`
installs the handler and only then opens the input, so that no interrupt arrives without a handler.
Then it calls the handler once: the lines are edge-triggered, and a device that raised its line
while the input was still closed (the UART, when a key was pressed during boot) would otherwise wait
for ever, its line high, for a handler to serve it and let it make the next edge. Handlers check
their device, so a call with nothing to do is harmless. The two lines the kernel uses are:

| HAL irq          | device                                  | I/O APIC input |
|------------------|-----------------------------------------|----------------|
| `HAL_IRQ_TIMER`  | the HPET's comparator 0 (timer.c)       | 2              |
| `HAL_IRQ_SERIAL` | COM1, the 16550 UART (serial.c)         | 4              |

`x86_irq_dispatch` runs for every interrupt, whether it interrupted the kernel (kernel_trap.c) or a
user program (context.c), with interrupts off. It calls the handler, then signals the end of the
interrupt to the local APIC, which lets the next one in. The spurious vector is the one interrupt
that is not ended: the local APIC raises it when an interrupt went away before it could be
delivered. */
#include "hal/irq_table.h"
#include "kernel/panic.h"
#include "x86_64.h"

static const uint8_t ioapic_pin[HAL_IRQ_COUNT] = {[HAL_IRQ_TIMER] = 2, [HAL_IRQ_SERIAL] = 4};

void hal_irq_register(unsigned irq, hal_irq_handler handler, void *arg)
{
    if (irq >= HAL_IRQ_COUNT || !ioapic_pin[irq])
        panic("no such irq %u", irq);
    uint64_t flags = x86_irq_save();
    irq_table_set(irq, handler, arg);
    x86_ioapic_route(ioapic_pin[irq], X86_IRQ_VECTOR(irq), true);
    handler(irq, arg);
    x86_irq_restore(flags);
}

void x86_irq_dispatch(unsigned vector)
{
    if (vector == X86_VECTOR_SPURIOUS)
        return;
    irq_table_call(vector - X86_IRQ_VECTOR(0));
    x86_apic_eoi();
}
