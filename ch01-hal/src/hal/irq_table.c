/*: # The table of interrupt handlers, implemented */
#include "hal/irq_table.h"

#include "hal/hal.h"
#include "kernel/panic.h"

static struct {
    struct hal_lock lock;
    hal_irq_handler handler[HAL_IRQ_COUNT];
    void *arg[HAL_IRQ_COUNT];
} irqs = {.lock = HAL_LOCK_INIT};

void irq_table_set(unsigned irq, hal_irq_handler handler, void *arg)
{
    if (irq >= HAL_IRQ_COUNT)
        panic("no such irq %u", irq);
    hal_lock_acquire(&irqs.lock);
    irqs.handler[irq] = handler;
    irqs.arg[irq] = arg;
    hal_lock_release(&irqs.lock);
}

void irq_table_call(unsigned irq)
{
    if (irq >= HAL_IRQ_COUNT)
        return;
    hal_lock_acquire(&irqs.lock);
    hal_irq_handler handler = irqs.handler[irq];
    void *arg = irqs.arg[irq];
    hal_lock_release(&irqs.lock);
    if (handler)
        handler(irq, arg);
}
