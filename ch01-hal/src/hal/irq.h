/*: # Interrupts

A device tells the kernel that something happened by raising an interrupt; the kernel registers one
handler per interrupt line. Handlers run in interrupt context: they may take a `hal_lock` but never
sleep. The HAL numbers the two lines the kernel needs on every target; a platform's other devices
get their own numbers above these. On LibOS, a host thread watches a timerfd and standard input and
calls the handlers, so even there the timer and the console arrive as interrupts. */
#ifndef ZINC_HAL_IRQ_H
#define ZINC_HAL_IRQ_H

#include "hal/types.h"

#define HAL_IRQ_TIMER 0
#define HAL_IRQ_SERIAL 1
#define HAL_IRQ_COUNT 16

typedef void (*hal_irq_handler)(unsigned irq, void *arg);

/* Install handler for irq (replacing any earlier one) and unmask the line. */
void hal_irq_register(unsigned irq, hal_irq_handler handler, void *arg);

#endif
