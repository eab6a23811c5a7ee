/*: # LibOS: locks are host mutexes */
#include "libos.h"

void hal_lock_init(struct hal_lock *lock)
{
    pthread_mutex_init(&lock->mutex, NULL);
}

void hal_lock_acquire(struct hal_lock *lock)
{
    pthread_mutex_lock(&lock->mutex);
}

void hal_lock_release(struct hal_lock *lock)
{
    pthread_mutex_unlock(&lock->mutex);
}
