/*: # Looking at objects from a test, implemented */
#include "probe.h"

#include "zircon/task.h"
#include "zxtest.h"

zx_signals_t signals_of(zx_handle_t h)
{
    zx_signals_t observed = 0xdeadbeef;
    EXPECT_STATUS(zx_object_wait_one(h, ZX_SIGNAL_NONE, 0, &observed), ZX_ERR_TIMED_OUT);
    return observed;
}

zx_info_handle_basic_t basic(zx_handle_t h)
{
    zx_info_handle_basic_t info = {0};
    EXPECT_OK(zx_object_get_info(h, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    return info;
}

uint32_t handle_count(zx_handle_t h)
{
    zx_info_handle_count_t info = {0};
    EXPECT_OK(zx_object_get_info(h, ZX_INFO_HANDLE_COUNT, &info, sizeof info, NULL, NULL));
    return info.handle_count;
}

int is_valid(zx_handle_t h)
{
    return zx_object_get_info(h, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL) == ZX_OK;
}

zx_status_t thread_wait_state(zx_handle_t thread, uint32_t state)
{
    zx_time_t give_up = zx_clock_get_monotonic() + 10000000000ll;
    for (;;) {
        zx_info_thread_t info = {0};
        zx_status_t status =
            zx_object_get_info(thread, ZX_INFO_THREAD, &info, sizeof info, NULL, NULL);
        if (status != ZX_OK || info.state == state)
            return status;
        if (zx_clock_get_monotonic() > give_up)
            return ZX_ERR_TIMED_OUT;
        zx_nanosleep(zx_clock_get_monotonic() + 1000000);
    }
}
