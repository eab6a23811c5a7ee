/*: # Testing threads and futexes

POSIX threads as the C library builds them on `clone`, `futex`, `set_tid_address` and `exit`, and
the futex calls themselves, checked against Linux (this program ran on Linux first): threads that
share memory but not their thread-local variables, locks and condition variables that really wait,
a thread's end that `pthread_join` sees, and the futex answers for a changed value, a timeout, a
bad address and a wake with nobody waiting. */
#define _GNU_SOURCE /* CLONE_* */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define FAILS_WITH(call, e) ((call) == -1 && errno == (e))

/* <linux/futex.h>'s operations, which musl's headers leave out. */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_OWNER_DIED 0x40000000
#define FUTEX_WAIT_PRIVATE (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)

static void *volatile bad_address = (void *)8;

static long futex(void *uaddr, int op, uint32_t val, const struct timespec *timeout)
{
    return syscall(SYS_futex, uaddr, op, val, timeout, NULL, 0);
}

static long ms_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

static void pause_ms(long ms)
{
    struct timespec ts = {0, ms * 1000000};
    nanosleep(&ts, NULL);
}

/*: ## Threads */

static void *return_arg_plus_one(void *arg)
{
    return (void *)((intptr_t)arg + 1);
}

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *count_up(void *arg)
{
    for (int i = 0; i < 10000; i++) {
        pthread_mutex_lock(&counter_lock);
        counter++;
        pthread_mutex_unlock(&counter_lock);
    }
    return arg;
}

static __thread int mine = 1;

static void *own_ids(void *arg)
{
    long *out = arg;
    mine = 42;
    out[0] = syscall(SYS_gettid);
    out[1] = getpid();
    out[2] = mine;
    return NULL;
}

static pthread_mutex_t ball_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ball_moved = PTHREAD_COND_INITIALIZER;
static int ball, rounds_played;

/* Two players hand the ball back and forth: each waits until it is theirs. */
static void *play(void *arg)
{
    int me = (int)(intptr_t)arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&ball_lock);
        while (ball != me)
            pthread_cond_wait(&ball_moved, &ball_lock);
        ball = 1 - me;
        rounds_played++;
        pthread_cond_broadcast(&ball_moved);
        pthread_mutex_unlock(&ball_lock);
    }
    return NULL;
}

static pthread_barrier_t barrier;
static atomic_int arrived;

static void *meet(void *arg)
{
    atomic_fetch_add(&arrived, 1);
    int r = pthread_barrier_wait(&barrier);
    /* everyone arrived before anyone left */
    return (void *)(intptr_t)(atomic_load(&arrived) == 4 ? r : 99);
}

static sem_t done;

static void *post_and_go(void *arg)
{
    sem_post(&done);
    return NULL;
}

static void *exit_with(void *arg)
{
    pthread_exit((void *)(intptr_t)7);
}

static void *end_everything(void *arg)
{
    pause_ms(20);
    _exit(5); /* exit_group: every thread of the process ends */
}

static void *sleep_for_ever(void *arg)
{
    while (pause())
        continue;
    return NULL;
}

static void *exec_shell(void *arg)
{
    execl("/bin/sh", "sh", "-c", "exit 3", (char *)NULL);
    return NULL;
}

static volatile long handled_by;
static sem_t waiting;

static void note_handler_thread(int sig)
{
    handled_by = syscall(SYS_gettid);
}

/* Wait for a signal in pause(); answer this thread's id. */
static void *wait_for_signal(void *arg)
{
    sem_post(&waiting);
    while (!handled_by)
        pause();
    return (void *)(intptr_t)syscall(SYS_gettid);
}

static void thread_cases(void)
{
    pthread_t t;
    void *result = NULL;
    check(pthread_create(&t, NULL, return_arg_plus_one, (void *)41) == 0 &&
              pthread_join(t, &result) == 0 && result == (void *)42,
          "a thread runs and its result is joined");

    pthread_t many[8];
    for (int i = 0; i < 8; i++)
        pthread_create(&many[i], NULL, count_up, NULL);
    for (int i = 0; i < 8; i++)
        pthread_join(many[i], NULL);
    check(counter == 80000, "eight threads count to 80000 under a mutex");

    long ids[3] = {0};
    pthread_create(&t, NULL, own_ids, ids);
    pthread_join(t, NULL);
    check(ids[1] == getpid(), "a thread has its process's pid");
    check(ids[0] != getpid() && ids[0] > 0, "and a thread id of its own");
    check(ids[2] == 42 && mine == 1, "a __thread variable is each thread's own");
    check(syscall(SYS_gettid) == getpid(), "the first thread's id is the pid");

    pthread_t players[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&players[i], NULL, play, (void *)(intptr_t)i);
    for (int i = 0; i < 2; i++)
        pthread_join(players[i], NULL);
    check(rounds_played == 200, "a condition variable hands a ball back and forth 200 times");

    pthread_barrier_init(&barrier, NULL, 4);
    pthread_t group[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&group[i], NULL, meet, NULL);
    int serial = 0, bad = 0;
    for (int i = 0; i < 4; i++) {
        pthread_join(group[i], &result);
        serial += (intptr_t)result == PTHREAD_BARRIER_SERIAL_THREAD;
        bad += (intptr_t)result == 99;
    }
    check(serial == 1 && bad == 0, "a barrier lets four threads go together, one of them serial");

    sem_init(&done, 0, 0);
    pthread_attr_t detached;
    pthread_attr_init(&detached);
    pthread_attr_setdetachstate(&detached, PTHREAD_CREATE_DETACHED);
    check(pthread_create(&t, &detached, post_and_go, NULL) == 0 && sem_wait(&done) == 0,
          "a detached thread posts a semaphore");

    check(pthread_create(&t, NULL, exit_with, NULL) == 0 && pthread_join(t, &result) == 0 &&
              result == (void *)7,
          "pthread_exit's value is joined");

    int made = 0;
    for (int i = 0; i < 50; i++)
        if (pthread_create(&t, NULL, return_arg_plus_one, NULL) == 0 && pthread_join(t, NULL) == 0)
            made++;
    check(made == 50, "fifty threads, one after another");

    pid_t child = fork();
    if (child == 0) {
        pthread_create(&t, NULL, end_everything, NULL);
        for (;;)
            pause();
    }
    int status;
    check(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 5,
          "one thread's _exit ends the whole process");

    child = fork();
    if (child == 0) {
        /* the child of a threaded program has one thread, and may make more */
        pthread_create(&t, NULL, return_arg_plus_one, (void *)1);
        pthread_join(t, &result);
        _exit(result == (void *)2 ? 0 : 1);
    }
    check(waitpid(child, &status, 0) == child && status == 0,
          "a forked child of a threaded program makes threads");

    child = fork();
    if (child == 0) {
        /* one thread sleeps, another runs execve: the sleeper must go, and the program change */
        pthread_create(&t, NULL, sleep_for_ever, NULL);
        pthread_create(&t, NULL, exec_shell, NULL);
        for (;;)
            pause();
    }
    check(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 3,
          "execve in one of three threads replaces the program of all");

    signal(SIGUSR1, note_handler_thread);
    sem_init(&waiting, 0, 0);
    pthread_create(&t, NULL, wait_for_signal, NULL);
    sem_wait(&waiting);
    check(pthread_kill(t, SIGUSR1) == 0 && pthread_join(t, &result) == 0 &&
              handled_by == (intptr_t)result,
          "pthread_kill: the handler runs in that thread, out of its pause");
    check(FAILS_WITH(syscall(SYS_tgkill, getpid() + 100000, getpid(), SIGUSR1), ESRCH) &&
              FAILS_WITH(syscall(SYS_tkill, 99999, 0), ESRCH),
          "tgkill with another process's id, tkill of no thread: ESRCH");
    check(syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), 0) == 0,
          "tgkill with signal 0 finds a thread");

    check(syscall(SYS_clone, CLONE_THREAD | CLONE_VM, NULL, NULL, NULL, NULL) == -1 &&
              errno == EINVAL,
          "CLONE_THREAD without CLONE_SIGHAND is EINVAL");
}

/*: ## Futexes */

static uint32_t word;

static void *wait_on_word(void *arg)
{
    return (void *)futex(&word, FUTEX_WAIT_PRIVATE, 0, NULL);
}

/* A robust list with one lock on it, as glibc keeps one per thread (musl keeps its own in user
   space, so the test builds the list by hand), in memory a child process shares with its parent:
   the lock of a process-shared robust mutex. */
struct robust_link {
    struct robust_link *next;
};
struct robust_list {
    struct {
        struct robust_link *list;
        long futex_offset;
        struct robust_link *pending;
    } head;
    struct {
        struct robust_link link;
        uint32_t word; /* the owner's thread id, as a robust mutex holds it */
    } lock;
};

/* In a child: take the lock, register the list, and end without releasing it: by _exit, or by
   running another program, which releases the old program's robust locks too. */
static void end_holding_a_robust_lock(struct robust_list *r, int by_exec)
{
    r->lock.word = (uint32_t)syscall(SYS_gettid);
    r->lock.link.next = (struct robust_link *)&r->head; /* the list is a ring */
    r->head.list = &r->lock.link;
    r->head.futex_offset = offsetof(struct robust_list, lock.word) -
                           offsetof(struct robust_list, lock.link);
    if (syscall(SYS_set_robust_list, &r->head, sizeof r->head) != 0)
        _exit(1);
    if (by_exec)
        execl("/bin/true", "true", (char *)NULL);
    _exit(by_exec ? 2 : 0);
}

static void futex_cases(void)
{
    word = 1;
    check(FAILS_WITH(futex(&word, FUTEX_WAIT, 0, NULL), EAGAIN),
          "FUTEX_WAIT on a value that changed: EAGAIN");
    struct timespec start, twenty_ms = {0, 20000000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    check(FAILS_WITH(futex(&word, FUTEX_WAIT, 1, &twenty_ms), ETIMEDOUT) && ms_since(&start) >= 15,
          "FUTEX_WAIT with a timeout: ETIMEDOUT, after it");
    check(futex(&word, FUTEX_WAKE, 1, NULL) == 0, "FUTEX_WAKE with nobody waiting wakes 0");
    check(FAILS_WITH(futex((char *)&word + 1, FUTEX_WAIT, 1, NULL), EINVAL),
          "an unaligned futex: EINVAL");
    check(FAILS_WITH(futex(bad_address, FUTEX_WAIT, 1, NULL), EFAULT), "a bad futex: EFAULT");
    check(FAILS_WITH(syscall(SYS_futex, &word, FUTEX_CMP_REQUEUE, 1, 1, &counter, 2), EAGAIN),
          "FUTEX_CMP_REQUEUE with a changed value: EAGAIN");

    word = 0;
    pthread_t t;
    pthread_create(&t, NULL, wait_on_word, NULL);
    long woken = 0;
    for (int i = 0; i < 100 && !woken; i++) { /* until the thread is asleep on the word */
        pause_ms(10);
        woken = futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL);
    }
    void *result;
    pthread_join(t, &result);
    check(woken == 1 && result == 0, "FUTEX_WAKE wakes a waiting thread, and says so");

    struct robust_list *r = mmap(NULL, sizeof *r, PROT_READ | PROT_WRITE,
                                 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    check(FAILS_WITH(syscall(SYS_set_robust_list, &r->head, 4), EINVAL),
          "set_robust_list with a wrong size: EINVAL");
    pid_t child = fork();
    if (child == 0)
        end_holding_a_robust_lock(r, 0);
    int status;
    check(waitpid(child, &status, 0) == child && status == 0 && r->lock.word == FUTEX_OWNER_DIED,
          "a robust lock held by a process that ended: owner died");
    r->lock.word = 0;
    child = fork();
    if (child == 0)
        end_holding_a_robust_lock(r, 1);
    check(waitpid(child, &status, 0) == child && status == 0 && r->lock.word == FUTEX_OWNER_DIED,
          "a robust lock held by a process that ran another program: owner died");

    cpu_set_t cpus;
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    check(sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) == online &&
              online >= 1,
          "sched_getaffinity names the CPUs there are");
    check(FAILS_WITH(syscall(SYS_sched_getaffinity, 0, 4, &cpus), EINVAL),
          "sched_getaffinity into too small a mask: EINVAL");
    CPU_ZERO(&cpus);
    CPU_SET(0, &cpus);
    check(sched_setaffinity(0, sizeof cpus, &cpus) == 0 && sched_yield() == 0,
          "sched_setaffinity to CPU 0, and sched_yield");
}

int main(void)
{
    thread_cases();
    futex_cases();
    return tap_done();
}
