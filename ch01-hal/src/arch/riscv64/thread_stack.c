/*: # riscv64: a new thread's first stack

The frame `metal_switch` (switch.S) pops: 14 slots, `ra` first, then `s0`..`s11`. A new thread gets
`ra` = `riscv_thread_start`, `s0` = 0 (the end of its backtraces) and `s1` = its entry function. */
#include <string.h>

#include "metal.h"

#define SAVED 14

void riscv_thread_start(void);

uint64_t metal_stack_init(void *top, void (*entry)(void))
{
    uint64_t *sp = (uint64_t *)top - SAVED;
    memset(sp, 0, SAVED * sizeof *sp);
    sp[0] = (uint64_t)riscv_thread_start;
    sp[2] = (uint64_t)entry;
    return (uint64_t)sp;
}
