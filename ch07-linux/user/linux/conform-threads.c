/*: # Conformance: POSIX threads

The conformance suite's thread program: what a C library's threads promise, as a program sees them,
built twice (against musl as /bin/conform-threads, against glibc as /bin/glibc-conform-threads) and
run on Linux first. Each C library builds these on its own use of `clone`, `futex`, `tkill`,
signals and `set_robust_list`, so the two builds check two different paths through the kernel:
threads that start, end and are joined or detached, mutexes of each kind, condition variables with
and without deadlines, barriers, read-write locks, `pthread_once`, thread-local storage and its
destructors, cancellation, signals aimed at one thread, and `fork` in a program with threads. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "elapsed.h"
#include "tap.h"

/* A deadline ms milliseconds from now on clock. */
static struct timespec deadline_in(clockid_t clock, long ms)
{
    struct timespec t;
    clock_gettime(clock, &t);
    t.tv_nsec += ms % 1000 * 1000000;
    t.tv_sec += ms / 1000 + t.tv_nsec / 1000000000;
    t.tv_nsec %= 1000000000;
    return t;
}

/*: ## Creating, joining and detaching */

static void *plus_one(void *arg)
{
    return (void *)((intptr_t)arg + 1);
}

static void *exit_early(void *arg)
{
    pthread_exit(arg);
    return NULL;
}

static atomic_int detached_ran;

/* Wait (a second at most) until another thread sets *flag. */
static void wait_until_set(atomic_int *flag)
{
    for (int i = 0; i < 200 && !atomic_load(flag); i++)
        pause_ms(5);
}

static void *note_detached(void *arg)
{
    atomic_store(&detached_ran, 1);
    return NULL;
}

static pthread_t seen_self;

static void *record_self(void *arg)
{
    seen_self = pthread_self();
    return NULL;
}

static void test_create_join(void)
{
    pthread_t t;
    void *result = NULL;
    check(pthread_create(&t, NULL, plus_one, (void *)41) == 0, "pthread_create starts a thread");
    check(pthread_join(t, &result) == 0 && result == (void *)42,
          "pthread_join gives back the thread's return value");
    pthread_create(&t, NULL, exit_early, (void *)7);
    check(pthread_join(t, &result) == 0 && result == (void *)7,
          "pthread_join gives back pthread_exit's value");

    pthread_t many[16];
    int created = 0;
    for (intptr_t i = 0; i < 16; i++)
        created += pthread_create(&many[i], NULL, plus_one, (void *)i) == 0;
    intptr_t sum = 0;
    for (int i = 0; i < 16; i++) {
        pthread_join(many[i], &result);
        sum += (intptr_t)result;
    }
    check(created == 16 && sum == 136, "16 threads at once, each joined with its own result");

    pthread_create(&t, NULL, record_self, NULL);
    pthread_join(t, NULL);
    check(pthread_equal(seen_self, t) && !pthread_equal(t, pthread_self()),
          "pthread_self in a thread equals the id pthread_create gave");

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int state = -1;
    pthread_attr_getdetachstate(&attr, &state);
    check(state == PTHREAD_CREATE_DETACHED, "an attribute remembers its detach state");
    atomic_store(&detached_ran, 0);
    check(pthread_create(&t, &attr, note_detached, NULL) == 0, "a detached thread starts");
    wait_until_set(&detached_ran);
    check(atomic_load(&detached_ran), "a detached thread runs to its end");
    pthread_attr_destroy(&attr);

    atomic_store(&detached_ran, 0);
    pthread_create(&t, NULL, note_detached, NULL);
    check(pthread_detach(t) == 0, "pthread_detach of a running thread succeeds");
    wait_until_set(&detached_ran);
    check(atomic_load(&detached_ran), "a thread detached after its start still runs");

    pthread_attr_init(&attr);
    size_t size = 0;
    check(pthread_attr_setstacksize(&attr, 256 * 1024) == 0 &&
              pthread_attr_getstacksize(&attr, &size) == 0 && size == 256 * 1024,
          "an attribute keeps the stack size asked for");
    check(pthread_create(&t, &attr, plus_one, (void *)1) == 0 && pthread_join(t, &result) == 0 &&
              result == (void *)2,
          "a thread runs on a stack of the size asked for");
    check(pthread_attr_setstacksize(&attr, 1) == EINVAL,
          "a stack smaller than PTHREAD_STACK_MIN is EINVAL");
    pthread_attr_destroy(&attr);
}

/*: ## Mutexes */

enum {
    COUNTERS = 4,
    ROUNDS = 20000
};
static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static long counted;

static void *count_under_lock(void *arg)
{
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&count_lock);
        counted++;
        pthread_mutex_unlock(&count_lock);
    }
    return NULL;
}

static void *try_foreign_lock(void *arg)
{
    return (void *)(intptr_t)pthread_mutex_trylock(arg);
}

static void *unlock_foreign(void *arg)
{
    return (void *)(intptr_t)pthread_mutex_unlock(arg);
}

static atomic_int holding, release; /* the holder has the mutex; it may let it go */

/* Hold the mutex arg for 100 ms. */
static void *hold_then_release(void *arg)
{
    pthread_mutex_lock(arg);
    atomic_store(&holding, 1);
    pause_ms(100);
    pthread_mutex_unlock(arg);
    return NULL;
}

/* Hold the mutex arg until told to let it go. */
static void *hold_until_told(void *arg)
{
    pthread_mutex_lock(arg);
    atomic_store(&holding, 1);
    while (!atomic_load(&release))
        pause_ms(1);
    pthread_mutex_unlock(arg);
    return NULL;
}

/* Start holder on mutex, and wait until it holds it (on a busy machine a thread may take a while
   to start). */
static void start_holding(pthread_t *t, void *(*holder)(void *), pthread_mutex_t *mutex)
{
    atomic_store(&holding, 0);
    atomic_store(&release, 0);
    pthread_create(t, NULL, holder, mutex);
    while (!atomic_load(&holding))
        pause_ms(1);
}

static void test_mutexes(void)
{
    pthread_t t[COUNTERS];
    for (int i = 0; i < COUNTERS; i++)
        pthread_create(&t[i], NULL, count_under_lock, NULL);
    for (int i = 0; i < COUNTERS; i++)
        pthread_join(t[i], NULL);
    check(counted == COUNTERS * ROUNDS, "a mutex keeps 4 threads' increments apart");

    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    void *result;
    pthread_mutex_lock(&m);
    pthread_create(&t[0], NULL, try_foreign_lock, &m);
    pthread_join(t[0], &result);
    check((intptr_t)result == EBUSY, "trylock of a mutex another thread holds is EBUSY");
    pthread_mutex_unlock(&m);
    check(pthread_mutex_trylock(&m) == 0, "trylock of a free mutex takes it");
    pthread_mutex_unlock(&m);

    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_t checked;
    pthread_mutex_init(&checked, &attr);
    pthread_mutex_lock(&checked);
    check(pthread_mutex_lock(&checked) == EDEADLK,
          "an error-checking mutex locked twice is EDEADLK");
    pthread_create(&t[0], NULL, unlock_foreign, &checked);
    pthread_join(t[0], &result);
    check((intptr_t)result == EPERM, "unlocking another thread's error-checking mutex is EPERM");
    pthread_mutex_unlock(&checked);
    check(pthread_mutex_unlock(&checked) == EPERM,
          "unlocking a free error-checking mutex is EPERM");
    pthread_mutex_destroy(&checked);

    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_t recursive;
    pthread_mutex_init(&recursive, &attr);
    int twice = pthread_mutex_lock(&recursive) == 0 && pthread_mutex_lock(&recursive) == 0;
    pthread_mutex_unlock(&recursive);
    pthread_create(&t[0], NULL, try_foreign_lock, &recursive);
    pthread_join(t[0], &result);
    check(twice && (intptr_t)result == EBUSY,
          "a recursive mutex locked twice stays held after one unlock");
    pthread_mutex_unlock(&recursive);
    pthread_create(&t[0], NULL, try_foreign_lock, &recursive);
    pthread_join(t[0], &result);
    check((intptr_t)result == 0, "a recursive mutex is free after as many unlocks as locks");
    pthread_mutex_destroy(&recursive);
    pthread_mutexattr_destroy(&attr);

    pthread_mutex_t timed = PTHREAD_MUTEX_INITIALIZER;
    struct timespec start, until;
    clock_gettime(CLOCK_MONOTONIC, &start); /* first: measured from before the deadline */
    until = deadline_in(CLOCK_REALTIME, 60);
    start_holding(&t[0], hold_until_told, &timed);
    int timed_out = pthread_mutex_timedlock(&timed, &until);
    long waited = ms_since(&start);
    atomic_store(&release, 1);
    check(timed_out == ETIMEDOUT && waited >= 55,
          "pthread_mutex_timedlock of a held mutex times out at its deadline");
    pthread_join(t[0], NULL);
    until = deadline_in(CLOCK_REALTIME, 60);
    check(pthread_mutex_timedlock(&timed, &until) == 0,
          "pthread_mutex_timedlock of a free mutex takes it");
    pthread_mutex_unlock(&timed);
    start_holding(&t[0], hold_then_release, &timed);
    until = deadline_in(CLOCK_REALTIME, 2000);
    clock_gettime(CLOCK_MONOTONIC, &start);
    check(pthread_mutex_timedlock(&timed, &until) == 0 && ms_since(&start) < 1500,
          "pthread_mutex_timedlock takes a mutex released before its deadline");
    pthread_mutex_unlock(&timed);
    pthread_join(t[0], NULL);
}

/*: ## Condition variables */

static pthread_mutex_t cv_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int cv_ready, cv_woken;

static void *wait_for_ready(void *arg)
{
    pthread_mutex_lock(&cv_lock);
    while (!cv_ready)
        pthread_cond_wait(&cv, &cv_lock);
    cv_woken++;
    pthread_mutex_unlock(&cv_lock);
    return NULL;
}

static void test_condition_variables(void)
{
    pthread_t t[4];
    pthread_create(&t[0], NULL, wait_for_ready, NULL);
    pause_ms(30);
    pthread_mutex_lock(&cv_lock);
    int early = cv_woken;
    cv_ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&cv_lock);
    pthread_join(t[0], NULL);
    check(early == 0 && cv_woken == 1, "pthread_cond_signal wakes a waiting thread");

    cv_ready = 0;
    cv_woken = 0;
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, wait_for_ready, NULL);
    pause_ms(50);
    pthread_mutex_lock(&cv_lock);
    cv_ready = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&cv_lock);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    check(cv_woken == 4, "pthread_cond_broadcast wakes all 4 waiters");

    struct timespec start, until;
    clock_gettime(CLOCK_MONOTONIC, &start); /* first: measured from before the deadline */
    until = deadline_in(CLOCK_REALTIME, 50);
    pthread_mutex_lock(&cv_lock);
    int r = pthread_cond_timedwait(&cv, &cv_lock, &until);
    int relocked = pthread_mutex_trylock(&cv_lock) != 0;
    pthread_mutex_unlock(&cv_lock);
    long waited = ms_since(&start);
    check(r == ETIMEDOUT && waited >= 45 && waited < 2000,
          "pthread_cond_timedwait times out at its realtime deadline");
    check(relocked, "pthread_cond_timedwait returns with the mutex held");

    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    clockid_t clock = -1;
    check(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) == 0 &&
              pthread_condattr_getclock(&attr, &clock) == 0 && clock == CLOCK_MONOTONIC,
          "a condition attribute keeps CLOCK_MONOTONIC");
    pthread_cond_t mono;
    pthread_cond_init(&mono, &attr);
    clock_gettime(CLOCK_MONOTONIC, &start);
    until = deadline_in(CLOCK_MONOTONIC, 50);
    pthread_mutex_lock(&cv_lock);
    r = pthread_cond_timedwait(&mono, &cv_lock, &until);
    pthread_mutex_unlock(&cv_lock);
    waited = ms_since(&start);
    check(r == ETIMEDOUT && waited >= 45 && waited < 2000,
          "pthread_cond_timedwait times out at its monotonic deadline");
    until.tv_sec -= 10;
    pthread_mutex_lock(&cv_lock);
    r = pthread_cond_timedwait(&mono, &cv_lock, &until);
    pthread_mutex_unlock(&cv_lock);
    check(r == ETIMEDOUT, "a deadline already past times out at once");
    pthread_cond_destroy(&mono);
    pthread_condattr_destroy(&attr);
}

/*: ## Barriers, read-write locks, once, semaphores */

enum {
    PARTIES = 4,
    BARRIER_ROUNDS = 5
};
static pthread_barrier_t barrier;
static atomic_int serial_count, arrived;
static int round_seen_late;

static void *cross_barrier(void *arg)
{
    for (int round = 0; round < BARRIER_ROUNDS; round++) {
        atomic_fetch_add(&arrived, 1);
        int r = pthread_barrier_wait(&barrier);
        if (r == PTHREAD_BARRIER_SERIAL_THREAD)
            atomic_fetch_add(&serial_count, 1);
        else if (r != 0)
            round_seen_late = 1;
        if (atomic_load(&arrived) < (round + 1) * PARTIES)
            round_seen_late = 1;
        pthread_barrier_wait(&barrier);
    }
    return NULL;
}

static pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;

static void *try_read(void *arg)
{
    return (void *)(intptr_t)pthread_rwlock_tryrdlock(&rwlock);
}

static void *try_write(void *arg)
{
    return (void *)(intptr_t)pthread_rwlock_trywrlock(&rwlock);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int once_runs;

static void run_once(void)
{
    pause_ms(20);
    atomic_fetch_add(&once_runs, 1);
}

static void *call_once(void *arg)
{
    pthread_once(&once, run_once);
    return (void *)(intptr_t)atomic_load(&once_runs);
}

static sem_t sem;

static void *post_later(void *arg)
{
    pause_ms(30);
    sem_post(&sem);
    return NULL;
}

static void test_barriers_and_friends(void)
{
    pthread_t t[PARTIES];
    check(pthread_barrier_init(&barrier, NULL, 0) == EINVAL, "a barrier of 0 threads is EINVAL");
    pthread_barrier_init(&barrier, NULL, PARTIES);
    for (int i = 0; i < PARTIES; i++)
        pthread_create(&t[i], NULL, cross_barrier, NULL);
    for (int i = 0; i < PARTIES; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&barrier);
    check(!round_seen_late, "no thread passes a barrier before all 4 arrive, 5 rounds");
    check(atomic_load(&serial_count) == BARRIER_ROUNDS,
          "exactly one thread a round gets PTHREAD_BARRIER_SERIAL_THREAD");

    void *r1, *r2;
    pthread_rwlock_rdlock(&rwlock);
    pthread_create(&t[0], NULL, try_read, NULL);
    pthread_join(t[0], &r1);
    pthread_create(&t[1], NULL, try_write, NULL);
    pthread_join(t[1], &r2);
    check(r1 == 0, "a read lock lets another reader in");
    check((intptr_t)r2 == EBUSY, "a read lock keeps a writer out (EBUSY)");
    pthread_rwlock_unlock(&rwlock);
    pthread_rwlock_unlock(&rwlock); /* the other reader's hold (it ended without unlocking) */
    pthread_rwlock_wrlock(&rwlock);
    pthread_create(&t[0], NULL, try_read, NULL);
    pthread_join(t[0], &r1);
    check((intptr_t)r1 == EBUSY, "a write lock keeps a reader out (EBUSY)");
    pthread_rwlock_unlock(&rwlock);
    pthread_create(&t[0], NULL, try_write, NULL);
    pthread_join(t[0], &r1);
    check(r1 == 0, "a released rwlock takes a writer");
    pthread_rwlock_unlock(&rwlock);

    for (int i = 0; i < PARTIES; i++)
        pthread_create(&t[i], NULL, call_once, NULL);
    int all_after = 1;
    for (int i = 0; i < PARTIES; i++) {
        pthread_join(t[i], &r1);
        all_after &= (intptr_t)r1 == 1;
    }
    check(atomic_load(&once_runs) == 1, "pthread_once runs its function once among 4 threads");
    check(all_after, "pthread_once returns only after the function has run");

    sem_init(&sem, 0, 0);
    check(sem_trywait(&sem) == -1 && errno == EAGAIN, "sem_trywait of a zero semaphore is EAGAIN");
    pthread_create(&t[0], NULL, post_later, NULL);
    check(sem_wait(&sem) == 0, "sem_wait wakes on another thread's sem_post");
    pthread_join(t[0], NULL);
    struct timespec start, until;
    clock_gettime(CLOCK_MONOTONIC, &start); /* first: measured from before the deadline */
    until = deadline_in(CLOCK_REALTIME, 50);
    int r = sem_timedwait(&sem, &until);
    check(r == -1 && errno == ETIMEDOUT && ms_since(&start) >= 45,
          "sem_timedwait times out at its deadline");
    sem_post(&sem);
    sem_post(&sem);
    int value = -1;
    sem_getvalue(&sem, &value);
    check(value == 2, "sem_getvalue counts two posts");
    sem_destroy(&sem);
}

/*: ## Thread-local storage */

static __thread int tls_counter = 5;
static __thread char tls_buffer[64];
static pthread_key_t key;
static atomic_int destructor_runs;
static void *destructor_value;

static void key_destructor(void *value)
{
    destructor_value = value;
    atomic_fetch_add(&destructor_runs, 1);
}

static void *use_tls(void *arg)
{
    intptr_t initial = tls_counter;
    tls_counter = (int)(intptr_t)arg;
    strcpy(tls_buffer, "thread");
    pause_ms(20);
    int kept = tls_counter == (int)(intptr_t)arg && strcmp(tls_buffer, "thread") == 0;
    pthread_setspecific(key, arg);
    int specific = pthread_getspecific(key) == arg;
    return (void *)(initial == 5 && kept && specific ? 1 : (intptr_t)0);
}

static void test_tls(void)
{
    pthread_key_create(&key, key_destructor);
    tls_counter = 99;
    strcpy(tls_buffer, "main");
    pthread_setspecific(key, (void *)1);
    pthread_t t[3];
    for (intptr_t i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, use_tls, (void *)(i + 10));
    int good = 0;
    for (int i = 0; i < 3; i++) {
        void *r;
        pthread_join(t[i], &r);
        good += r == (void *)1;
    }
    check(good == 3, "each thread starts with the initial __thread value and keeps its own");
    check(tls_counter == 99 && strcmp(tls_buffer, "main") == 0,
          "other threads' __thread writes leave the main thread's alone");
    check(pthread_getspecific(key) == (void *)1, "a key's value is per thread");
    check(atomic_load(&destructor_runs) == 3, "a key's destructor runs at each thread's end");
    check((intptr_t)destructor_value >= 10 && (intptr_t)destructor_value <= 12,
          "the destructor gets the thread's value");
    pthread_key_t second;
    check(pthread_key_create(&second, NULL) == 0 && second != key, "a second key is different");
    pthread_key_delete(second);
    pthread_key_delete(key);
}

/*: ## Cancellation */

static atomic_int cleanup_ran;

static void note_cleanup(void *arg)
{
    atomic_store(&cleanup_ran, 1);
}

static void *sleep_long(void *arg)
{
    pthread_cleanup_push(note_cleanup, NULL);
    for (;;)
        pause_ms(10000);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *read_forever(void *arg)
{
    char c;
    pthread_cleanup_push(note_cleanup, NULL);
    read(*(int *)arg, &c, 1);
    pthread_cleanup_pop(0);
    return NULL;
}

static void unlock_mutex(void *mutex)
{
    pthread_mutex_unlock(mutex);
}

static void *wait_forever(void *arg)
{
    pthread_mutex_lock(&cv_lock);
    pthread_cleanup_push(unlock_mutex, &cv_lock);
    for (;;)
        pthread_cond_wait(&cv, &cv_lock);
    pthread_cleanup_pop(1);
    return NULL;
}

static atomic_int deferred_reached;

static void *cancel_disabled(void *arg)
{
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    pause_ms(100);
    atomic_store(&deferred_reached, 1);
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
    pthread_testcancel();
    atomic_store(&deferred_reached, 2);
    return NULL;
}

static void *spin_testcancel(void *arg)
{
    for (;;)
        pthread_testcancel();
    return NULL;
}

static void test_cancellation(void)
{
    pthread_t t;
    void *r;
    pthread_create(&t, NULL, sleep_long, NULL);
    pause_ms(30);
    check(pthread_cancel(t) == 0, "pthread_cancel of a sleeping thread succeeds");
    check(pthread_join(t, &r) == 0 && r == PTHREAD_CANCELED,
          "a thread cancelled in nanosleep ends PTHREAD_CANCELED");
    check(atomic_load(&cleanup_ran), "its cleanup handler ran");

    int fds[2];
    pipe(fds);
    atomic_store(&cleanup_ran, 0);
    pthread_create(&t, NULL, read_forever, &fds[0]);
    pause_ms(30);
    pthread_cancel(t);
    check(pthread_join(t, &r) == 0 && r == PTHREAD_CANCELED && atomic_load(&cleanup_ran),
          "a thread cancelled in read on an empty pipe ends, cleanup run");
    close(fds[0]);
    close(fds[1]);

    pthread_create(&t, NULL, wait_forever, NULL);
    pause_ms(30);
    pthread_cancel(t);
    check(pthread_join(t, &r) == 0 && r == PTHREAD_CANCELED,
          "a thread cancelled in pthread_cond_wait ends");
    check(pthread_mutex_trylock(&cv_lock) == 0, "its cleanup handler released the mutex");
    pthread_mutex_unlock(&cv_lock);

    pthread_create(&t, NULL, cancel_disabled, NULL);
    pause_ms(20);
    pthread_cancel(t);
    pthread_join(t, &r);
    check(r == PTHREAD_CANCELED && atomic_load(&deferred_reached) == 1,
          "cancellation waits while disabled, then acts at pthread_testcancel");

    pthread_create(&t, NULL, spin_testcancel, NULL);
    pause_ms(20);
    pthread_cancel(t);
    check(pthread_join(t, &r) == 0 && r == PTHREAD_CANCELED,
          "a thread that only calls pthread_testcancel is cancelled");
}

/*: ## Signals and threads */

static pthread_t handled_in;
static atomic_int handled;

static void note_thread(int sig)
{
    handled_in = pthread_self();
    atomic_fetch_add(&handled, 1);
}

static atomic_int stop_waiting;

static void *wait_for_signal(void *arg)
{
    while (!atomic_load(&stop_waiting))
        pause_ms(5);
    return NULL;
}

static void *block_and_wait(void *arg)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    while (!atomic_load(&stop_waiting))
        pause_ms(5);
    sigset_t pending;
    sigpending(&pending);
    return (void *)(intptr_t)sigismember(&pending, SIGUSR1);
}

static void *report_mask(void *arg)
{
    sigset_t mask;
    pthread_sigmask(SIG_SETMASK, NULL, &mask);
    return (void *)(intptr_t)sigismember(&mask, SIGUSR2);
}

static void *interrupted_sleep(void *arg)
{
    struct timespec ts = {10, 0}, left = {0, 0};
    int r = nanosleep(&ts, &left);
    return (void *)(intptr_t)(r == -1 && errno == EINTR && left.tv_sec > 5 && left.tv_sec <= 10);
}

static void test_signals_in_threads(void)
{
    struct sigaction sa = {.sa_handler = note_thread};
    sigaction(SIGUSR1, &sa, NULL);
    pthread_t t;
    atomic_store(&stop_waiting, 0);
    pthread_create(&t, NULL, wait_for_signal, NULL);
    pause_ms(10);
    check(pthread_kill(t, SIGUSR1) == 0, "pthread_kill to a running thread succeeds");
    wait_until_set(&handled);
    check(atomic_load(&handled) == 1 && pthread_equal(handled_in, t),
          "the handler runs in the thread pthread_kill named");
    atomic_store(&stop_waiting, 1);
    pthread_join(t, NULL);
    check(pthread_kill(pthread_self(), 0) == 0, "pthread_kill with signal 0 checks a live thread");

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    atomic_store(&handled, 0);
    atomic_store(&stop_waiting, 0);
    pthread_create(&t, NULL, wait_for_signal, NULL);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    pause_ms(10);
    kill(getpid(), SIGUSR1);
    wait_until_set(&handled);
    check(atomic_load(&handled) == 1 && pthread_equal(handled_in, t),
          "a process signal goes to the thread that does not block it");
    atomic_store(&stop_waiting, 1);
    pthread_join(t, NULL);

    atomic_store(&handled, 0);
    atomic_store(&stop_waiting, 0);
    pthread_create(&t, NULL, block_and_wait, NULL);
    pause_ms(20);
    pthread_kill(t, SIGUSR1);
    pause_ms(20);
    atomic_store(&stop_waiting, 1);
    void *pending;
    pthread_join(t, &pending);
    check(pending == (void *)1 && atomic_load(&handled) == 0,
          "a signal to a thread that blocks it stays pending in sigpending");
    pthread_sigmask(SIG_SETMASK, &old, NULL);

    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    void *inherited;
    pthread_create(&t, NULL, report_mask, NULL);
    pthread_join(t, &inherited);
    check(inherited == (void *)1, "a new thread inherits its creator's signal mask");
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);

    void *eintr;
    pthread_create(&t, NULL, interrupted_sleep, NULL);
    pause_ms(50);
    pthread_kill(t, SIGUSR1);
    pthread_join(t, &eintr);
    check(eintr == (void *)1, "a handled signal ends a thread's nanosleep with EINTR, time left");
    signal(SIGUSR1, SIG_DFL);
}

/*: ## fork in a program with threads */

static atomic_int prepared, in_parent, in_child;

static void at_prepare(void)
{
    atomic_fetch_add(&prepared, 1);
}

static void at_parent(void)
{
    atomic_fetch_add(&in_parent, 1);
}

static void at_child(void)
{
    atomic_fetch_add(&in_child, 1);
}

static pthread_mutex_t fork_lock = PTHREAD_MUTEX_INITIALIZER;

static void *churn_lock(void *arg)
{
    while (!atomic_load(&stop_waiting)) {
        pthread_mutex_lock(&fork_lock);
        pthread_mutex_unlock(&fork_lock);
    }
    return NULL;
}

/* Fork from a thread: the child's only thread is a copy of this one, with the process's own id. */
static void *fork_from_thread(void *arg)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(getpid() == (pid_t)syscall(SYS_gettid) && getppid() > 0 ? 0 : 1);
    return (void *)(intptr_t)pid;
}

/* In the child: the only thread there is, which can make threads of its own. */
static int child_after_fork(void)
{
    if (atomic_load(&in_child) != 1 || atomic_load(&in_parent) != 0)
        return 1;
    pthread_t t;
    void *r;
    if (pthread_create(&t, NULL, plus_one, (void *)1) != 0 || pthread_join(t, &r) != 0 ||
        r != (void *)2)
        return 2;
    char *p = malloc(1000);
    if (!p)
        return 3;
    free(p);
    return 0;
}

static void test_fork_with_threads(void)
{
    pthread_atfork(at_prepare, at_parent, at_child);
    atomic_store(&stop_waiting, 0);
    pthread_t t[2];
    pthread_create(&t[0], NULL, churn_lock, NULL);
    pthread_create(&t[1], NULL, wait_for_signal, NULL);
    pid_t pid = fork();
    if (pid == 0)
        _exit(child_after_fork());
    int status = -1;
    check(pid > 0 && waitpid(pid, &status, 0) == pid, "fork with 3 threads running makes a child");
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "the child ran atfork's child handler and made and joined a thread");
    check(atomic_load(&prepared) == 1 && atomic_load(&in_parent) == 1 &&
              atomic_load(&in_child) == 0,
          "the parent ran atfork's prepare and parent handlers once");
    atomic_store(&stop_waiting, 1);
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);

    pid_t parent = getpid();
    pthread_create(&t[0], NULL, fork_from_thread, NULL);
    void *r;
    pthread_join(t[0], &r);
    pid = (pid_t)(intptr_t)r;
    check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
              WEXITSTATUS(status) == 0,
          "a thread other than the main one can fork, its child a process of one thread");
    check(getpid() == parent, "forking from a thread leaves the parent's pid alone");
}

/*: ## A process's end, with threads

Each case runs in a child of its own, which ends in the way the case names while other threads are
running; the parent checks how the child ended. */

static void *spin(void *arg)
{
    for (;;)
        sched_yield();
    return NULL;
}

static void *exit_from_thread(void *arg)
{
    exit(3);
}

static void *execve_from_thread(void *arg)
{
    char *argv[] = {"conform-threads", "--exec-probe", NULL};
    execv(arg, argv);
    _exit(126);
}

static atomic_int main_gone;

static void *outlive_main(void *arg)
{
    while (!atomic_load(&main_gone))
        pause_ms(5);
    pause_ms(50);
    exit(9); /* only this thread is left: the process is still here to exit */
}

static void *abort_in_thread(void *arg)
{
    abort();
}

static void *async_cancelled(void *arg)
{
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    for (volatile unsigned long i = 0;; i++)
        ;
    return NULL;
}

/* In a child: start two spinning threads, then end as how says. */
static void end_with_threads(int how, const char *self)
{
    pthread_t t;
    pthread_create(&t, NULL, spin, NULL);
    pthread_create(&t, NULL, spin, NULL);
    switch (how) {
    case 0:
        exit(4);
    case 1:
        pthread_create(&t, NULL, exit_from_thread, NULL);
        pthread_join(t, NULL);
        break;
    case 2:
        pthread_create(&t, NULL, execve_from_thread, (void *)self);
        pthread_join(t, NULL);
        break;
    case 3:
        pthread_create(&t, NULL, outlive_main, NULL);
        atomic_store(&main_gone, 1);
        pthread_exit(NULL);
    case 4:
        pthread_create(&t, NULL, abort_in_thread, NULL);
        pthread_join(t, NULL);
        break;
    case 5:
        pthread_kill(t, SIGKILL);
        pause_ms(5000);
        break;
    }
    _exit(100);
}

/* Run as conform-threads --exec-probe, after an execve from a thread: the new program must be the
   only thread of the process, whose id it has. */
static int exec_probe(void)
{
    return getpid() == (pid_t)syscall(SYS_gettid) ? 5 : 1;
}

static int child_status(int how, const char *self)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        end_with_threads(how, self);
    int status = -1;
    waitpid(pid, &status, 0);
    return status;
}

static void test_process_end(const char *self)
{
    int s = child_status(0, self);
    check(WIFEXITED(s) && WEXITSTATUS(s) == 4, "exit in main ends a process with threads running");
    s = child_status(1, self);
    check(WIFEXITED(s) && WEXITSTATUS(s) == 3, "exit in another thread ends the whole process");
    s = child_status(2, self);
    check(WIFEXITED(s) && WEXITSTATUS(s) == 5,
          "execve from a thread ends the others; the new program has the process's id");
    s = child_status(3, self);
    check(WIFEXITED(s) && WEXITSTATUS(s) == 9,
          "after the main thread's pthread_exit the process lives on in its other threads");
    s = child_status(4, self);
    check(WIFSIGNALED(s) && WTERMSIG(s) == SIGABRT, "abort in a thread kills the process");
    s = child_status(5, self);
    check(WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL,
          "SIGKILL sent to one thread kills the whole process");

    pthread_t t;
    void *r;
    pthread_create(&t, NULL, async_cancelled, NULL);
    pause_ms(20);
    pthread_cancel(t);
    check(pthread_join(t, &r) == 0 && r == PTHREAD_CANCELED,
          "asynchronous cancellation stops a thread that never makes a system call");
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--exec-probe") == 0)
        return exec_probe();
    test_create_join();
    test_mutexes();
    test_condition_variables();
    test_barriers_and_friends();
    test_tls();
    test_cancellation();
    test_signals_in_threads();
    test_fork_with_threads();
    test_process_end(argv[0]);
    return tap_done();
}
