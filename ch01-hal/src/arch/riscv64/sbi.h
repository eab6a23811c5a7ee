/*: # riscv64: calling the SBI

Below the kernel runs OpenSBI, the *Supervisor Binary Interface*'s implementation: machine-mode
firmware that owns what supervisor mode may not touch (the timer comparator, the machine's power).
The kernel asks it with `ecall`, the same instruction user programs use to ask the kernel: extension
number in `a7`, function in `a6`, arguments in `a0`.., error and value back in `a0` and `a1`. Zinc
needs two extensions: TIME (`set_timer`: one timer interrupt at a given value of `time`) and SRST
(system reset: power off); chapter 6 makes more calls through `sbi_call`, to start the other harts
and to signal them. */
#ifndef ZINC_RISCV_SBI_H
#define ZINC_RISCV_SBI_H

#include <stdint.h>

#define SBI_SRST_SHUTDOWN 0
#define SBI_SRST_NO_REASON 0
#define SBI_SRST_SYSTEM_FAILURE 1

/* Any call: an error (0 for success, negative SBI_ERR_*) and a value. */
struct sbiret {
    long error;
    long value;
};
struct sbiret sbi_call(uint64_t ext, uint64_t fn, uint64_t arg0, uint64_t arg1, uint64_t arg2,
                       uint64_t arg3);

/* Raise the supervisor timer interrupt once `time` >= when; a new call replaces the last one. */
void sbi_set_timer(uint64_t when);

/* Returns only if the firmware refused. */
void sbi_system_reset(uint32_t type, uint32_t reason);

#endif
