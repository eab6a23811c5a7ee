/*: # riscv64: what the files of several harts share

The harts the kernel runs are numbered from 0, the boot hart, in the order they started; that
number is what `tp` holds in the kernel (cpu_local.h). The SBI names a hart by its own *hart id*,
which the board gives (on QEMU's `virt`, 0 .. n - 1, but nothing promises that): `riscv_hart_id`
translates. */
#ifndef ZINC_RISCV_HARTS_H
#define ZINC_RISCV_HARTS_H

#include "cpus.h"
#include "riscv.h"

/* The SBI's hart id of the hart numbered index (smp.c). */
extern uint64_t riscv_hart_id[METAL_MAX_CPUS];

/* Tell the harts in mask (bit i: hart number i) to forget what they hold of [va, va + len) in
   their TLBs, and wait until they have (smp.c). */
void riscv_remote_flush(uint64_t mask, vaddr_t va, size_t len);

#endif
