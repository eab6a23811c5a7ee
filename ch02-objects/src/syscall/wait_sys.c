/*: # object_wait_one and nanosleep

Zircon's times are signed nanoseconds on the monotonic clock; `ZX_TIME_INFINITE` waits for ever and
a deadline in the past just samples the signals. The caller's `observed` pointer is optional. Both
block in the one blocking function (object/waiter.h), which records why: `BLOCKED_WAIT_ONE` and
`BLOCKED_SLEEPING`. */
#include "object/wait.h"
#include "syscall/caller.h"
#include "syscall/deadline.h"
#include "syscall/sys.h"

zx_status_t sys_object_wait_one(zx_handle_t handle, zx_signals_t signals, zx_time_t deadline, uaddr_t observed)
{
    struct zx_caller *caller = zx_caller_current();
    struct kobject *obj;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_NONE, ZX_RIGHT_WAIT, &obj, NULL);
    if (status != ZX_OK)
        return status;
    zx_signals_t seen = 0;
    status = object_wait(obj, caller->handles, handle, signals, deadline_from_user(deadline),
                         ZX_THREAD_STATE_BLOCKED_WAIT_ONE, &seen);
    kobject_unref(obj);
    if (observed && user_copy_out(observed, &seen, sizeof seen) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    return status;
}

zx_status_t sys_nanosleep(zx_time_t deadline)
{
    wait_sleep(deadline_from_user(deadline)); /* a killed thread ends its sleep early; nobody sees the status */
    return ZX_OK;
}
