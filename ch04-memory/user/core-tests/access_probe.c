/*: # Does an access fault? Implemented

The thread's stack is static, and one probe runs at a time. When the access works the function
returns and the thread ends, which closes the kernel's end of its exception channel: the channel
then signals `ZX_CHANNEL_PEER_CLOSED` without ever becoming readable. A store writes back the value
it loaded, so a probe that works changes nothing. */
#include "access_probe.h"

#include "launch.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zxtest.h"

#define STACK_SIZE 8192
#define SECOND 1000000000ll

static char stack[STACK_SIZE] __attribute__((aligned(16)));
static volatile uint64_t loaded;

static void load(uintptr_t addr)
{
    loaded = *(const volatile uint64_t *)addr;
}

static void store(uintptr_t addr)
{
    volatile uint64_t *p = (volatile uint64_t *)addr;
    *p = *p;
}

static zx_excp_type_t probe(void (*access)(uintptr_t), uintptr_t addr)
{
    zx_handle_t thread = ZX_HANDLE_INVALID, channel = ZX_HANDLE_INVALID, exception;
    zx_signals_t seen = 0;
    zx_exception_info_t info = {.type = ZX_EXCP_GENERAL};
    uint32_t bytes, handles, exit = ZX_EXCEPTION_STATE_THREAD_EXIT;
    EXPECT_OK(zx_thread_create(zx_process_self(), "probe", 5, 0, &thread));
    EXPECT_OK(zx_task_create_exception_channel(thread, 0, &channel));
    EXPECT_OK(zinc_thread_start(thread, access, addr, stack, STACK_SIZE));
    zx_time_t deadline = zx_clock_get_monotonic() + 10 * SECOND;
    zx_signals_t either = ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED;
    EXPECT_OK(zx_object_wait_one(channel, either, deadline, &seen));
    if (!(seen & ZX_CHANNEL_READABLE)) {
        info.type = seen & ZX_CHANNEL_PEER_CLOSED ? 0 : ZX_EXCP_GENERAL;
    } else if (zx_channel_read(channel, 0, &info, &exception, sizeof info, 1, &bytes, &handles) ==
               ZX_OK) {
        EXPECT_OK(zx_object_set_property(exception, ZX_PROP_EXCEPTION_STATE, &exit, sizeof exit));
        EXPECT_OK(zx_handle_close(exception));
    }
    EXPECT_OK(zx_object_wait_one(thread, ZX_TASK_TERMINATED, deadline, NULL));
    zx_handle_t both[] = {channel, thread};
    EXPECT_OK(zx_handle_close_many(both, 2));
    return info.type;
}

zx_excp_type_t load_fault(const volatile uint64_t *addr)
{
    return probe(load, (uintptr_t)addr);
}

zx_excp_type_t store_fault(volatile uint64_t *addr)
{
    return probe(store, (uintptr_t)addr);
}
