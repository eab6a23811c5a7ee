/*: # Panic

`panic` is for states the kernel cannot continue from: its own bugs, never a user program's mistake.
It prints the message and a backtrace and stops the machine with `PANIC_STATUS`, which every test
script reads as a failure. `kassert` is the kernel's assert, built on it. */
#ifndef ZINC_PANIC_H
#define ZINC_PANIC_H

#include "hal/types.h"
#include "kernel/printk.h"

#define PANIC_STATUS 3

NORETURN void panic(const char *fmt, ...) PRINTF_LIKE(1, 2);

#define kassert(cond)                                                                              \
    do {                                                                                           \
        if (!(cond))                                                                               \
            panic("assertion failed at %s:%d: %s", __FILE__, __LINE__, #cond);                     \
    } while (0)

#endif
