/*: # x86_64: tests of the direct map

`hal_pmem_ptr` is an addition on x86_64 (arch/x86_64/pmem.c); these tests check that the addition
lands on the right bytes, at both ends of every RAM region the boot memory map reported. */
#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "x86_64.h"

KTEST(direct_map_is_an_offset)
{
    paddr_t f = frame_alloc();
    KASSERT_TRUE(f);
    KEXPECT_EQ((uint64_t)hal_pmem_ptr(f), DIRECT_MAP + f);
    frame_free(f);
}

KTEST(direct_map_reaches_all_ram)
{
    /* The last word of each region, written and read back (and restored: it may be a free frame's
       link). */
    for (int i = 0; i < x86_ram_count; i++) {
        volatile uint64_t *p = hal_pmem_ptr(x86_ram[i].base + x86_ram[i].size - 8);
        uint64_t saved = *p, token = ktest_random();
        *p = token;
        KEXPECT_EQ(*p, token);
        *p = saved;
    }
    KEXPECT_GE(x86_direct_map_size, hal_pmem_size());
}
