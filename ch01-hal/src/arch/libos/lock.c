/*: # LibOS: locks are host mutexes

A `struct hal_lock` holds the bytes of a host mutex (arch/libos/hal_arch.h says why it does not name
the type); here they are one. */
#include "libos.h"

_Static_assert(sizeof(struct hal_lock) == sizeof(pthread_mutex_t), "a lock is a host mutex");
_Static_assert(_Alignof(struct hal_lock) >= _Alignof(pthread_mutex_t), "aligned as one");

static pthread_mutex_t *mutex_of(struct hal_lock *lock)
{
    return (pthread_mutex_t *)lock->mutex;
}

void hal_lock_init(struct hal_lock *lock)
{
    pthread_mutex_init(mutex_of(lock), NULL);
}

void hal_lock_acquire(struct hal_lock *lock)
{
    pthread_mutex_lock(mutex_of(lock));
}

void hal_lock_release(struct hal_lock *lock)
{
    pthread_mutex_unlock(mutex_of(lock));
}
