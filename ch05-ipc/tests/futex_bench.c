/*: # What a futex costs

The figure of `make bench` for futexes: a round trip between two kernel threads that take turns
through one futex word, `turn`. Each hands the turn to the other by storing the other's number and
waking it (`futex_wake`), then sleeps (`futex_wait`) until the turn comes back; so a round is two
wakes, two waits and two switches between threads, the slow path both ways. A user program pays
two system calls more per round; the fast path, an uncontended lock, costs no kernel at all. On
LibOS the host's own futex does the same (tests/arch/libos/futex_host_bench.c). */
#include "kernel/kbench.h"
#include "object/futex.h"

#define ROUNDS 2000

static int32_t turn; /* atomic: whose turn it is, 0 (the bench) or 1 (its partner) */

static zx_status_t load_turn(uaddr_t addr, int32_t *value)
{
    *value = __atomic_load_n((int32_t *)(uintptr_t)addr, __ATOMIC_SEQ_CST);
    return ZX_OK;
}

static const struct futex_space bench_space = {&turn, load_turn};

/* Give the turn to other, then wait until it is mine again. */
static void hand_over(int32_t mine, int32_t other)
{
    uaddr_t addr = (uaddr_t)(uintptr_t)&turn;
    __atomic_store_n(&turn, other, __ATOMIC_SEQ_CST);
    futex_wake(&bench_space, addr, 1, false);
    while (__atomic_load_n(&turn, __ATOMIC_SEQ_CST) != mine)
        futex_wait(&bench_space, addr, other, (struct futex_owner){NULL, ZX_OK}, NULL,
                   HAL_NO_DEADLINE);
}

static void partner(void *arg)
{
    (void)arg;
    uaddr_t addr = (uaddr_t)(uintptr_t)&turn;
    while (__atomic_load_n(&turn, __ATOMIC_SEQ_CST) != 1)
        futex_wait(&bench_space, addr, 0, (struct futex_owner){NULL, ZX_OK}, NULL,
                   HAL_NO_DEADLINE);
    for (int i = 0; i < ROUNDS - 1; i++)
        hand_over(1, 0);
    __atomic_store_n(&turn, 0, __ATOMIC_SEQ_CST); /* the last hand back: nothing to wait for */
    futex_wake(&bench_space, addr, 1, false);
}

static uint64_t round_trip(void)
{
    __atomic_store_n(&turn, 0, __ATOMIC_SEQ_CST);
    if (hal_thread_spawn(partner, NULL) != 0)
        return 0;
    uint64_t start = hal_timer_now();
    for (int i = 0; i < ROUNDS; i++)
        hand_over(0, 1);
    return (hal_timer_now() - start) / ROUNDS;
}

KBENCH(futex)
{
    kbench_report("futex wake+wait round trip between two threads", round_trip(), "ns");
}
