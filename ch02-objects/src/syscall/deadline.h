/*: # Deadlines from user to kernel

Zircon's deadlines are signed nanoseconds on the monotonic clock: `ZX_TIME_INFINITE` waits for
ever, and one in the past only looks. The HAL's are unsigned, with `HAL_NO_DEADLINE` for ever. Every
system call that waits converts with this one function: this chapter's waits and sleeps, chapter
4's `port_wait`, chapter 5's futexes, calls and waits on many. */
#ifndef ZINC_DEADLINE_H
#define ZINC_DEADLINE_H

#include "hal/hal.h"
#include "zircon/types.h"

static inline uint64_t deadline_from_user(zx_time_t deadline)
{
    if (deadline == ZX_TIME_INFINITE)
        return HAL_NO_DEADLINE;
    return deadline < 0 ? 0 : (uint64_t)deadline;
}

#endif
