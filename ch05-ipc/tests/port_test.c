/*: # Tests of port observers and timers as objects

What is easiest to see from inside: whether an observer fires for a signal set before it was
placed (a level-triggered wait does, an edge-triggered one waits for the next rise), that a cancel
takes back packets already queued, that a timer fires once and a new setting clears the signal,
and chapter 1's slack window, which lets one kernel timer take another's deadline. */
#include "kernel/ktest.h"
#include "kernel/timer.h"
#include "object/event.h"
#include "object/port_observer.h"
#include "object/timer.h"
#include "object/wait.h"

#define MS 1000000ull

struct setup {
    struct handle_table t;
    struct kobject *port, *event;
    zx_handle_t hp, he;
};

/* Port and event, each with a handle in s->t; the table holds a reference of each, s another. */
static bool setup(struct setup *s)
{
    handle_table_init(&s->t);
    if (port_create(0, &s->port) != ZX_OK || event_create(&s->event) != ZX_OK)
        return false;
    kobject_ref(s->port);
    kobject_ref(s->event);
    return handle_table_add(&s->t, s->port, port_type.default_rights, &s->hp) == ZX_OK &&
           handle_table_add(&s->t, s->event, ZX_RIGHTS_BASIC | ZX_RIGHT_SIGNAL, &s->he) == ZX_OK;
}

static void teardown(struct setup *s)
{
    handle_table_destroy(&s->t);
    kobject_unref(s->port);
    kobject_unref(s->event);
}

static zx_status_t wait_async(struct setup *s, uint64_t key, uint32_t options)
{
    return port_wait_async(s->event, &s->t, s->he, s->port, key, ZX_EVENT_SIGNALED, options);
}

/* How many packets wait on the port (taking them); *key gets the last one's key. */
static int drain(struct kobject *port, uint64_t *key)
{
    zx_port_packet_t p;
    int n = 0;
    while (port_take(port, &p) == ZX_OK) {
        *key = p.key;
        n++;
    }
    return n;
}

KTEST(port_level_wait_fires_for_a_signal_already_set)
{
    struct setup s;
    KASSERT_TRUE(setup(&s));
    uint64_t key = 0;
    kobject_signal(s.event, 0, ZX_EVENT_SIGNALED);
    KEXPECT_EQ(wait_async(&s, 7, ZX_WAIT_ASYNC_ONCE), ZX_OK);
    KEXPECT_EQ(drain(s.port, &key), 1);
    KEXPECT_EQ(key, 7);
    kobject_signal(s.event, ZX_EVENT_SIGNALED, ZX_EVENT_SIGNALED); /* once: no second packet */
    KEXPECT_EQ(drain(s.port, &key), 0);
    teardown(&s);
}

KTEST(port_edge_wait_waits_for_the_next_rise)
{
    struct setup s;
    KASSERT_TRUE(setup(&s));
    uint64_t key = 0;
    kobject_signal(s.event, 0, ZX_EVENT_SIGNALED);
    KEXPECT_EQ(wait_async(&s, 8, ZX_WAIT_ASYNC_EDGE), ZX_OK);
    KEXPECT_EQ(drain(s.port, &key), 0);
    kobject_signal(s.event, 0, ZX_USER_SIGNAL_0); /* another signal changes: still no rise */
    KEXPECT_EQ(drain(s.port, &key), 0);
    kobject_signal(s.event, ZX_EVENT_SIGNALED, 0);
    KEXPECT_EQ(drain(s.port, &key), 0);
    kobject_signal(s.event, 0, ZX_EVENT_SIGNALED);
    KEXPECT_EQ(drain(s.port, &key), 1);
    KEXPECT_EQ(key, 8);
    teardown(&s);
}

KTEST(port_cancel_takes_back_queued_packets_and_armed_waits)
{
    struct setup s;
    KASSERT_TRUE(setup(&s));
    uint64_t key = 0;
    kobject_signal(s.event, 0, ZX_EVENT_SIGNALED);
    KEXPECT_EQ(wait_async(&s, 1, 0), ZX_OK); /* queued at once */
    KEXPECT_EQ(wait_async(&s, 2, 0), ZX_OK);
    kobject_signal(s.event, ZX_EVENT_SIGNALED, 0);
    KEXPECT_EQ(wait_async(&s, 1, 0), ZX_OK); /* armed */
    KEXPECT_EQ(port_cancel_waits(s.port, s.event, &s.t, s.he, 1), ZX_OK);
    KEXPECT_EQ(port_cancel_waits(s.port, s.event, &s.t, s.he, 1), ZX_ERR_NOT_FOUND);
    kobject_signal(s.event, 0, ZX_EVENT_SIGNALED);
    KEXPECT_EQ(drain(s.port, &key), 1); /* only key 2's */
    KEXPECT_EQ(key, 2);
    KEXPECT_EQ(kobject_signals(s.port) & PORT_READABLE, 0);
    teardown(&s);
}

KTEST(port_closed_takes_no_packets_and_its_waits_end_with_the_handle)
{
    struct setup s;
    KASSERT_TRUE(setup(&s));
    KEXPECT_EQ(wait_async(&s, 3, 0), ZX_OK);
    KEXPECT_EQ(handle_table_close(&s.t, s.hp), ZX_OK);
    kobject_signal(s.event, 0, ZX_EVENT_SIGNALED); /* the observer stays, inert */
    uint64_t key = 0;
    KEXPECT_EQ(drain(s.port, &key), 0);
    KEXPECT_EQ(s.port->refs, 2); /* ours and the observer's */
    KEXPECT_EQ(handle_table_close(&s.t, s.he), ZX_OK);
    KEXPECT_EQ(s.port->refs, 1); /* the observer is gone */
    teardown(&s);
}

/* Block until obj asserts ZX_TIMER_SIGNALED or the deadline passes. */
static zx_status_t wait_signaled(struct kobject *obj, uint64_t deadline)
{
    zx_signals_t seen;
    return object_wait_here(obj, ZX_TIMER_SIGNALED, deadline, &seen);
}

KTEST(timer_fires_once_and_forgets_its_deadline)
{
    struct kobject *t;
    KASSERT_EQ(timer_obj_create(ZX_TIMER_SLACK_CENTER, &t), ZX_OK);
    uint64_t now = hal_timer_now();
    zx_info_timer_t info;
    timer_obj_set(t, (zx_time_t)(now + 100000 * MS), 0); /* far enough for a slow machine */
    timer_obj_info(t, &info);
    KEXPECT_EQ(info.deadline, (zx_time_t)(now + 100000 * MS));
    timer_obj_set(t, (zx_time_t)(now + 2 * MS), 0);
    KEXPECT_EQ(wait_signaled(t, now + 5000 * MS), ZX_OK);
    KEXPECT_TRUE(hal_timer_now() >= now + 2 * MS);
    timer_obj_info(t, &info);
    KEXPECT_EQ(info.deadline, 0);
    kobject_unref(t);
}

KTEST(timer_set_again_clears_the_signal_and_cancel_disarms)
{
    struct kobject *t;
    KASSERT_EQ(timer_obj_create(ZX_TIMER_SLACK_LATE, &t), ZX_OK);
    timer_obj_set(t, 0, 0); /* due already: signalled before set returns */
    KEXPECT_EQ(kobject_signals(t), ZX_TIMER_SIGNALED);
    timer_obj_set(t, (zx_time_t)(hal_timer_now() + 1000 * MS), 5 * MS);
    KEXPECT_EQ(kobject_signals(t), 0);
    timer_obj_cancel(t);
    KEXPECT_EQ(wait_signaled(t, hal_timer_now() + 3 * MS), ZX_ERR_TIMED_OUT);
    zx_info_timer_t info;
    timer_obj_info(t, &info);
    KEXPECT_EQ(info.options, ZX_TIMER_SLACK_LATE);
    KEXPECT_EQ(info.deadline, 0);
    kobject_unref(t); /* destroyed while disarmed: nothing left to fire */
}

static void count(struct ktimer *t, void *arg)
{
    __atomic_fetch_add((int *)arg, 1, __ATOMIC_SEQ_CST);
}

KTEST(ktimer_with_slack_takes_the_deadline_of_a_timer_due_in_its_window)
{
    struct ktimer a = {0}, b = {0}, c = {0};
    int fired = 0;
    uint64_t now = hal_timer_now();
    timer_start(&a, now + 1000 * MS, count, &fired);
    timer_start_slack(&b, now + 900 * MS, now + 950 * MS, now + 1100 * MS, count, &fired);
    KEXPECT_EQ(b.deadline, a.deadline);
    timer_start_slack(&c, now + 800 * MS, now + 850 * MS, now + 900 * MS, count, &fired);
    KEXPECT_EQ(c.deadline, now + 850 * MS); /* nobody due in its window */
    timer_cancel_sync(&a);
    timer_cancel_sync(&b);
    timer_cancel_sync(&c);
    KEXPECT_EQ(fired, 0);
}

KTEST(ktimer_cancel_sync_leaves_no_callback_to_come)
{
    struct ktimer t = {0};
    int fired = 0;
    for (int i = 0; i < 50; i++) {
        timer_start(&t, hal_timer_now() + (uint64_t)(i % 3) * 10000, count, &fired);
        timer_cancel_sync(&t);
        int seen = __atomic_load_n(&fired, __ATOMIC_SEQ_CST);
        wait_sleep(hal_timer_now() + 50000);
        KEXPECT_EQ(__atomic_load_n(&fired, __ATOMIC_SEQ_CST), seen); /* nothing after the cancel */
    }
}
