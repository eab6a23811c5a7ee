/*: # Panic, implemented */
#include "kernel/panic.h"

#include "hal/hal.h"
#include "kernel/console.h"

void panic(const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    kvsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kprintf("\n*** kernel panic: %s\n", msg);
    hal_backtrace(16);
    hal_shutdown(PANIC_STATUS);
}
