/*: # Helpers for the socket and FIFO tests, implemented

`map_before_hole` maps one page more than asked and unmaps the last: nothing else is placed there
during the test, since the test maps nothing else in between. The helper thread runs on a static
stack; only one runs at a time. */
#include "ipc_support.h"

#include "launch.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zircon/vmar.h"
#include "zxtest.h"

#define HELPER_STACK 16384

uintptr_t map_fresh(size_t size, uint32_t perms)
{
    zx_handle_t vmo;
    uintptr_t addr = 0;
    if (zx_vmo_create(size, 0, &vmo) != ZX_OK) {
        zxtest_fail(__FILE__, __LINE__, "zx_vmo_create", 0, 0);
        return 0;
    }
    EXPECT_OK(zx_vmar_map(zx_vmar_root_self(), perms, 0, vmo, 0, size, &addr));
    EXPECT_OK(zx_handle_close(vmo)); /* the mapping keeps the VMO */
    return addr;
}

uintptr_t map_before_hole(size_t size)
{
    uintptr_t addr = map_fresh(size + PAGE, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE);
    if (addr)
        EXPECT_OK(zx_vmar_unmap(zx_vmar_root_self(), addr + size, PAGE));
    return addr;
}

void unmap_fresh(uintptr_t addr, size_t size)
{
    EXPECT_OK(zx_vmar_unmap(zx_vmar_root_self(), addr, size));
}

static uint8_t helper_stack[HELPER_STACK] __attribute__((aligned(16)));

zx_handle_t helper_thread_start(void (*fn)(uintptr_t arg), uintptr_t arg)
{
    zx_handle_t thread = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_thread_create(zx_process_self(), "ipc-helper", 10, 0, &thread));
    EXPECT_OK(zinc_thread_start(thread, fn, arg, helper_stack, sizeof helper_stack));
    return thread;
}

void helper_thread_join(zx_handle_t thread)
{
    zx_time_t deadline = zx_clock_get_monotonic() + 10000000000ll;
    EXPECT_OK(zx_object_wait_one(thread, ZX_THREAD_TERMINATED, deadline, NULL));
    EXPECT_OK(zx_handle_close(thread));
}
