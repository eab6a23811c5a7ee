/*: # LibOS internals

What the files of the LibOS target share among themselves, and nothing above the HAL sees. */
#ifndef ZINC_LIBOS_H
#define ZINC_LIBOS_H

#include <pthread.h>

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

/* What the host must have (host.c): a host that lacks it gets one line saying why, and exit status
   2. */
void libos_check_host(void);
void libos_refuse(const char *why, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* The two ways to switch the thread pointer (tls.c). A thread takes the path chosen when it first
   runs user code; start-up chooses it, and the benchmark changes it to measure both. */
enum libos_tls_path { LIBOS_TLS_FSGSBASE, LIBOS_TLS_SYSCALL };
void libos_tls_init(void);
bool libos_tls_path_available(enum libos_tls_path path);
enum libos_tls_path libos_tls_path(void);
void libos_tls_set_path(enum libos_tls_path path);
const char *libos_tls_path_name(enum libos_tls_path path);
/* Whether user code may move its own segment bases with the fsgsbase instructions, behind the
   kernel's back: on the system-call path the kernel's record in the context is the truth. */
bool libos_user_sets_own_bases(void);

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

/* The host terminal, when standard input is one (serial.c): raw while Zinc runs, its settings put
   back by libos_serial_restore (safe in a signal handler) on every way out. */
void libos_serial_init(void);
void libos_serial_restore(void);

#endif
