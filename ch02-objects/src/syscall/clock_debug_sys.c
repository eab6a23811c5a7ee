/*: # clock_get_monotonic and debug_write

The monotonic clock is the HAL's, in nanoseconds since boot. `debug_write` sends bytes straight to
the kernel console: the simplest way for a test program to be heard. */
#include "hal/hal.h"
#include "kernel/console.h"
#include "syscall/sys.h"

#define DEBUG_WRITE_CHUNK 128

zx_time_t sys_clock_get_monotonic(void)
{
    return (zx_time_t)hal_timer_now();
}

zx_status_t sys_debug_write(uaddr_t buffer, size_t buffer_size)
{
    char chunk[DEBUG_WRITE_CHUNK];
    for (size_t off = 0, n; off < buffer_size; off += n) {
        n = buffer_size - off < sizeof chunk ? buffer_size - off : sizeof chunk;
        if (user_copy_in(chunk, buffer + off, n) != ZX_OK)
            return ZX_ERR_INVALID_ARGS;
        console_write(chunk, n);
    }
    return ZX_OK;
}
