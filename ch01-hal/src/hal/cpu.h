/*: # CPUs

What the kernel asks of a processor as a whole: to wait for the next interrupt when it has nothing
to do (returning within about 10 ms even if none comes), to give the boot arguments, to print a
backtrace, and to stop the machine. `hal_shutdown` is how a test run reports its verdict: the status
becomes the exit status of the LibOS process or of QEMU, so a script can tell pass from fail. */
#ifndef ZINC_HAL_CPU_H
#define ZINC_HAL_CPU_H

#include "hal/types.h"

/* Sleep until an interrupt (or, on LibOS, any irq callback) has run. */
void hal_cpu_idle(void);

/* The boot arguments: "test", "bench" or "run", and anything after them. Never NULL. */
const char *hal_boot_args(void);

/* Power off. Status 0 means success; anything else makes the LibOS process or QEMU exit
   non-zero. */
NORETURN void hal_shutdown(int status);

/* Walk the caller's frame pointers and print up to `max` return addresses, with symbol names where
   the target can find them. Used by panic(). */
void hal_backtrace(int max);

#endif
