/*: # riscv64: physical memory through the direct map

RAM is one region that the device tree gives (on `virt`, from `0x80000000`, as much as QEMU's `-m`
says). The whole of it is visible in the kernel's half at `PHYS_OFFSET` higher (boot.S), so a
physical address becomes a pointer by one addition. An address outside RAM is a kernel bug, and says
so. */
#include <string.h>

#include "kernel/panic.h"
#include "riscv.h"

static paddr_t ram_base;
static size_t ram_size;

void riscv_pmem_init(paddr_t base, size_t size)
{
    ram_base = base;
    ram_size = size;
}

size_t hal_pmem_size(void)
{
    return ram_size;
}

void *hal_pmem_ptr(paddr_t pa)
{
    if (pa < ram_base || pa - ram_base >= ram_size)
        panic("physical address 0x%lx is outside memory", (unsigned long)pa);
    return phys_to_virt(pa);
}

void hal_pmem_read(paddr_t pa, void *buf, size_t len)
{
    memcpy(buf, hal_pmem_ptr(pa), len);
}

void hal_pmem_write(paddr_t pa, const void *buf, size_t len)
{
    memcpy(hal_pmem_ptr(pa), buf, len);
}
