/*: # The timer system calls

`timer_create` takes one of the three `ZX_TIMER_SLACK_*` options and the monotonic clock, the only
one a timer can follow (`ZX_ERR_INVALID_ARGS` otherwise), and gives a handle with a timer's default
rights: the basic ones, `WRITE` and `SIGNAL`. `timer_set` and `timer_cancel` need
`ZX_RIGHT_WRITE`; a negative slack is `ZX_ERR_OUT_OF_RANGE` (as Fuchsia's reference and its
`TimersTest.SetNegativeSlack` say). `ZX_INFO_TIMER` (with `ZX_RIGHT_INSPECT`) reports the options,
the clock, the deadline of an armed timer (0 for one that is not) and the slack. */
#include "object/timer.h"
#include "syscall/caller.h"
#include "syscall/handle_give.h"
#include "syscall/info.h"
#include "syscall/sys.h"

zx_status_t sys_timer_create(uint32_t options, uint32_t clock_id, uaddr_t out)
{
    struct kobject *t;
    if (options > ZX_TIMER_SLACK_LATE || clock_id != ZX_CLOCK_MONOTONIC)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = timer_obj_create(options, &t);
    return status == ZX_OK ? handle_give(t, timer_type.default_rights, out, NULL) : status;
}

zx_status_t sys_timer_set(zx_handle_t handle, zx_time_t deadline, zx_duration_t slack)
{
    struct kobject *t;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_TIMER, ZX_RIGHT_WRITE, &t, NULL);
    if (status != ZX_OK)
        return status;
    if (slack < 0) {
        kobject_unref(t);
        return ZX_ERR_OUT_OF_RANGE;
    }
    timer_obj_set(t, deadline, slack);
    kobject_unref(t);
    return ZX_OK;
}

zx_status_t sys_timer_cancel(zx_handle_t handle)
{
    struct kobject *t;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_TIMER, ZX_RIGHT_WRITE, &t, NULL);
    if (status != ZX_OK)
        return status;
    timer_obj_cancel(t);
    kobject_unref(t);
    return ZX_OK;
}

static zx_status_t timer_info_topic(const struct info_request *req)
{
    zx_info_timer_t info;
    timer_obj_info(req->obj, &info);
    return info_single_record(req, &info, sizeof info);
}
INFO_TOPIC(ZX_INFO_TIMER, ZX_OBJ_TYPE_TIMER, ZX_RIGHT_INSPECT, timer_info_topic);
