/*: # x86_64: what the target fixes for the layers above

The name, the user range and what a lock is. User programs get the lower half of the 48-bit address
space, from 64 KiB (so that a null pointer, or a small offset from one, is never a user address) up
to one page short of the end of the canonical lower half. That last page stays out because `sysretq`
must never return to the first non-canonical address, `0x800000000000`: on Intel CPUs that faults
*in kernel mode*, with the user's stack pointer already loaded. Linux leaves the same page out for
the same reason.

A lock disables interrupts on this CPU, then spins on an atomic flag; it remembers whether
interrupts were on, so that the release puts them back as they were (locks nest, and an interrupt
handler may take a lock with interrupts already off). The register set is x86_64's, shared with
LibOS. */
#ifndef ZINC_HAL_ARCH_H
#define ZINC_HAL_ARCH_H

#include <stdint.h>

#include "context_x86.h"

#define HAL_ARCH_NAME "x86_64"
#define HAL_USER_BASE 0x10000ul
#define HAL_USER_END 0x7ffffffff000ul

struct hal_lock {
    uint32_t locked;     /* atomic */
    uint64_t saved_irqs; /* the holder's rflags from before it disabled interrupts */
};
#define HAL_LOCK_INIT {0, 0}

#endif
