/*: # LibOS against its host: the nearest Linux operation

Linux's own "map 1 MiB of shared memory, touch every page, unmap": a memfd, `mmap`, a store per page
(each a page fault served by Linux), `munmap`, measured in the same run as Zinc's own
"map+touch+unmap". */
#include <sys/mman.h>
#include <unistd.h>

#include "hal/hal.h"
#include "kernel/kbench.h"

#define MIB (1024 * 1024)

static uint64_t host_map_touch_unmap(int rounds)
{
    uint64_t start = hal_timer_now();
    for (int i = 0; i < rounds; i++) {
        int fd = memfd_create("zinc-bench", MFD_CLOEXEC);
        if (fd < 0 || ftruncate(fd, MIB) < 0)
            return 0;
        volatile uint8_t *p = mmap(NULL, MIB, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p == MAP_FAILED)
            return 0;
        for (size_t off = 0; off < MIB; off += PAGE_SIZE)
            p[off] = 1;
        munmap((void *)p, MIB);
        close(fd);
    }
    return (hal_timer_now() - start) / rounds;
}

KBENCH(vmo_host)
{
    kbench_report("host memfd+mmap+touch+munmap 1 MiB", host_map_touch_unmap(10), "ns");
}
