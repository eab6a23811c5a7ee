/*: # riscv64: reading the device tree

The device tree is how a RISC-V board describes itself: a tree of nodes with named properties,
passed to the kernel in memory in the *flattened* format (FDT, "devicetree blob"). QEMU writes one
for the `virt` board and OpenSBI hands its address on in `a1`. Chapter 1 needs three facts from it:

| path                          | property             | fact                                     |
|-------------------------------|----------------------|------------------------------------------|
| `/memory@...`                 | `reg`                | where RAM is and how much (`-m` in QEMU) |
| `/chosen`                     | `bootargs`           | the boot arguments (`-append` in QEMU)   |
| `/cpus`                       | `timebase-frequency` | how fast the `time` counter runs         |

The parser (fdt.c) reads exactly those, and how big the blob is, so that its memory is not handed
out. */
#ifndef ZINC_RISCV_FDT_H
#define ZINC_RISCV_FDT_H

#include "hal/types.h"

struct fdt_facts {
    paddr_t mem_base;
    size_t mem_size;      /* the first RAM region of /memory (QEMU's virt board has only one) */
    const char *bootargs; /* inside the blob; "" if there are none */
    uint64_t timebase_hz;
    size_t blob_size;
};

/* Read the facts from the blob at fdt; 0 on success, -1 if it is not a device tree or a fact is
   missing. */
int fdt_read(const void *fdt, struct fdt_facts *facts);

#endif
