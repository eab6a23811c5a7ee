/*: # Physical memory

Physical memory is an array of bytes the kernel owns. The HAL reports where RAM is (at boot, to
`frame_add_region`, see kernel/frame.c) and gives access to it: `hal_pmem_ptr` turns a physical
address into a pointer the kernel can use (bare metal: the direct map in the higher half; LibOS: a
window onto the memfd). `hal_pmem_read` and `hal_pmem_write` are zCore's names for the same access,
for code that prefers copying. */
#ifndef ZINC_HAL_PMEM_H
#define ZINC_HAL_PMEM_H

#include "hal/types.h"

void *hal_pmem_ptr(paddr_t pa);
void hal_pmem_read(paddr_t pa, void *buf, size_t len);
void hal_pmem_write(paddr_t pa, const void *buf, size_t len);

/* Total bytes of RAM the boot memory map reported. */
size_t hal_pmem_size(void);

#endif
