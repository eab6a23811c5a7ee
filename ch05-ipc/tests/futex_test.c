/*: # Tests of the futex table

What user programs cannot see: the order of a futex's queue, and the bookkeeping of its owner. A
test plays several waiters at once by queueing records of its own (`futex_queue`) that no thread
blocks on, and then asks which of them a wake or a requeue woke (`waiter_woken`); the futexes are
integers of the test itself, read through a `struct futex_space` of its own. Owners are events:
the table takes any object as an owner, and only the system calls insist on threads. */
#include "kernel/ktest.h"
#include "object/event.h"
#include "object/futex.h"

static zx_status_t load_kernel(uaddr_t addr, int32_t *value)
{
    *value = *(const int32_t *)(uintptr_t)addr;
    return ZX_OK;
}

static int space_id;
static const struct futex_space space = {&space_id, load_kernel};
static const struct futex_owner nobody = {NULL, ZX_OK};

#define ADDR(x) ((uaddr_t)(uintptr_t)&(x))

/* Queue n waiters on futex, in order; each is its own "thread" (self), an event. */
static void queue_all(struct futex_waiter *w, int n, int32_t *futex, struct kobject **selves)
{
    for (int i = 0; i < n; i++) {
        w[i] = (struct futex_waiter){.self = selves ? selves[i] : NULL};
        waiter_init(&w[i].op.waiter);
        KEXPECT_EQ(futex_queue(&space, ADDR(*futex), *futex, nobody, &w[i]), ZX_OK);
    }
}

/* How many of w[0..n) were woken, as a bit set. */
static unsigned woken_set(const struct futex_waiter *w, int n)
{
    unsigned set = 0;
    for (int i = 0; i < n; i++)
        if (waiter_woken(&w[i].op.waiter))
            set |= 1u << i;
    return set;
}

static void unqueue_all(struct futex_waiter *w, int n)
{
    for (int i = 0; i < n; i++)
        futex_unqueue(&w[i]);
}

KTEST(futex_wake_wakes_count_waiters_in_order)
{
    int32_t f = 7;
    struct futex_waiter w[5];
    queue_all(w, 5, &f, NULL);
    KEXPECT_EQ(futex_wake(&space, ADDR(f), 2, false), 2u);
    KEXPECT_EQ(woken_set(w, 5), 0x3u); /* the first two that came */
    KEXPECT_EQ(futex_wake(&space, ADDR(f), 0, false), 0u);
    KEXPECT_EQ(woken_set(w, 5), 0x3u); /* waking none is no error */
    KEXPECT_EQ(futex_wake(&space, ADDR(f), UINT32_MAX, false), 3u);
    KEXPECT_EQ(woken_set(w, 5), 0x1fu);
    unqueue_all(w, 5);
}

KTEST(futex_wait_refuses_a_changed_value)
{
    int32_t f = 1;
    struct futex_waiter w = {0};
    waiter_init(&w.op.waiter);
    KEXPECT_EQ(futex_queue(&space, ADDR(f), 2, nobody, &w), ZX_ERR_BAD_STATE);
    struct futex_owner bad = {NULL, ZX_ERR_BAD_HANDLE};
    KEXPECT_EQ(futex_queue(&space, ADDR(f), 2, bad, &w), ZX_ERR_BAD_STATE); /* the value first */
    KEXPECT_EQ(futex_queue(&space, ADDR(f), 1, bad, &w), ZX_ERR_BAD_HANDLE);
}

KTEST(futex_wait_times_out_and_leaves_the_queue)
{
    int32_t f = 3;
    KEXPECT_EQ(futex_wait(&space, ADDR(f), 3, nobody, NULL, hal_timer_now() + 1000000),
               ZX_ERR_TIMED_OUT);
    KEXPECT_EQ(futex_wait(&space, ADDR(f), 3, nobody, NULL, 0), ZX_ERR_TIMED_OUT);
    /* Nobody is left queued: a waiter queued now is the first to be woken. */
    struct futex_waiter w[1];
    queue_all(w, 1, &f, NULL);
    futex_wake(&space, ADDR(f), 1, false);
    KEXPECT_EQ(woken_set(w, 1), 1u);
}

/* Fuchsia's FutexTest.ThreadKilled kills a waiting thread; Zircon no longer kills single threads
   (zx_task_kill says ZX_ERR_WRONG_TYPE), so a user program cannot, and the kernel checks it here: a
   thread being killed stops waiting, and leaves no record in the queue behind it. */
KTEST(futex_wait_of_a_killed_thread_ends_and_leaves_the_queue)
{
    int32_t f = 5;
    bool killed = true;
    struct wait_self self = {.cancelled = &killed};
    wait_self_attach(&self);
    zx_status_t status = futex_wait(&space, ADDR(f), 5, nobody, NULL, HAL_NO_DEADLINE);
    wait_self_attach(NULL);
    KEXPECT_EQ(status, ZX_ERR_CANCELED);
    struct futex_waiter w[1];
    queue_all(w, 1, &f, NULL);
    futex_wake(&space, ADDR(f), 1, false);
    KEXPECT_EQ(woken_set(w, 1), 1u); /* the only one queued is the new one */
}

KTEST(futex_unqueue_from_the_middle_keeps_the_rest)
{
    int32_t f = 0;
    struct futex_waiter w[3];
    queue_all(w, 3, &f, NULL);
    KEXPECT_EQ(futex_unqueue(&w[1]), ZX_ERR_TIMED_OUT); /* it was still queued */
    futex_wake(&space, ADDR(f), 2, false);
    KEXPECT_EQ(woken_set(w, 3), 0x5u);
    KEXPECT_EQ(futex_unqueue(&w[0]), ZX_OK); /* woken: nothing to take out */
}

KTEST(futex_requeue_wakes_then_moves_in_order)
{
    int32_t a = 100, b = 200;
    struct futex_waiter on_b[2], on_a[6];
    queue_all(on_b, 2, &b, NULL);
    queue_all(on_a, 6, &a, NULL);
    uint32_t moved;
    KEXPECT_EQ(futex_requeue(&space, ADDR(a), 1, 100, ADDR(b), 3, nobody, false, &moved), ZX_OK);
    KEXPECT_EQ(moved, 4u); /* one woken, three moved */
    KEXPECT_EQ(woken_set(on_a, 6), 0x1u);
    /* b's queue: its own two, then a's second, third and fourth, in that order. */
    futex_wake(&space, ADDR(b), 3, false);
    KEXPECT_EQ(woken_set(on_b, 2), 0x3u);
    KEXPECT_EQ(woken_set(on_a, 6), 0x3u);
    futex_wake(&space, ADDR(b), 1, false);
    KEXPECT_EQ(woken_set(on_a, 6), 0x7u);
    futex_wake(&space, ADDR(b), 1, false);
    KEXPECT_EQ(woken_set(on_a, 6), 0xfu);
    futex_wake(&space, ADDR(b), 1, false);
    KEXPECT_EQ(woken_set(on_a, 6), 0xfu); /* b is empty now; a keeps its last two */
    futex_wake(&space, ADDR(a), UINT32_MAX, false);
    KEXPECT_EQ(woken_set(on_a, 6), 0x3fu);
}

KTEST(futex_requeued_waiter_that_times_out_leaves_the_new_queue)
{
    int32_t a = 1, b = 2;
    struct futex_waiter w[2];
    queue_all(w, 2, &a, NULL);
    KEXPECT_EQ(futex_requeue(&space, ADDR(a), 0, 1, ADDR(b), 2, nobody, false, NULL), ZX_OK);
    KEXPECT_EQ(futex_unqueue(&w[0]), ZX_ERR_TIMED_OUT);
    futex_wake(&space, ADDR(b), 1, false);
    KEXPECT_EQ(woken_set(w, 2), 0x2u);
}

KTEST(futex_owner_bookkeeping)
{
    int32_t a = 5, b = 6;
    struct kobject *t[3];
    for (int i = 0; i < 3; i++)
        KASSERT_EQ(event_create(&t[i]), ZX_OK);
    struct futex_waiter w[2];
    queue_all(w, 2, &a, t);
    KEXPECT_TRUE(futex_owner(&space, ADDR(a)) == NULL);
    /* A third waiter names t[2] the owner; a waiter may not name a waiter. */
    struct futex_waiter x = {.self = NULL};
    waiter_init(&x.op.waiter);
    struct futex_owner waiter_owner = {t[0], ZX_OK}, owner = {t[2], ZX_OK};
    KEXPECT_EQ(futex_queue(&space, ADDR(a), 5, waiter_owner, &x), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(futex_queue(&space, ADDR(a), 5, owner, &x), ZX_OK);
    struct kobject *o = futex_owner(&space, ADDR(a));
    KEXPECT_TRUE(o == t[2]);
    kobject_unref(o);
    /* A failed requeue changes no owner; a wake of one with the ownership passes it on. */
    KEXPECT_EQ(futex_requeue(&space, ADDR(a), 0, 4, ADDR(b), 1, nobody, false, NULL),
               ZX_ERR_BAD_STATE);
    futex_wake(&space, ADDR(a), 1, true);
    KEXPECT_EQ(woken_set(w, 2), 0x1u);
    o = futex_owner(&space, ADDR(a));
    KEXPECT_TRUE(o == t[0]);
    kobject_unref(o);
    /* A requeue names the requeue futex's owner, and leaves the wake futex with none. */
    KEXPECT_EQ(futex_requeue(&space, ADDR(a), 0, 5, ADDR(b), 1, owner, false, NULL), ZX_OK);
    KEXPECT_TRUE(futex_owner(&space, ADDR(a)) == NULL);
    o = futex_owner(&space, ADDR(b));
    KEXPECT_TRUE(o == t[2]);
    kobject_unref(o);
    /* The last waiter gone, the futex is gone, and so is its owner. */
    futex_wake(&space, ADDR(b), 1, false);
    futex_wake(&space, ADDR(a), 1, false);
    KEXPECT_EQ(woken_set(w, 2), 0x3u);
    KEXPECT_TRUE(waiter_woken(&x.op.waiter));
    KEXPECT_TRUE(futex_owner(&space, ADDR(a)) == NULL);
    KEXPECT_TRUE(futex_owner(&space, ADDR(b)) == NULL);
    for (int i = 0; i < 3; i++)
        kobject_unref(t[i]);
}
