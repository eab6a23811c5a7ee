/*: # What the bare-metal targets share

x86_64 and riscv64 differ in every instruction but agree on much of the rest; the shared parts live
in arch/metal/ and need a little from each architecture:

- `metal_switch(save, next)`: save the callee-saved registers on the current stack, store the stack
  pointer in `*save`, load `next` as the stack pointer and restore the registers saved there;
  returns when something switches back. A few lines of assembly per architecture.
- `metal_stack_init(top, entry)`: prepare a new stack so that the first `metal_switch` to it starts
  `entry()` with interrupts enabled; returns the stack pointer to switch to.
- `metal_unmap_kernel_page(va)` and `metal_kernel_page_mapped(va)`: take one 4 KiB page out of the
  kernel's half of every address space (splitting the large page that maps it), and ask whether a
  page is mapped there. They make the *guard pages* of the kernel stacks (thread.c).

**Guard pages.** A kernel stack is a few KiB, and nothing stops a function from pushing past its
bottom, into whatever lies below: another thread's stack, or the kernel's data. So every kernel
stack sits right above a page that is not mapped, its guard page: the boot stack, the threads'
stacks, and the stacks an architecture keeps for its traps (`metal_register_stack`).
`metal_guard_stacks` unmaps them all at boot, after the frame allocator is fed (splitting a large
page takes a frame for the new table) and before the first address space is made (those copy the
kernel's half). An overflow then faults at its first store into the guard page, the trap code of
each architecture recognizes the address (`metal_stack_overflow`), and the panic names the stack
instead of the kernel going on with another stack's memory trampled. Each architecture has its own
difficulty, since the fault happens with the stack it would push its trap frame on exhausted: x86_64
lets the hardware switch stacks (arch/x86_64), riscv64 checks the stack pointer in its trap entry
(arch/riscv64/trap.S). A guard page is one page deep, so it is only sure to catch a function whose
frame is smaller than a page: on riscv64 the build refuses a larger frame (`-Wframe-larger-than`),
and on x86_64, where some tests keep a register set of 7 KiB on the stack, it makes such a frame
touch its pages one by one (`-fstack-clash-protection`; see tools/arch/). */
#ifndef ZINC_METAL_H
#define ZINC_METAL_H

#include <stdbool.h>
#include <stdint.h>

void metal_switch(uint64_t *save, uint64_t next);
uint64_t metal_stack_init(void *top, void (*entry)(void));

void metal_unmap_kernel_page(uint64_t va);
bool metal_kernel_page_mapped(uint64_t va);

/* The boot stack's guard page, with the boot stack right above it (each architecture's boot.S). */
extern uint8_t metal_boot_guard[];

/* Register a stack of the architecture's own (name, and the page-aligned guard page right below
   it); before metal_guard_stacks. */
void metal_register_stack(const char *name, void *guard);

/* Unmap the guard page of every kernel stack; once, at boot. */
void metal_guard_stacks(void);

/* The guard page of the stack the running thread uses (its address; 0 before metal_guard_stacks),
   for trap code that must check the stack before it pushes anything on it. */
extern uint64_t metal_stack_guard;

/* If addr lies in the guard page of a kernel stack, print the start of a panic that names the stack
   and return true (the caller prints the rest and stops the machine); otherwise false. */
bool metal_stack_overflow(uint64_t addr);

#endif
