/*: # The kernel's main

The HAL's start-up code (different on every target) brings the machine to a state where C runs,
hands the free memory to the frame allocator, and calls `kmain`. From there the kernel is the same
everywhere.

What the kernel does once it is up is its *boot program*. Each chapter may register one with
`BOOT_PROGRAM(fn, chapter)`; the boot argument `run` starts the one of the latest chapter in the
build, and a program's name (the function's) starts that one. Chapter 1's is a demo that runs a user
program; chapter 3's is userboot, which starts the first Zircon process. */
#ifndef ZINC_MAIN_H
#define ZINC_MAIN_H

#include "hal/types.h"
#include "kernel/table.h"

struct boot_program {
    const char *name;
    int (*fn)(const char *args); /* returns the status to shut down with */
    int chapter;
};

TABLE_DECLARE(struct boot_program, boot_programs);

#define BOOT_PROGRAM(fn_, chapter_)                                                                \
    static const struct boot_program boot_program_##fn_ TABLE_ENTRY(boot_programs) = {#fn_, fn_,   \
                                                                                      chapter_}

NORETURN void kmain(void);

#endif
