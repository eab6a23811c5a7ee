/*: # Tests of waiting for a pager

A thread that waits for a page sleeps until something happens that could bring it (a supply, a pager
gone, a shrink), and not a moment longer; and a reading of the supply counter that is out of date
means the page may have come already, so the wait does not block at all. */
#include "kernel/ktest.h"
#include "object/waiter.h"
#include "vm/pager.h"

#define GIVE_UP_NS 5000000000ull

static struct {
    struct wait_self self;
    bool cancel;
    zx_status_t status;
    int done; /* atomic */
} page_wait;

static void wait_for_a_page(void *arg)
{
    uint64_t *seen = arg;
    wait_self_attach(&page_wait.self);
    page_wait.status = pager_wait(*seen);
    wait_self_attach(NULL);
    __atomic_store_n(&page_wait.done, 1, __ATOMIC_SEQ_CST);
}

KTEST(page_wait_sleeps_until_a_supply_event)
{
    static uint64_t seen;
    seen = pager_supplies();
    page_wait.cancel = false;
    page_wait.self = (struct wait_self){.cancelled = &page_wait.cancel};
    page_wait.done = 0;
    KASSERT_EQ(hal_thread_spawn(wait_for_a_page, &seen), 0);
    uint64_t give_up = hal_timer_now() + GIVE_UP_NS;
    while (wait_blocked_reason(&page_wait.self) != ZX_THREAD_STATE_BLOCKED_PAGER &&
           hal_timer_now() < give_up)
        hal_thread_yield();
    KEXPECT_EQ(wait_blocked_reason(&page_wait.self), ZX_THREAD_STATE_BLOCKED_PAGER);
    /* a waiter that polled would have looked again by now */
    wait_sleep(hal_timer_now() + 20000000);
    KEXPECT_EQ(__atomic_load_n(&page_wait.done, __ATOMIC_SEQ_CST), 0);
    pager_resized(); /* one of the events that end every page wait */
    while (!__atomic_load_n(&page_wait.done, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        hal_thread_yield();
    KASSERT_EQ(__atomic_load_n(&page_wait.done, __ATOMIC_SEQ_CST), 1);
    KEXPECT_EQ(page_wait.status, WAIT_RESTART);
}

KTEST(page_wait_with_an_old_reading_returns_at_once)
{
    uint64_t seen = pager_supplies();
    pager_resized();
    KEXPECT_EQ(pager_wait(seen), WAIT_RESTART);
}
