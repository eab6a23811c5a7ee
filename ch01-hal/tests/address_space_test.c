/*: # Tests of address spaces used by several threads at once

On LibOS two kernel threads are two host threads, running at the same time, while the host process
has a single address space: they must take turns at it, each with its own page table live
(arch/libos/turn.c). On bare metal the threads take turns on the one CPU. Either way each program
must only ever see its own memory. */
#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "user_support.h"

#define SHARED_VA 0x20000000ul
#define ROUNDS 2000

struct steady_run {
    struct user_run r;
    paddr_t frame;
    int done;
};

static void run_steady(void *arg)
{
    struct steady_run *s = arg;
    user_run_serve(&s->r);
    __atomic_store_n(&s->done, 1, __ATOMIC_SEQ_CST);
}

static int prepare(struct steady_run *s, uint64_t token)
{
    s->done = 0;
    if (user_run_load(&s->r, "steady", SHARED_VA, ROUNDS))
        return -1;
    s->frame = frame_alloc();
    if (!s->frame)
        return -1;
    hal_pmem_write(s->frame, &token, sizeof token);
    return hal_pt_map(s->r.us.pt, SHARED_VA, s->frame, PAGE_SIZE, HAL_MMU_READ | HAL_MMU_USER);
}

KTEST(concurrent_address_spaces_stay_apart)
{
    static struct steady_run a, b;
    uint64_t ta = ktest_random() | 2, tb = ktest_random() | 2;
    KASSERT_EQ(prepare(&a, ta), 0);
    KASSERT_EQ(prepare(&b, tb), 0);
    KASSERT_EQ(hal_thread_spawn(run_steady, &a), 0);
    KASSERT_EQ(hal_thread_spawn(run_steady, &b), 0);
    uint64_t give_up = hal_timer_now() + 20000000000ull;
    while (!(__atomic_load_n(&a.done, __ATOMIC_SEQ_CST) &&
             __atomic_load_n(&b.done, __ATOMIC_SEQ_CST)) &&
           hal_timer_now() < give_up)
        hal_thread_yield();
    KASSERT_TRUE(a.done && b.done);
    KEXPECT_TRUE(a.r.outcome.exited && b.r.outcome.exited);
    KEXPECT_EQ(a.r.outcome.status, ta);
    KEXPECT_EQ(b.r.outcome.status, tb);
    for (struct steady_run *s = &a; s; s = s == &a ? &b : NULL) {
        hal_pt_unmap(s->r.us.pt, SHARED_VA, PAGE_SIZE);
        frame_free(s->frame);
        user_run_free(&s->r);
    }
}
