/*: # x86_64: physical memory is the direct map

mmu.c maps all of physical memory at `DIRECT_MAP`, so reaching a physical address is an addition.
The size the HAL reports is the RAM of the boot memory map; the direct map is larger (it spans at
least the 32-bit space, where device registers live), and an address beyond it is a kernel bug. */
#include <string.h>

#include "kernel/panic.h"
#include "x86_64.h"

size_t hal_pmem_size(void)
{
    size_t total = 0;
    for (int i = 0; i < x86_ram_count; i++)
        total += x86_ram[i].size;
    return total;
}

void *hal_pmem_ptr(paddr_t pa)
{
    if (pa >= x86_direct_map_size)
        panic("physical address 0x%lx is outside the direct map", (unsigned long)pa);
    return (void *)(DIRECT_MAP + pa);
}

/* A pointer to len bytes at pa, all of which must be in the direct map. */
static void *range_ptr(paddr_t pa, size_t len)
{
    if (len && (pa + len < pa || pa + len > x86_direct_map_size))
        panic("physical range 0x%lx+0x%zx is outside the direct map", (unsigned long)pa, len);
    return hal_pmem_ptr(pa);
}

void hal_pmem_read(paddr_t pa, void *buf, size_t len)
{
    memcpy(buf, range_ptr(pa, len), len);
}

void hal_pmem_write(paddr_t pa, const void *buf, size_t len)
{
    memcpy(range_ptr(pa, len), buf, len);
}
