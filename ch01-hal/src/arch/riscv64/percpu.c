/*: # riscv64: the hart's CPU area

`hal_context_run` (context.c) gives the user vector a *CPU area* for each turn of a user program:
the context to save the program's registers into, and the kernel's stack pointer and `tp` to come
back with (riscv.h; trap.S reaches the area through `sscratch`). Chapter 1 runs one hart, so there
is one area. Chapter 6 starts every hart and replaces this small file: an area per hart, and a
bound on the length of each turn. */
#include "riscv.h"

static struct riscv_cpu cpu;

struct riscv_cpu *riscv_user_turn(void)
{
    return &cpu;
}
