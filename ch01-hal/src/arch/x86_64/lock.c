/*: # x86_64: locks

Interrupts off first, then the flag: a lock held by code that an interrupt handler on the same CPU
then tries to take would otherwise spin forever. While the lock is taken, the CPU waits in
`x86_relax` (relax.h). */
#include "arch/x86_64/relax.h"
#include "x86_64.h"

void hal_lock_init(struct hal_lock *lock)
{
    *lock = (struct hal_lock)HAL_LOCK_INIT;
}

void hal_lock_acquire(struct hal_lock *lock)
{
    uint64_t flags = x86_irq_save();
    while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
        x86_relax();
    lock->saved_irqs = flags;
}

void hal_lock_release(struct hal_lock *lock)
{
    uint64_t flags = lock->saved_irqs;
    __atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
    x86_irq_restore(flags);
}
