/*: # LibOS against its host: Linux's futex ping-pong

The same round trip as Zinc's "futex wake+wait round trip" (tests/futex_bench.c), between two host
threads taking turns through one word with Linux's private `FUTEX_WAIT` and `FUTEX_WAKE`, in the
same run. */
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "hal/hal.h"
#include "kernel/kbench.h"

#define ROUNDS 2000

static int32_t host_turn; /* atomic */

static void host_futex(int op, int32_t value)
{
    syscall(SYS_futex, &host_turn, op | FUTEX_PRIVATE_FLAG, value, NULL, NULL, 0);
}

static void host_hand_over(int32_t mine, int32_t other)
{
    __atomic_store_n(&host_turn, other, __ATOMIC_SEQ_CST);
    host_futex(FUTEX_WAKE, 1);
    while (__atomic_load_n(&host_turn, __ATOMIC_SEQ_CST) != mine)
        host_futex(FUTEX_WAIT, other);
}

static void *host_partner(void *arg)
{
    (void)arg;
    while (__atomic_load_n(&host_turn, __ATOMIC_SEQ_CST) != 1)
        host_futex(FUTEX_WAIT, 0);
    for (int i = 0; i < ROUNDS - 1; i++)
        host_hand_over(1, 0);
    __atomic_store_n(&host_turn, 0, __ATOMIC_SEQ_CST);
    host_futex(FUTEX_WAKE, 1);
    return NULL;
}

static uint64_t host_round_trip(void)
{
    pthread_t t;
    host_turn = 0;
    if (pthread_create(&t, NULL, host_partner, NULL) != 0)
        return 0;
    uint64_t start = hal_timer_now();
    for (int i = 0; i < ROUNDS; i++)
        host_hand_over(0, 1);
    uint64_t per_round = (hal_timer_now() - start) / ROUNDS;
    pthread_join(t, NULL);
    return per_round;
}

KBENCH(futex_host)
{
    kbench_report("host futex wake+wait round trip between two threads", host_round_trip(), "ns");
}
