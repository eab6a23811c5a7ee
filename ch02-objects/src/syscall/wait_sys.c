/*: # object_wait_one and nanosleep

Zircon's times are signed nanoseconds on the monotonic clock; `ZX_TIME_INFINITE` waits for ever and
a deadline in the past just samples the signals. The caller's `observed` pointer is optional. Both
are blocking operations in two halves (object/waiter.h), which record why they block:
`BLOCKED_WAIT_ONE` and `BLOCKED_SLEEPING`. The wait's state holds what the second half needs: the
object's reference, which it drops, and where to copy the signals. */
#include "kernel/kmalloc.h"
#include "object/wait.h"
#include "syscall/caller.h"
#include "syscall/deadline.h"
#include "syscall/sys.h"

struct wait_one {
    struct signal_wait w;
    uaddr_t observed;
};

static zx_status_t wait_one_done(struct signal_wait *w, zx_status_t status, zx_signals_t seen)
{
    struct wait_one *one = container_of(w, struct wait_one, w);
    uaddr_t observed = one->observed;
    kobject_unref(w->obj);
    kfree(one);
    if (observed && user_copy_out(observed, &seen, sizeof seen) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    return status;
}

zx_status_t sys_object_wait_one(zx_handle_t handle, zx_signals_t signals, zx_time_t deadline,
                                uaddr_t observed)
{
    struct kobject *obj;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_NONE, ZX_RIGHT_WAIT, &obj, NULL);
    if (status != ZX_OK)
        return status;
    struct wait_one *one = kzalloc(sizeof *one);
    if (!one) {
        kobject_unref(obj);
        return ZX_ERR_NO_MEMORY;
    }
    one->observed = observed;
    return object_wait(&one->w, obj, zx_caller_current()->handles, handle, signals,
                       deadline_from_user(deadline), ZX_THREAD_STATE_BLOCKED_WAIT_ONE,
                       wait_one_done);
}

zx_status_t sys_nanosleep(zx_time_t deadline)
{
    return wait_sleep(deadline_from_user(deadline)); /* a killed thread's status nobody sees */
}
