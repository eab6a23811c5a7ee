/*: # Kernel symbols, implemented

The table is sorted by address, so the function containing an address is the last entry at or below
it: a binary search. The first link has an empty table (the weak definitions below), and backtraces
then print bare addresses. */
#include "ksyms.h"

#include "kernel/printk.h"

struct ksym {
    uint64_t addr;
    const char *name;
};

extern const struct ksym ksym_table[] __attribute__((weak));
extern const uint64_t ksym_count __attribute__((weak));

const char *ksym_lookup(uint64_t addr, uint64_t *offset)
{
    if (!&ksym_count || ksym_count == 0 || addr < ksym_table[0].addr)
        return NULL;
    uint64_t lo = 0, hi = ksym_count; /* the answer is in [lo, hi) */
    while (hi - lo > 1) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (ksym_table[mid].addr <= addr)
            lo = mid;
        else
            hi = mid;
    }
    *offset = addr - ksym_table[lo].addr;
    return ksym_table[lo].name;
}

void ksym_print_frame(int depth, uint64_t addr)
{
    /* A return address can lie just past its function, when the call was the function's last
       instruction (a call to a function that never returns): name the function of the byte before
       it. */
    uint64_t offset = 0;
    const char *name = ksym_lookup(addr - 1, &offset);
    if (name)
        kprintf("  #%d 0x%016lx %s+0x%lx\n", depth, (unsigned long)addr, name,
                (unsigned long)offset + 1);
    else
        kprintf("  #%d 0x%016lx\n", depth, (unsigned long)addr);
}
