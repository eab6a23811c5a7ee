/*: # What a Zircon program may need to know of its machine (riscv64)

Kept here, beside the system call instruction, so that no test or library file needs an `#if` on the
architecture. */
#ifndef ZINC_ARCH_H
#define ZINC_ARCH_H

/* The breakpoint instruction, for tests of exceptions. */
#define ZINC_BREAKPOINT "ebreak"

#endif
