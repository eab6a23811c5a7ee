/*: # LibOS internals

What the files of the LibOS target share among themselves, and nothing above the HAL sees. */
#ifndef ZINC_LIBOS_H
#define ZINC_LIBOS_H

#include "hal/hal.h"

/* Physical memory: the memfd that holds it. */
int libos_pmem_fd(void);
void libos_pmem_init(void);

/* Interrupts: the thread that watches the timer and standard input. */
void libos_irq_start(void);
int libos_timer_fd(void);
void libos_timer_init(void);

/* Page tables: reserve the user range at start-up. */
void libos_mmu_init(void);

/* User mode: install the trap handlers. */
void libos_context_init(void);

/* Turns at the host address space (turn.c), and bringing this CPU's page table into it (mmu.c). */
extern int libos_preempt_signal;
void libos_turn_init(void);
void libos_turn_take(void);
void libos_turn_give(void);
void libos_mmu_sync(void);

/* The calling thread's flag that hal_thread_interrupt sets (thread.c). */
uint32_t *libos_thread_pending_flag(void);

void libos_set_boot_args(int argc, char **argv);

#endif
