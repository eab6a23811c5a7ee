/*: # LibOS: the machine is a Linux process

What the LibOS target fixes for the layers above: its name, the range of user addresses, and what a
lock is. User programs live in the low 2 GiB of the process, an area the kernel reserves at start-up
and that no host library uses; that range also stays clear of the AddressSanitizer's shadow memory,
which begins just below 2 GiB. Locks are host mutexes. The register set is x86_64's, shared with the
bare-metal x86_64 target.

Every kernel file includes this one, so it includes no header of the host's C library: a lock is
the bytes of a host mutex, which only arch/libos/lock.c treats as one (and checks that size and
alignment agree). That keeps the kernel's own files free of the host's declarations, which would
clash with the Linux kernel's headers that chapter 7 includes for Linux's system-call interface. */
#ifndef ZINC_HAL_ARCH_H
#define ZINC_HAL_ARCH_H

#include "context_x86.h"

#define HAL_ARCH_NAME "libos"
#define HAL_USER_BASE 0x10000ul
#define HAL_USER_END 0x7fff0000ul

/* A pthread_mutex_t; all zeros is PTHREAD_MUTEX_INITIALIZER, in glibc */
struct hal_lock {
    _Alignas(8) unsigned char mutex[40];
};
#define HAL_LOCK_INIT {{0}}

#endif
