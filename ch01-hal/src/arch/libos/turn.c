/*: # LibOS: taking turns at the host address space

A LibOS "CPU" is a host thread, and there may be many, but the host process has one address space,
which can hold one page table at a time (arch/libos/mmu.c). So host threads take *turns* at running
user code: `libos_turn_take` waits for the turn, first come first served, and the holder gives it
back as soon as its user code traps. Threads of one process run one at a time as a result; kernel
code, and threads blocked in the kernel, do not need the turn at all.

A turn must not last for ever: a user program in an endless loop never traps by itself. A thread
that has waited 10 ms for the turn *pokes* the holder with a signal (`libos_preempt_signal`), which
makes the holder's `hal_context_run` return `HAL_TRAP_INTERRUPT`, exactly as a timer interrupt does
on bare metal. `hal_thread_interrupt` uses the same poke.

The turn is taken and given on every system call, so the uncontended case must be cheap: a ticket
lock whose counters are atomics, with the mutex and condition variable used only when someone has to
wait. */
#include <errno.h>
#include <signal.h>
#include <time.h>

#include "libos.h"

#define POKE_INTERVAL_NS 10000000

static struct {
    pthread_mutex_t mutex; /* with cond: for waiting only */
    pthread_cond_t cond;
    uint64_t next_ticket, serving; /* atomic: a ticket lock, tickets are served in order */
    uint64_t waiters;              /* atomic: how many sleep on cond */
    pthread_t holder;              /* atomic */
} turn = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0, 0};

int libos_preempt_signal;

void libos_turn_init(void)
{
    libos_preempt_signal = SIGRTMIN;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&turn.cond, &attr);
    pthread_condattr_destroy(&attr);
}

static struct timespec in_poke_interval(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_nsec += POKE_INTERVAL_NS;
    if (t.tv_nsec >= 1000000000) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000;
    }
    return t;
}

void libos_turn_take(void)
{
    uint64_t ticket = __atomic_fetch_add(&turn.next_ticket, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&turn.serving, __ATOMIC_SEQ_CST) != ticket) {
        pthread_mutex_lock(&turn.mutex);
        __atomic_fetch_add(&turn.waiters, 1, __ATOMIC_SEQ_CST);
        while (__atomic_load_n(&turn.serving, __ATOMIC_SEQ_CST) != ticket) {
            struct timespec until = in_poke_interval();
            if (pthread_cond_timedwait(&turn.cond, &turn.mutex, &until) == ETIMEDOUT &&
                __atomic_load_n(&turn.serving, __ATOMIC_SEQ_CST) != ticket)
                pthread_kill(__atomic_load_n(&turn.holder, __ATOMIC_SEQ_CST), libos_preempt_signal);
        }
        __atomic_fetch_sub(&turn.waiters, 1, __ATOMIC_SEQ_CST);
        pthread_mutex_unlock(&turn.mutex);
    }
    __atomic_store_n(&turn.holder, pthread_self(), __ATOMIC_SEQ_CST);
}

void libos_turn_give(void)
{
    __atomic_fetch_add(&turn.serving, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&turn.waiters, __ATOMIC_SEQ_CST)) {
        pthread_mutex_lock(&turn.mutex);
        pthread_cond_broadcast(&turn.cond);
        pthread_mutex_unlock(&turn.mutex);
    }
}
