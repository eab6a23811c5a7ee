/*: # Benchmarks

Speed is measured, never asserted: a benchmark is registered with `KBENCH(name)` and runs when the
kernel boots with `bench`. It prints its own figures through `kbench_report`, one line each, so that
`make bench` shows a table that anyone can reproduce. `make bench BENCHES="NAME..."` runs only the
ones named. */
#ifndef ZINC_KBENCH_H
#define ZINC_KBENCH_H

#include <stdint.h>

#include "kernel/table.h"

struct kbench {
    const char *name;
    void (*fn)(void);
};

TABLE_DECLARE(struct kbench, kbenches);

#define KBENCH(name_)                                                                              \
    static void kbench_fn_##name_(void);                                                           \
    static const struct kbench kbench_##name_ TABLE_ENTRY(kbenches) = {#name_, kbench_fn_##name_}; \
    static void kbench_fn_##name_(void)

/* Print one figure: what was measured, the value, and its unit. */
void kbench_report(const char *what, uint64_t value, const char *unit);

/* Print a / b with two decimals, as "12.34 x". */
void kbench_report_ratio(const char *what, uint64_t a, uint64_t b);

/* Run the benchmarks that selection names (the boot arguments after "bench"; empty: all). */
void kbench_run(const char *selection);

#endif
