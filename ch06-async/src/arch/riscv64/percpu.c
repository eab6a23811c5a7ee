/*: # riscv64: a CPU area per hart

`hal_context_run` (context.c) gives the user vector a *CPU area* for each turn of a user program:
the context to save the program's registers into, and the kernel's stack pointer and `tp` to come
back with (riscv.h; trap.S reaches the area through `sscratch`). With several harts each has its
own, found by the hart's number (`tp`, cpu_local.h). And each turn is bounded: the hart's timer
rings within the 10 ms *slice* (timer.c), so that a program that never traps still gives its hart
back; the kernel's tick (task/sched_tick.c) rings on one hart only. */
#include "cpus.h"
#include "riscv.h"

#define SLICE_NS 10000000

static struct riscv_cpu cpus[METAL_MAX_CPUS];

struct riscv_cpu *riscv_user_turn(void)
{
    riscv_timer_wake_within(SLICE_NS);
    return &cpus[metal_cpu_id()];
}
