/*: # LibOS: physical memory is a memfd

zCore's idea: one file stands for all of physical memory. A physical address is an offset into a
memfd, and "mapping a frame" at a user address is an `mmap` of that file at that offset
(arch/libos/mmu.c). The kernel itself sees all of it through one shared mapping, its *window*, the
LibOS counterpart of the direct map that the bare-metal kernels keep in their higher half. Because
it is a shared file mapping, a byte the kernel writes through the window is the byte the user sees
at its own address. */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kernel/panic.h"
#include "libos.h"

#define LIBOS_PMEM_SIZE ((size_t)256 << 20)

static int memfd = -1;
static uint8_t *window;

void libos_pmem_init(void)
{
    memfd = memfd_create("zinc-pmem", MFD_CLOEXEC);
    if (memfd < 0 || ftruncate(memfd, LIBOS_PMEM_SIZE) < 0)
        panic("cannot create the physical memory file");
    window = mmap(NULL, LIBOS_PMEM_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
    if (window == MAP_FAILED)
        panic("cannot map physical memory");
}

int libos_pmem_fd(void)
{
    return memfd;
}

size_t hal_pmem_size(void)
{
    return LIBOS_PMEM_SIZE;
}

void *hal_pmem_ptr(paddr_t pa)
{
    if (pa >= LIBOS_PMEM_SIZE)
        panic("physical address 0x%lx is outside memory", (unsigned long)pa);
    return window + pa;
}

void hal_pmem_read(paddr_t pa, void *buf, size_t len)
{
    memcpy(buf, hal_pmem_ptr(pa), len);
}

void hal_pmem_write(paddr_t pa, const void *buf, size_t len)
{
    memcpy(hal_pmem_ptr(pa), buf, len);
}
