/*: # The HAL interface

The hardware abstraction layer is the only part of Zinc that knows which machine it runs on.
Everything above it (kernel objects, the executor, both personalities) is the same C on all three
targets:

| target   | what "the machine" is                                                       |
|----------|-----------------------------------------------------------------------------|
| `libos`  | an ordinary Linux process: a memfd is physical memory, `mmap` is the MMU     |
| `x86_64` | QEMU's PC: multiboot boot, 4-level paging, `syscall`/`sysret`, HPET, 16550   |
| `riscv64`| QEMU's `virt` board with OpenSBI: Sv39, SBI timer, PLIC, 16550 UART          |

The interface follows zCore's: CPUs and threads, physical memory, page tables, the user context,
timer, serial and interrupts. Each concept has its own small header; this one gathers them. */
#ifndef ZINC_HAL_H
#define ZINC_HAL_H

#include "hal/types.h"
#include "hal/cpu.h"
#include "hal/lock.h"
#include "hal/pmem.h"
#include "hal/mmu.h"
#include "hal/context.h"
#include "hal/timer.h"
#include "hal/serial.h"
#include "hal/irq.h"
#include "hal/thread.h"

#endif
