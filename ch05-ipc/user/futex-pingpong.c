/*: # futex-pingpong: what a user thread costs, running and blocked

The user half of the `user_threads` benchmark (tests/user_thread_bench.c). The same program runs on
chapter 5, where each of its threads is a kernel thread of its own, and unchanged on chapter 6,
where each is a task of the executor: what differs between the two figures is the kernel alone.

- `futex-pingpong rounds R`: this thread and a partner take turns through one futex word, R round
  trips, each side storing the other's number, waking it and waiting until the turn comes back,
  as the kernel's own futex benchmark does with kernel threads. The return code is the time of one
  round trip in nanoseconds (two wakes, two waits, two switches, and their four system calls).
- `futex-pingpong block N`: N threads each block in `zx_futex_wait` on one word. The memory they
  cost is the kernel's to measure: the program says when to look, by user signals on its own
  process. Everything it needs besides is made first (the threads' stacks written to, so their
  pages are in), then it raises `ZX_USER_SIGNAL_0` and waits for `ZX_USER_SIGNAL_1`; then it
  creates and starts the threads, waits until each is seen blocked (`ZX_INFO_THREAD`), raises
  `ZX_USER_SIGNAL_2` and waits for `ZX_USER_SIGNAL_3`. Then it wakes them all, joins them, and
  returns how many it blocked: fewer than N where the kernel ran out of threads (chapter 5 on bare
  metal has a fixed pool of kernel stacks). */
#include "launch.h"
#include "zircon/futex.h"
#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/syscalls.h"
#include "zircon/task.h"

#define MAX_BLOCKED 2000
#define STACK 2048
#define MSEC 1000000ll

static zx_futex_t turn;    /* atomic: whose turn it is, 0 (main) or 1 (the partner) */
static zx_futex_t release; /* atomic: 1 once the blocked threads may go */
static uint8_t stacks[MAX_BLOCKED][STACK] __attribute__((aligned(16)));
static zx_handle_t threads[MAX_BLOCKED];

static long number(const char *s)
{
    long n = 0;
    while (*s >= '0' && *s <= '9')
        n = n * 10 + (*s++ - '0');
    return n;
}

/* Give the turn to other, wake it, and wait until the turn is mine again. */
static void hand_over(zx_futex_t mine, zx_futex_t other)
{
    __atomic_store_n(&turn, other, __ATOMIC_SEQ_CST);
    zx_futex_wake(&turn, 1);
    while (__atomic_load_n(&turn, __ATOMIC_SEQ_CST) != mine)
        zx_futex_wait(&turn, other, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);
}

static void partner(uintptr_t rounds)
{
    while (__atomic_load_n(&turn, __ATOMIC_SEQ_CST) != 1)
        zx_futex_wait(&turn, 0, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);
    for (uintptr_t i = 0; i + 1 < rounds; i++)
        hand_over(1, 0);
    __atomic_store_n(&turn, 0, __ATOMIC_SEQ_CST); /* the last hand back: nothing to wait for */
    zx_futex_wake(&turn, 1);
}

static int ping_pong(long rounds)
{
    zx_handle_t thread;
    if (rounds <= 0 || zx_thread_create(zx_process_self(), "partner", 7, 0, &thread) != ZX_OK ||
        zinc_thread_start(thread, partner, (uintptr_t)rounds, stacks[0], STACK) != ZX_OK)
        return -1;
    zx_time_t start = zx_clock_get_monotonic();
    for (long i = 0; i < rounds; i++)
        hand_over(0, 1);
    zx_time_t elapsed = zx_clock_get_monotonic() - start;
    zx_object_wait_one(thread, ZX_THREAD_TERMINATED, ZX_TIME_INFINITE, NULL);
    zx_handle_close(thread);
    return (int)(elapsed / rounds);
}

static void stay_blocked(uintptr_t arg)
{
    (void)arg;
    while (!__atomic_load_n(&release, __ATOMIC_SEQ_CST))
        zx_futex_wait(&release, 0, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);
}

/* Raise signal on this process, for the kernel to see, and wait until it answers with reply. */
static void tell_kernel(zx_signals_t signal, zx_signals_t reply)
{
    zx_object_signal(zx_process_self(), 0, signal);
    zx_object_wait_one(zx_process_self(), reply, ZX_TIME_INFINITE, NULL);
}

static bool blocked(zx_handle_t thread)
{
    zx_info_thread_t info = {0};
    return zx_object_get_info(thread, ZX_INFO_THREAD, &info, sizeof info, NULL, NULL) == ZX_OK &&
           info.state == ZX_THREAD_STATE_BLOCKED_FUTEX;
}

static int block(long n)
{
    if (n > MAX_BLOCKED)
        n = MAX_BLOCKED;
    for (long i = 0; i < n; i++)
        for (int off = 0; off < STACK; off += 1024)
            stacks[i][off] = 1; /* the stacks' pages are in before the first look */
    tell_kernel(ZX_USER_SIGNAL_0, ZX_USER_SIGNAL_1);
    int started = 0;
    while (started < n) {
        zx_handle_t *t = &threads[started];
        if (zx_thread_create(zx_process_self(), "blocked", 7, 0, t) != ZX_OK)
            break;
        if (zinc_thread_start(*t, stay_blocked, 0, stacks[started], STACK) != ZX_OK) {
            zx_handle_close(*t); /* the kernel has no thread left to give */
            break;
        }
        started++;
    }
    for (int i = 0; i < started; i++)
        while (!blocked(threads[i]))
            zx_nanosleep(zx_clock_get_monotonic() + MSEC);
    tell_kernel(ZX_USER_SIGNAL_2, ZX_USER_SIGNAL_3);
    __atomic_store_n(&release, 1, __ATOMIC_SEQ_CST);
    zx_futex_wake(&release, UINT32_MAX);
    for (int i = 0; i < started; i++) {
        zx_object_wait_one(threads[i], ZX_THREAD_TERMINATED, ZX_TIME_INFINITE, NULL);
        zx_handle_close(threads[i]);
    }
    return started;
}

int main(int argc, char **argv)
{
    if (argc == 3 && argv[1][0] == 'r')
        return ping_pong(number(argv[2]));
    if (argc == 3 && argv[1][0] == 'b')
        return block(number(argv[2]));
    return -1;
}
