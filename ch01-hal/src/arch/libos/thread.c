/*: # LibOS: kernel threads are host threads

The host's scheduler runs them, on as many cores as the machine has: LibOS gets multiprocessing for
free. Parking is a condition variable on the thread's own wake token, timed on the monotonic clock
that `hal_timer_now` also reads. A thread's `struct hal_thread` is made when it first asks for it
and is never freed, because a waker may still hold it after the thread has ended; all of them stay
on one list. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>

#include "kernel/panic.h"
#include "libos.h"

struct hal_thread {
    pthread_mutex_t mutex; /* guards token and alive */
    pthread_cond_t cond;
    bool token;
    bool alive;     /* the host thread still runs: it may be poked */
    uint32_t interrupt_pending; /* atomic: set by hal_thread_interrupt, cleared when served */
    pthread_t host;
    void *local;
    void *release_list;
    void *wait_self;
    struct hal_thread *next; /* on the list of all of them */
};

static __thread struct hal_thread *self;
static struct {
    struct hal_lock lock;
    struct hal_thread *head;
} all_threads = {.lock = HAL_LOCK_INIT};

struct start {
    void (*fn)(void *);
    void *arg;
};

static void *trampoline(void *p)
{
    struct start s = *(struct start *)p;
    free(p);
    s.fn(s.arg);
    struct hal_thread *t = hal_thread_current();
    pthread_mutex_lock(&t->mutex);
    t->alive = false;
    pthread_mutex_unlock(&t->mutex);
    return NULL;
}

int hal_thread_spawn(void (*fn)(void *arg), void *arg)
{
    struct start *s = malloc(sizeof *s);
    if (!s)
        return HAL_ENOMEM;
    *s = (struct start){fn, arg};
    pthread_t t;
    if (pthread_create(&t, NULL, trampoline, s)) {
        free(s);
        return HAL_ENOMEM;
    }
    pthread_detach(t);
    return 0;
}

void hal_thread_yield(void)
{
    sched_yield();
}

struct hal_thread *hal_thread_current(void)
{
    if (!self) {
        pthread_condattr_t attr;
        self = calloc(1, sizeof *self);
        if (!self)
            panic("no memory for a thread");
        pthread_mutex_init(&self->mutex, NULL);
        self->host = pthread_self();
        self->alive = true;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
        pthread_cond_init(&self->cond, &attr);
        pthread_condattr_destroy(&attr);
        hal_lock_acquire(&all_threads.lock);
        self->next = all_threads.head;
        all_threads.head = self;
        hal_lock_release(&all_threads.lock);
    }
    return self;
}

bool hal_thread_park(uint64_t deadline)
{
    struct hal_thread *t = hal_thread_current();
    struct timespec until, now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    uint64_t wait = deadline == HAL_NO_DEADLINE ? (uint64_t)3600 * 1000000000u : 0;
    uint64_t hal_now = hal_timer_now();
    if (deadline != HAL_NO_DEADLINE && deadline > hal_now)
        wait = deadline - hal_now;
    uint64_t at = (uint64_t)now.tv_sec * 1000000000u + now.tv_nsec + wait;
    until.tv_sec = at / 1000000000u;
    until.tv_nsec = at % 1000000000u;

    pthread_mutex_lock(&t->mutex);
    while (!t->token) {
        if (pthread_cond_timedwait(&t->cond, &t->mutex, &until) == ETIMEDOUT) {
            if (deadline != HAL_NO_DEADLINE)
                break;
            until.tv_sec += 3600; /* no deadline: sleep on, an hour at a time */
        }
    }
    bool woken = t->token;
    t->token = false;
    pthread_mutex_unlock(&t->mutex);
    return woken;
}

void hal_thread_wake(struct hal_thread *t)
{
    pthread_mutex_lock(&t->mutex);
    t->token = true;
    pthread_cond_signal(&t->cond);
    pthread_mutex_unlock(&t->mutex);
}

void *hal_thread_local(void)
{
    return hal_thread_current()->local;
}

void hal_thread_set_local(void *p)
{
    hal_thread_current()->local = p;
}

void *hal_thread_release_list(void)
{
    return hal_thread_current()->release_list;
}

void hal_thread_set_release_list(void *p)
{
    hal_thread_current()->release_list = p;
}

void *hal_thread_wait_self(void)
{
    return hal_thread_current()->wait_self;
}

void hal_thread_set_wait_self(void *p)
{
    hal_thread_current()->wait_self = p;
}

void hal_thread_interrupt(struct hal_thread *t)
{
    /* The flag first: a thread about to enter user code checks it after it announced itself in user
       mode (context.S), so either it sees the flag or the signal finds it in user code. */
    __atomic_store_n(&t->interrupt_pending, 1, __ATOMIC_SEQ_CST);
    pthread_mutex_lock(&t->mutex);
    if (t->alive && !pthread_equal(t->host, pthread_self()))
        pthread_kill(t->host, libos_preempt_signal);
    pthread_mutex_unlock(&t->mutex);
}

uint32_t *libos_thread_pending_flag(void)
{
    return &hal_thread_current()->interrupt_pending;
}
