/*: # riscv64: locks

Interrupts off first, then the spin: in the other order an interrupt handler could find the lock
taken by the code it interrupted, and spin for ever. The flag is taken with an atomic swap
(`amoswap.w.aq`, from the A extension) with acquire ordering, and given back with a release store,
so that the guarded data's accesses stay between the two. */
#include "csr.h"
#include "riscv.h"

void hal_lock_init(struct hal_lock *lock)
{
    *lock = (struct hal_lock)HAL_LOCK_INIT;
}

void hal_lock_acquire(struct hal_lock *lock)
{
    uint64_t status = csr_read_clear(sstatus, SSTATUS_SIE);
    while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
        ;
    lock->interrupts_were_on = (status & SSTATUS_SIE) != 0;
}

void hal_lock_release(struct hal_lock *lock)
{
    bool on = lock->interrupts_were_on;
    __atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
    if (on)
        csr_set(sstatus, SSTATUS_SIE);
}
