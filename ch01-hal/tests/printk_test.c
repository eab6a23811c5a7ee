/*: # Tests of kprintf's formatting */
#include "kernel/ktest.h"
#include "kernel/printk.h"

KTEST(printk_integers)
{
    char buf[64];
    ksnprintf(buf, sizeof buf, "%d %i %u %x %X", -42, 7, 3000000000u, 0xbeef, 0xbeef);
    KEXPECT_STREQ(buf, "-42 7 3000000000 beef BEEF");
    ksnprintf(buf, sizeof buf, "%ld %lu %lx %zu", -1234567890123l, 18446744073709551615ul,
              0x123456789abul, (size_t)99);
    KEXPECT_STREQ(buf, "-1234567890123 18446744073709551615 123456789ab 99");
}

KTEST(printk_width_and_padding)
{
    char buf[64];
    ksnprintf(buf, sizeof buf, "[%5d][%-5d][%05d][%08x][%-4s][%3s]", 42, 42, -42, 0xab, "ab",
              "abcd");
    KEXPECT_STREQ(buf, "[   42][42   ][-0042][000000ab][ab  ][abcd]");
}

KTEST(printk_strings_chars_pointers)
{
    char buf[64];
    ksnprintf(buf, sizeof buf, "%s %c%c %p %s %%", "zinc", 'o', 'k', (void *)0x1000, (char *)NULL);
    KEXPECT_STREQ(buf, "zinc ok 0x1000 (null) %");
}

KTEST(printk_truncates_and_counts)
{
    char buf[8];
    int n = ksnprintf(buf, sizeof buf, "%s-%d", "truncated", 12345);
    KEXPECT_EQ(n, 15);
    KEXPECT_STREQ(buf, "truncat");
    KEXPECT_EQ(ksnprintf(NULL, 0, "%d", 100), 3);
}
