/*: # Kernel threads

The kernel runs work on threads of its own: on LibOS each is a host thread, on bare metal a kernel stack that
the HAL switches to. A thread ends when its function returns. Chapter 3 builds the scheduler for user
threads on top of these. */
#ifndef ZINC_HAL_THREAD_H
#define ZINC_HAL_THREAD_H

#include "hal/types.h"

/* Start a kernel thread running fn(arg). Returns 0, or HAL_ENOMEM. */
int hal_thread_spawn(void (*fn)(void *arg), void *arg);

/* Let other kernel threads run. */
void hal_thread_yield(void);

#endif
