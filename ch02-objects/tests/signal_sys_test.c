/*: # Tests of signalling and waiting (EventTest, EventPairTest, ObjectWaitOneTest) */
#include "kernel/ktest.h"
#include "sys_support.h"

#define MS 1000000ll

static zx_handle_t new_event(struct sys_env *env)
{
    return sys_event_create(0, scratch(0)) == ZX_OK ? scratch_u32(env, 0) : 0;
}

KTEST(event_create_rejects_options_and_bad_pointers)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    KEXPECT_EQ(sys_event_create(1, scratch(0)), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_event_create(0, 0), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_event_create(0, UNMAPPED_VA), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_event_create(0, READONLY_VA), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(env.handles.count, 0); /* no handle leaked into the table */
    sys_env_free(&env);
}

KTEST(event_signal_allows_user_and_signaled_bits_only)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t e = new_event(&env);
    KEXPECT_EQ(sys_object_signal(e, 0, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_7), ZX_OK);
    KEXPECT_EQ(sys_object_wait_one(e, ZX_EVENT_SIGNALED, 0, scratch(8)), ZX_OK);
    KEXPECT_EQ(scratch_u32(&env, 8), ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_7);
    KEXPECT_EQ(sys_object_signal(e, 0, ZX_CHANNEL_READABLE), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_object_signal(e, ZX_OBJECT_SIGNAL_5, 0), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_object_signal(e, ZX_EVENT_SIGNALED, 0), ZX_OK);
    KEXPECT_EQ(sys_object_wait_one(e, ZX_EVENT_SIGNALED, 0, scratch(8)), ZX_ERR_TIMED_OUT);
    KEXPECT_EQ(scratch_u32(&env, 8), ZX_USER_SIGNAL_7);
    /* no SIGNAL_PEER right */
    KEXPECT_EQ(sys_object_signal_peer(e, 0, ZX_USER_SIGNAL_0), ZX_ERR_ACCESS_DENIED);
    sys_env_free(&env);
}

KTEST(signal_needs_the_signal_right)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t e = new_event(&env);
    KASSERT_EQ(sys_handle_replace(e, ZX_RIGHT_WAIT, scratch(0)), ZX_OK);
    zx_handle_t wait_only = scratch_u32(&env, 0);
    KEXPECT_EQ(sys_object_signal(wait_only, 0, ZX_USER_SIGNAL_0), ZX_ERR_ACCESS_DENIED);
    KASSERT_EQ(sys_handle_replace(wait_only, ZX_RIGHT_NONE, scratch(0)), ZX_OK);
    KEXPECT_EQ(sys_object_wait_one(scratch_u32(&env, 0), ZX_USER_SIGNAL_0, 0, 0),
               ZX_ERR_ACCESS_DENIED);
    sys_env_free(&env);
}

KTEST(eventpair_signals_its_peer_and_sees_it_close)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    KASSERT_EQ(sys_eventpair_create(0, scratch(0), scratch(4)), ZX_OK);
    zx_handle_t a = scratch_u32(&env, 0), b = scratch_u32(&env, 4);
    KEXPECT_EQ(sys_object_signal_peer(a, 0, ZX_EVENTPAIR_SIGNALED | ZX_USER_SIGNAL_1), ZX_OK);
    KEXPECT_EQ(sys_object_wait_one(b, ZX_EVENTPAIR_SIGNALED, 0, scratch(8)), ZX_OK);
    KEXPECT_EQ(scratch_u32(&env, 8), ZX_EVENTPAIR_SIGNALED | ZX_USER_SIGNAL_1);
    KEXPECT_EQ(sys_object_wait_one(a, ZX_EVENTPAIR_SIGNALED, 0, scratch(8)), ZX_ERR_TIMED_OUT);
    KEXPECT_EQ(sys_object_signal_peer(a, 0, ZX_EVENTPAIR_PEER_CLOSED), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_handle_close(b), ZX_OK);
    KEXPECT_EQ(sys_object_wait_one(a, ZX_EVENTPAIR_PEER_CLOSED, 0, scratch(8)), ZX_OK);
    KEXPECT_EQ(sys_object_signal_peer(a, 0, ZX_USER_SIGNAL_0), ZX_ERR_PEER_CLOSED);
    KEXPECT_EQ(sys_eventpair_create(0, scratch(0), UNMAPPED_VA), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(env.handles.count, 1); /* only a: the failed pair left nothing behind */
    sys_env_free(&env);
}

KTEST(wait_one_times_out_at_its_deadline)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t e = new_event(&env);
    zx_time_t start = sys_clock_get_monotonic();
    KEXPECT_EQ(sys_object_wait_one(e, ZX_EVENT_SIGNALED, start + 30 * MS, scratch(8)),
               ZX_ERR_TIMED_OUT);
    KEXPECT_GE(sys_clock_get_monotonic() - start, 30 * MS);
    KEXPECT_EQ(scratch_u32(&env, 8), 0);
    KEXPECT_EQ(sys_object_wait_one(e, ZX_EVENT_SIGNALED, 0, UNMAPPED_VA), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_object_wait_one(0x55550003u, ZX_EVENT_SIGNALED, 0, 0), ZX_ERR_BAD_HANDLE);
    sys_env_free(&env);
}

static struct {
    struct kobject *target;
    zx_signals_t set;
    uint64_t delay;
} later;

static void signal_later(void *arg)
{
    uint64_t until = hal_timer_now() + later.delay;
    while (hal_timer_now() < until)
        hal_thread_park(until);
    kobject_signal(later.target, 0, later.set);
    kobject_unref(later.target);
}

KTEST(wait_one_wakes_when_another_thread_signals)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t e = new_event(&env);
    KASSERT_EQ(handle_table_get(&env.handles, e, ZX_OBJ_TYPE_NONE, 0, &later.target, NULL), ZX_OK);
    later.set = ZX_USER_SIGNAL_3;
    later.delay = 20 * MS;
    KASSERT_EQ(hal_thread_spawn(signal_later, NULL), 0);
    zx_time_t start = sys_clock_get_monotonic();
    KEXPECT_EQ(sys_object_wait_one(e, ZX_USER_SIGNAL_3, ZX_TIME_INFINITE, scratch(8)), ZX_OK);
    KEXPECT_EQ(scratch_u32(&env, 8), ZX_USER_SIGNAL_3);
    KEXPECT_GE(sys_clock_get_monotonic() - start, 20 * MS);
    sys_env_free(&env);
}

KTEST(nanosleep_sleeps_until_the_deadline)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_time_t start = sys_clock_get_monotonic();
    KEXPECT_EQ(sys_nanosleep(start + 15 * MS), ZX_OK);
    KEXPECT_GE(sys_clock_get_monotonic() - start, 15 * MS);
    KEXPECT_EQ(sys_nanosleep(0), ZX_OK); /* a deadline in the past returns at once */
    sys_env_free(&env);
}
