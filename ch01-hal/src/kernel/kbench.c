/*: # Benchmarks, implemented */
#include "kernel/kbench.h"

#include "hal/hal.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"

void kbench_report(const char *what, uint64_t value, const char *unit)
{
    kprintf("  %-44s %10lu %s\n", what, (unsigned long)value, unit);
}

void kbench_report_ratio(const char *what, uint64_t a, uint64_t b)
{
    uint64_t hundredths = b ? a * 100 / b : 0;
    kprintf("  %-44s %7lu.%02lu x\n", what, (unsigned long)(hundredths / 100),
            (unsigned long)(hundredths % 100));
}

void kbench_run(const char *selection)
{
    kprintf("benchmarks on %s\n", HAL_ARCH_NAME);
    TABLE_FOREACH(struct kbench, kbenches, b)
    {
        if (!ktest_selected(b->name, selection))
            continue;
        kprintf("%s:\n", b->name);
        b->fn();
    }
}
