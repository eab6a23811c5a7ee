/*: # Naming traps

The one piece of the HAL interface that is the same on every target (with the defaults of
hal/context_kept.c, which a target may replace). */
#include "hal/hal.h"

const char *hal_trap_name(enum hal_trap_kind kind)
{
    static const char *const names[] = {
        [HAL_TRAP_SYSCALL] = "syscall",       [HAL_TRAP_PAGE_FAULT] = "page fault",
        [HAL_TRAP_ILLEGAL] = "illegal instruction", [HAL_TRAP_BREAKPOINT] = "breakpoint",
        [HAL_TRAP_ARITHMETIC] = "arithmetic fault", [HAL_TRAP_OTHER] = "exception",
        [HAL_TRAP_INTERRUPT] = "interrupt",
    };
    return (unsigned)kind < ARRAY_SIZE(names) ? names[kind] : "trap";
}
