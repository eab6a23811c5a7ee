/*: # The table of interrupt handlers

Every target keeps the handlers that `hal_irq_register` installs in this one table; what differs
between targets is only how a line is switched on and how an interrupt arrives. A handler is looked
up under a lock and called without it, so a handler may itself register another. */
#ifndef ZINC_IRQ_TABLE_H
#define ZINC_IRQ_TABLE_H

#include "hal/irq.h"

/* Install handler for irq (panics for a number past HAL_IRQ_COUNT). */
void irq_table_set(unsigned irq, hal_irq_handler handler, void *arg);

/* Call irq's handler, if one is installed. */
void irq_table_call(unsigned irq);

#endif
