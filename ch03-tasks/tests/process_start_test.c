/*: # Tests of process_start's handle

`zx_process_start` hands its `arg1` handle to the new process: it leaves the caller's table whatever
happens, and reaches the new process's table only if the process starts. These tests make the calls
fail, in the ways Fuchsia's reference lists, and look where the handle went. Each passes a handle to
an event while keeping another handle to it, through which it counts the event's handles
(`ZX_INFO_HANDLE_COUNT` counts the same): after a failed start only the kept one may be left. No
user code runs: every start here is refused, before or by `thread_start`. */
#include "kernel/ktest.h"
#include "sys_support.h"
#include "task/task.h"

/* A process, with one thread, in a new job: the values of the three handles in the caller's
   table. */
struct unstarted {
    zx_handle_t job, process, thread;
};

static int make_unstarted(struct sys_env *env, struct unstarted *u)
{
    struct job *j;
    if (job_create(job_root(), &j) != ZX_OK)
        return -1;
    if (handle_table_add(&env->handles, &j->base, job_type.default_rights, &u->job) != ZX_OK)
        return -1;
    scratch_put(env, 512, "start", 5);
    if (sys_process_create(u->job, scratch(512), 5, 0, scratch(0), scratch(4)) != ZX_OK)
        return -1;
    u->process = scratch_u32(env, 0);
    if (sys_thread_create(u->process, scratch(512), 5, 0, scratch(0)) != ZX_OK)
        return -1;
    u->thread = scratch_u32(env, 0);
    return 0;
}

/* A new event, with two handles to it: *kept, to watch it, and the value returned, to pass. */
static zx_handle_t new_event(struct sys_env *env, zx_handle_t *kept)
{
    if (sys_event_create(0, scratch(0)) != ZX_OK)
        return ZX_HANDLE_INVALID;
    *kept = scratch_u32(env, 0);
    if (sys_handle_duplicate(*kept, ZX_RIGHT_SAME_RIGHTS, scratch(0)) != ZX_OK)
        return ZX_HANDLE_INVALID;
    return scratch_u32(env, 0);
}

/* How many handles there are to the object that h names, in any table or on the way between two. */
static uint32_t handles_to(zx_handle_t h)
{
    struct kobject *obj;
    if (caller_handle_get(h, ZX_OBJ_TYPE_NONE, 0, &obj, NULL) != ZX_OK)
        return 0xbad;
    uint32_t n = __atomic_load_n(&obj->handles, __ATOMIC_RELAXED);
    kobject_unref(obj);
    return n;
}

/* The number of handles in the table of the process whose handle is process. */
static uint32_t handles_in(zx_handle_t process)
{
    struct kobject *obj;
    if (caller_handle_get(process, ZX_OBJ_TYPE_PROCESS, 0, &obj, NULL) != ZX_OK)
        return 0xbad;
    uint32_t n = container_of(obj, struct process, base)->handles.count;
    kobject_unref(obj);
    return n;
}

/* Not a user address: thread_start refuses it, after every other check has passed. */
#define NO_ENTRY ((uintptr_t)HAL_USER_END)

KTEST(process_start_needs_the_transfer_right)
{
    struct sys_env env;
    struct unstarted u;
    zx_handle_t kept;
    KASSERT_EQ(sys_env_init(&env), 0);
    KASSERT_EQ(make_unstarted(&env, &u), 0);
    zx_handle_t passed = new_event(&env, &kept);
    KASSERT_EQ(sys_handle_replace(passed, ZX_RIGHT_WAIT | ZX_RIGHT_DUPLICATE, scratch(0)), ZX_OK);
    passed = scratch_u32(&env, 0);
    /* Refused for the right, before the start is tried: not the entry's INVALID_ARGS. */
    KEXPECT_EQ(sys_process_start(u.process, u.thread, NO_ENTRY, 0, passed, 0),
               ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_handle_close(passed), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(handles_to(kept), 1);
    KEXPECT_EQ(handles_in(u.process), 0);
    sys_env_free(&env);
}

KTEST(process_start_drops_its_handle_when_the_checks_fail)
{
    struct sys_env env;
    struct unstarted u, other;
    zx_handle_t kept;
    KASSERT_EQ(sys_env_init(&env), 0);
    KASSERT_EQ(make_unstarted(&env, &u), 0);
    KASSERT_EQ(make_unstarted(&env, &other), 0);
    /* The thread of another process. */
    zx_handle_t passed = new_event(&env, &kept);
    KEXPECT_EQ(sys_process_start(u.process, other.thread, NO_ENTRY, 0, passed, 0),
               ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_handle_close(passed), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(handles_to(kept), 1);
    /* A thread's handle where the process's should be. */
    passed = new_event(&env, &kept);
    KEXPECT_EQ(sys_process_start(u.thread, u.thread, NO_ENTRY, 0, passed, 0), ZX_ERR_WRONG_TYPE);
    KEXPECT_EQ(sys_handle_close(passed), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(handles_to(kept), 1);
    KEXPECT_EQ(handles_in(u.process), 0);
    KEXPECT_EQ(handles_in(other.process), 0);
    sys_env_free(&env);
}

KTEST(process_start_that_fails_leaves_no_handle_in_the_process)
{
    struct sys_env env;
    struct unstarted u;
    zx_handle_t kept;
    KASSERT_EQ(sys_env_init(&env), 0);
    KASSERT_EQ(make_unstarted(&env, &u), 0);
    zx_handle_t passed = new_event(&env, &kept);
    /* Every check passes and the handle reaches the process; then the thread cannot start. */
    KEXPECT_EQ(sys_process_start(u.process, u.thread, NO_ENTRY, 0, passed, 0),
               ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_handle_close(passed), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(handles_in(u.process), 0);
    KEXPECT_EQ(handles_to(kept), 1);
    /* It did not start: a second try is refused for its entry again, not as a second start. */
    KEXPECT_EQ(sys_process_start(u.process, u.thread, NO_ENTRY, 0, ZX_HANDLE_INVALID, 0),
               ZX_ERR_INVALID_ARGS);
    sys_env_free(&env);
}
