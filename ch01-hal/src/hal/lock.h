/*: # Locks

A `hal_lock` keeps kernel data consistent against other CPUs and against interrupt handlers. On bare
metal it disables interrupts on this CPU and spins on an atomic flag; on LibOS, where CPUs are host
threads and interrupt handlers run on a host thread of their own, it is a host mutex. Either way the
rule for the kernel is one: hold it briefly, never sleep while holding it. The state guarded by a
lock sits next to the lock, in the same struct (xv6 style). */
#ifndef ZINC_HAL_LOCK_H
#define ZINC_HAL_LOCK_H

#include "hal/types.h"

/* struct hal_lock and HAL_LOCK_INIT come from hal_arch.h. */
void hal_lock_init(struct hal_lock *lock);
void hal_lock_acquire(struct hal_lock *lock);
void hal_lock_release(struct hal_lock *lock);

#endif
