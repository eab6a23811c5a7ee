/*: # Init steps

Each part of the kernel that needs setting up at boot registers an init step; `kmain` runs them by
level, and within a level in link order (chapter by chapter, file by file). A chapter never edits
`kmain` to add its own start-up. */
#ifndef ZINC_INIT_H
#define ZINC_INIT_H

#include "kernel/table.h"

enum init_level {
    INIT_MEMORY,  /* allocators: nothing else may allocate before */
    INIT_DEVICES, /* interrupt handlers for the console and the timer */
    INIT_KERNEL,  /* kernel subsystems */
    INIT_LATE,    /* anything that needs all of the above */
    INIT_LEVELS
};

struct init_step {
    const char *name;
    void (*fn)(void);
    enum init_level level;
};

#define INIT_STEP(fn_, level_)                                                                     \
    static const struct init_step init_step_##fn_ TABLE_ENTRY(init) = {#fn_, fn_, level_}

TABLE_DECLARE(struct init_step, init);

#endif
