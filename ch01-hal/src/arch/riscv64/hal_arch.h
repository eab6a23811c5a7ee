/*: # riscv64: what the target fixes for the layers above

Its name; the user's addresses, the low half of Sv39 (up to 256 GiB), with the first 64 KiB left out
so that a null pointer in a user program always faults; what a lock is; and the register set
(context_riscv.h).

A lock turns interrupts off on this hart (the `SIE` bit of `sstatus`) and spins on an atomic flag,
so that neither an interrupt handler on this hart nor another hart can come between. The lock
remembers whether interrupts were on and release puts that back; locks held at once must therefore
be released in the reverse order of taking them. */
#ifndef ZINC_HAL_ARCH_H
#define ZINC_HAL_ARCH_H

#include <stdint.h>

#include "context_riscv.h"

#define HAL_ARCH_NAME "riscv64"
#define HAL_ELF_MACHINE 243 /* EM_RISCV: the ELF machine number of programs for this target */
#define HAL_USER_BASE 0x10000ul
#define HAL_USER_END 0x4000000000ul

struct hal_lock {
    uint32_t locked;
    uint32_t interrupts_were_on;
};
#define HAL_LOCK_INIT {0, 0}

#endif
