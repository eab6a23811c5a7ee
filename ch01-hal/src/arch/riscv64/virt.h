/*: # riscv64: QEMU's `virt` board

Where the devices of the board sit in physical memory, as QEMU's device tree says (its `/soc` node).
The kernel reads the device tree for what varies between runs (the amount of RAM, the boot
arguments, the timer's frequency); the devices' addresses are fixed by the board, so they are
written down here.

| device                        | physical address | interrupt |
|-------------------------------|------------------|-----------|
| test device (`sifive,test0`)  | `0x00100000`     |           |
| PLIC, the interrupt controller| `0x0c000000`     |           |
| 16550 UART                    | `0x10000000`     | 10        |
| RAM                           | `0x80000000` on  |           |

OpenSBI occupies the start of RAM; QEMU loads the kernel 2 MiB in, at `0x80200000`. */
#ifndef ZINC_RISCV_VIRT_H
#define ZINC_RISCV_VIRT_H

#define VIRT_TEST 0x100000ul
#define VIRT_PLIC 0x0c000000ul
#define VIRT_UART 0x10000000ul
#define VIRT_UART_IRQ 10

#endif
