/*: # riscv64: calling the SBI

Below the kernel runs OpenSBI, the *Supervisor Binary Interface*'s implementation: machine-mode firmware
that owns what supervisor mode may not touch (the timer comparator, the machine's power). The kernel asks it
with `ecall`, the same instruction user programs use to ask the kernel: extension number in `a7`, function
in `a6`, arguments in `a0`.., error and value back in `a0` and `a1`. Zinc needs two extensions:
TIME (`set_timer`: one timer interrupt at a given value of `time`) and SRST (system reset: power off). */
#ifndef ZINC_RISCV_SBI_H
#define ZINC_RISCV_SBI_H

#include <stdint.h>

#define SBI_SRST_SHUTDOWN 0
#define SBI_SRST_NO_REASON 0
#define SBI_SRST_SYSTEM_FAILURE 1

/* Raise the supervisor timer interrupt once `time` >= when; a new call replaces the last one. */
void sbi_set_timer(uint64_t when);

/* Returns only if the firmware refused. */
void sbi_system_reset(uint32_t type, uint32_t reason);

#endif
