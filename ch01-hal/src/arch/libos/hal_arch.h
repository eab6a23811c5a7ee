/*: # LibOS: the machine is a Linux process

What the LibOS target fixes for the layers above: its name, the range of user addresses, and what a
lock is. User programs live in the low 2 GiB of the process, an area the kernel reserves at start-up
and that no host library uses; that range also stays clear of the AddressSanitizer's shadow memory,
which begins just below 2 GiB. Locks are host mutexes. The register set is x86_64's, shared with the
bare-metal x86_64 target. */
#ifndef ZINC_HAL_ARCH_H
#define ZINC_HAL_ARCH_H

#include <pthread.h>

#include "context_x86.h"

#define HAL_ARCH_NAME "libos"
#define HAL_USER_BASE 0x10000ul
#define HAL_USER_END 0x7fff0000ul

struct hal_lock {
    pthread_mutex_t mutex;
};
#define HAL_LOCK_INIT {PTHREAD_MUTEX_INITIALIZER}

#endif
