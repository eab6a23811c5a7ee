/*: # What the bare-metal targets share

x86_64 and riscv64 differ in every instruction but agree on much of the rest; the shared parts live in
arch/metal/ and need a little from each architecture:

- `metal_switch(save, next)`: save the callee-saved registers on the current stack, store the stack pointer
  in `*save`, load `next` as the stack pointer and restore the registers saved there; returns when
  something switches back. A few lines of assembly per architecture.
- `metal_stack_init(top, entry)`: prepare a new stack so that the first `metal_switch` to it starts
  `entry()` with interrupts enabled; returns the stack pointer to switch to. */
#ifndef ZINC_METAL_H
#define ZINC_METAL_H

#include <stdint.h>

void metal_switch(uint64_t *save, uint64_t next);
uint64_t metal_stack_init(void *top, void (*entry)(void));

#endif
