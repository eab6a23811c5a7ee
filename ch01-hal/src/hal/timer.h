/*: # The timer

Two operations are enough for every timeout in the kernel: read a monotonic clock, and ask for one
interrupt at a deadline. The kernel keeps its own queue of deadlines (kernel/timer.c) and programs
the hardware for the earliest; when `HAL_IRQ_TIMER` fires it runs the callbacks that are due. */
#ifndef ZINC_HAL_TIMER_H
#define ZINC_HAL_TIMER_H

#include "hal/types.h"

#define HAL_NO_DEADLINE UINT64_MAX

/* Nanoseconds since boot; never goes backwards. */
uint64_t hal_timer_now(void);

/* Raise HAL_IRQ_TIMER once, as soon as hal_timer_now() >= deadline. A new deadline replaces the
   previous one; HAL_NO_DEADLINE cancels it. A deadline in the past fires at once. */
void hal_timer_set_deadline(uint64_t deadline);

#endif
