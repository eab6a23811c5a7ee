/*: # The test harness

Tests live beside the code they test and run *inside* the kernel, on every target, like Linux's
KUnit. A test is a function registered with `KTEST(name)`; the boot argument `test` runs them all
(or `test NAME...` runs those named, where `NAME*` matches a prefix) and prints TAP:

    TAP version 13
    1..21
    ok 1 - pmem_roundtrip
    not ok 2 - timers_fire_in_deadline_order
    #   ch01-hal/tests/timer_test.c:47: expected log.order[i] == i + 1
    #     log.order[i] = 3 (0x3)
    #     i + 1 = 2 (0x2)
    20 passed, 1 failed

The last line is the verdict that scripts and CI read. A failed `KEXPECT_*` marks the test failed
and goes on; a failed `KASSERT_*` also returns from the test function, for when the rest would make
no sense. A test must give back every frame it took: the harness counts them, and a leak fails the
test. */
#ifndef ZINC_KTEST_H
#define ZINC_KTEST_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "kernel/table.h"

struct ktest {
    const char *name;
    const char *file;
    void (*fn)(void);
};

TABLE_DECLARE(struct ktest, ktests);

#define KTEST(name_)                                                                               \
    static void ktest_fn_##name_(void);                                                            \
    static const struct ktest ktest_##name_ TABLE_ENTRY(ktests) = {#name_, __FILE__,               \
                                                                   ktest_fn_##name_};              \
    static void ktest_fn_##name_(void)

/* Record a failed check; the KEXPECT/KASSERT macros call these. */
void ktest_fail(const char *file, int line, const char *what);
void ktest_fail_values(const char *file, int line, const char *a_text, int64_t a, const char *op,
                       const char *b_text, int64_t b);
void ktest_fail_strings(const char *file, int line, const char *a_text, const char *a,
                        const char *b_text, const char *b);
int ktest_failed_now(void);

/* Run the tests selected by the boot arguments after "test"; returns the number that failed. */
int ktest_run(const char *selection);

/* Does name match one of the space-separated words of selection ("NAME" or a prefix "NAME*")? An
   empty selection matches all. The benchmarks are chosen the same way (kbench_run). */
bool ktest_selected(const char *name, const char *selection);

/* A per-run random number, for tests that must not be passable by printing a fixed answer. */
uint64_t ktest_random(void);

#define KEXPECT_TRUE(c)                                                                            \
    do {                                                                                           \
        if (!(c))                                                                                  \
            ktest_fail(__FILE__, __LINE__, "expected " #c);                                        \
    } while (0)

#define KEXPECT_CMP(a, op, b)                                                                      \
    do {                                                                                           \
        int64_t a_ = (int64_t)(a), b_ = (int64_t)(b);                                              \
        if (!(a_ op b_))                                                                           \
            ktest_fail_values(__FILE__, __LINE__, #a, a_, #op, #b, b_);                            \
    } while (0)

#define KEXPECT_EQ(a, b) KEXPECT_CMP(a, ==, b)
#define KEXPECT_NE(a, b) KEXPECT_CMP(a, !=, b)
#define KEXPECT_LT(a, b) KEXPECT_CMP(a, <, b)
#define KEXPECT_LE(a, b) KEXPECT_CMP(a, <=, b)
#define KEXPECT_GE(a, b) KEXPECT_CMP(a, >=, b)

#define KEXPECT_STREQ(a, b)                                                                        \
    do {                                                                                           \
        const char *a_ = (a), *b_ = (b);                                                           \
        if (strcmp(a_, b_) != 0)                                                                   \
            ktest_fail_strings(__FILE__, __LINE__, #a, a_, #b, b_);                                \
    } while (0)

#define KASSERT_TRUE(c)                                                                            \
    do {                                                                                           \
        KEXPECT_TRUE(c);                                                                           \
        if (ktest_failed_now())                                                                    \
            return;                                                                                \
    } while (0)

#define KASSERT_EQ(a, b)                                                                           \
    do {                                                                                           \
        KEXPECT_EQ(a, b);                                                                          \
        if (ktest_failed_now())                                                                    \
            return;                                                                                \
    } while (0)

#endif
