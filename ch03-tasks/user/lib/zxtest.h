/*: # zxtest: tests that run as a Zircon program

The user-mode twin of the kernel's harness, named after Fuchsia's zxtest and shaped like it: a test
is `TEST(Group, Name) { ... }` in any file of a test program's directory, checks are `EXPECT_*`
(note the failure, go on) and `ASSERT_*` (note it, leave the test), and the program prints TAP:

    ok 12 - HandleTest.DuplicateNeedsDuplicateRight
    not ok 13 - ChannelTest.ReadTooSmallKeepsMessage
    #   user/core-tests/channel.c:174: expected status == (-15): got 0, want -15

then `N passed, M failed`, and returns the number of failures. The test runner (tools/run-tests.sh)
counts each line in the build's total. Tests are collected by the linker, as the kernel's are. */
#ifndef ZINC_ZXTEST_H
#define ZINC_ZXTEST_H

#include <stdint.h>

#include "zircon/syscalls.h"

struct zxtest {
    const char *group, *name;
    void (*fn)(void);
};

#define TEST(group_, name_)                                                                        \
    static void zxtest_##group_##_##name_(void);                                                   \
    static const struct zxtest zxtest_entry_##group_##_##name_                                     \
        __attribute__((used, section("zxtests"), aligned(8))) = {#group_, #name_,                  \
                                                                 zxtest_##group_##_##name_};       \
    static void zxtest_##group_##_##name_(void)

/* Run the tests whose "Group.Name" starts with filter (all if NULL); returns how many failed. */
int zxtest_run(const char *filter);

/* For the macros below. */
void zxtest_fail(const char *file, int line, const char *what, int64_t got, int64_t want);
int zxtest_failures_now(void);

#define EXPECT_CMP(a, op, b)                                                                       \
    do {                                                                                           \
        int64_t got_ = (int64_t)(a), want_ = (int64_t)(b);                                         \
        if (!(got_ op want_))                                                                      \
            zxtest_fail(__FILE__, __LINE__, #a " " #op " " #b, got_, want_);                       \
    } while (0)

#define EXPECT_EQ(a, b) EXPECT_CMP(a, ==, b)
#define EXPECT_NE(a, b) EXPECT_CMP(a, !=, b)
#define EXPECT_LT(a, b) EXPECT_CMP(a, <, b)
#define EXPECT_LE(a, b) EXPECT_CMP(a, <=, b)
#define EXPECT_GT(a, b) EXPECT_CMP(a, >, b)
#define EXPECT_GE(a, b) EXPECT_CMP(a, >=, b)
#define EXPECT_TRUE(c) EXPECT_CMP(!!(c), ==, 1)
#define EXPECT_FALSE(c) EXPECT_CMP(!!(c), ==, 0)
#define EXPECT_OK(s) EXPECT_CMP(s, ==, ZX_OK)
#define EXPECT_STATUS(s, want) EXPECT_CMP(s, ==, want)

#define ASSERT_CHECK(check)                                                                        \
    do {                                                                                           \
        int before_ = zxtest_failures_now();                                                       \
        check;                                                                                     \
        if (zxtest_failures_now() != before_)                                                      \
            return;                                                                                \
    } while (0)

#define ASSERT_EQ(a, b) ASSERT_CHECK(EXPECT_EQ(a, b))
#define ASSERT_NE(a, b) ASSERT_CHECK(EXPECT_NE(a, b))
#define ASSERT_TRUE(c) ASSERT_CHECK(EXPECT_TRUE(c))
#define ASSERT_OK(s) ASSERT_CHECK(EXPECT_OK(s))
#define ASSERT_STATUS(s, want) ASSERT_CHECK(EXPECT_STATUS(s, want))

#endif
