/*: # Tests of the one blocking function

A waiter woken before it blocks does not block; an unwoken one times out; a wake from another
thread ends the wait; and a cancelled thread stops waiting, however far off its deadline. While it
blocks, the thread's record says why, and says nothing once the wait is over. An operation handed
to `wait_then` is finished exactly once, with how its wait ended. */
#include "kernel/ktest.h"
#include "object/kobject.h"
#include "object/waiter.h"

#define GIVE_UP_NS 5000000000ull

/* What the main thread and its helper share; static, because the helper may outlive a failed
   test. */
static struct {
    struct waiter *waiter;      /* the main thread's, while it blocks */
    struct wait_self self;      /* the main thread's blocking record */
    bool cancel;                /* self.cancelled points here */
    bool by_cancelling;         /* how the helper ends the wait */
    struct hal_thread *blocked; /* the main thread */
    uint32_t reason_seen;       /* what the helper read while the main thread blocked */
    int done;                   /* atomic: the helper has finished with everything above */
} shared;

static void end_the_wait(void *arg)
{
    (void)arg;
    uint64_t give_up = hal_timer_now() + GIVE_UP_NS;
    while (!wait_blocked_reason(&shared.self) && hal_timer_now() < give_up)
        hal_thread_yield();
    shared.reason_seen = wait_blocked_reason(&shared.self);
    if (shared.by_cancelling) {
        __atomic_store_n(&shared.cancel, true, __ATOMIC_SEQ_CST);
        hal_thread_wake(shared.blocked); /* what a kill does: the thread looks at its record */
    } else {
        waiter_wake(shared.waiter);
    }
    __atomic_store_n(&shared.done, 1, __ATOMIC_SEQ_CST);
}

/* Block the calling thread (for ever, unless ended) while a helper ends the wait one way or the
   other. */
static zx_status_t block_until_helper_ends_it(bool by_cancelling)
{
    struct waiter w;
    waiter_init(&w);
    shared.waiter = &w;
    shared.cancel = false;
    shared.self = (struct wait_self){.cancelled = &shared.cancel};
    shared.by_cancelling = by_cancelling;
    shared.blocked = hal_thread_current();
    shared.reason_seen = 0;
    shared.done = 0;
    wait_self_attach(&shared.self);
    if (hal_thread_spawn(end_the_wait, NULL) != 0) {
        wait_self_attach(NULL);
        return ZX_ERR_NO_MEMORY;
    }
    zx_status_t status =
        wait_block(&w, hal_timer_now() + GIVE_UP_NS, ZX_THREAD_STATE_BLOCKED_FUTEX);
    wait_self_attach(NULL);
    while (!__atomic_load_n(&shared.done, __ATOMIC_SEQ_CST)) /* the helper still holds &w */
        hal_thread_yield();
    return status;
}

KTEST(waiter_woken_before_blocking_does_not_block)
{
    struct waiter w;
    waiter_init(&w);
    waiter_wake(&w);
    KEXPECT_TRUE(waiter_woken(&w));
    /* even past its deadline */
    KEXPECT_EQ(wait_block(&w, 0, ZX_THREAD_STATE_BLOCKED_SLEEPING), ZX_OK);
}

KTEST(unwoken_waiter_times_out_at_its_deadline)
{
    struct waiter w;
    waiter_init(&w);
    uint64_t deadline = hal_timer_now() + 2000000;
    KEXPECT_EQ(wait_block(&w, deadline, ZX_THREAD_STATE_BLOCKED_SLEEPING), ZX_ERR_TIMED_OUT);
    KEXPECT_TRUE(hal_timer_now() >= deadline);
    KEXPECT_TRUE(!waiter_woken(&w));
}

KTEST(wake_from_another_thread_ends_the_wait)
{
    KEXPECT_EQ(block_until_helper_ends_it(false), ZX_OK);
    KEXPECT_EQ(shared.reason_seen, ZX_THREAD_STATE_BLOCKED_FUTEX);
    KEXPECT_EQ(wait_blocked_reason(&shared.self), 0u);
}

KTEST(cancelled_thread_stops_waiting)
{
    KEXPECT_EQ(block_until_helper_ends_it(true), ZX_ERR_CANCELED);
    KEXPECT_EQ(shared.reason_seen, ZX_THREAD_STATE_BLOCKED_FUTEX);
    KEXPECT_EQ(wait_blocked_reason(&shared.self), 0u);
}

KTEST(sleep_lasts_until_its_deadline)
{
    uint64_t deadline = hal_timer_now() + 3000000;
    KEXPECT_EQ(wait_sleep(deadline), ZX_OK);
    KEXPECT_TRUE(hal_timer_now() >= deadline);
}

/* An operation in two halves whose finish counts its calls and keeps how the wait ended. */
struct counted_op {
    struct wait_op op;
    int finishes;
    zx_status_t ended;
};

#define FINISHED 7 /* what count_finish answers: wait_then must give it back */

static zx_status_t count_finish(struct wait_op *op, zx_status_t ended)
{
    struct counted_op *c = container_of(op, struct counted_op, op);
    c->finishes++;
    c->ended = ended;
    return FINISHED;
}

KTEST(wait_then_finishes_once_with_how_the_wait_ended)
{
    struct counted_op c = {0};
    wait_op_init(&c.op, hal_timer_now() + 1000000, ZX_THREAD_STATE_BLOCKED_SLEEPING, count_finish);
    KEXPECT_EQ(wait_then(&c.op), FINISHED);
    KEXPECT_EQ(c.finishes, 1);
    KEXPECT_EQ(c.ended, ZX_ERR_TIMED_OUT);
    c.finishes = 0;
    wait_op_init(&c.op, HAL_NO_DEADLINE, ZX_THREAD_STATE_BLOCKED_SLEEPING, count_finish);
    waiter_wake(&c.op.waiter); /* woken before it waits: no block at all */
    KEXPECT_EQ(wait_then(&c.op), FINISHED);
    KEXPECT_EQ(c.finishes, 1);
    KEXPECT_EQ(c.ended, ZX_OK);
}
