/*: # zxtest, implemented */
#include "zxtest.h"

#include <stdio.h>
#include <string.h>

extern const struct zxtest __start_zxtests[] __attribute__((weak));
extern const struct zxtest __stop_zxtests[] __attribute__((weak));

static int failures_now;

void zxtest_fail(const char *file, int line, const char *what, int64_t got, int64_t want)
{
    failures_now++;
    const char *short_file = strstr(file, "/user/");
    printf("#   %s:%d: expected %s: got %ld, want %ld\n", short_file ? short_file + 1 : file, line,
           what, (long)got, (long)want);
}

int zxtest_failures_now(void)
{
    return failures_now;
}

static int selected(const struct zxtest *t, const char *filter)
{
    if (!filter)
        return 1;
    char full[96];
    snprintf(full, sizeof full, "%s.%s", t->group, t->name);
    return strncmp(full, filter, strlen(filter)) == 0;
}

int zxtest_run(const char *filter)
{
    int number = 0, failed = 0;
    for (const struct zxtest *t = __start_zxtests; t < __stop_zxtests; t++) {
        if (!selected(t, filter))
            continue;
        failures_now = 0;
        t->fn();
        number++;
        printf("%s %d - %s.%s\n", failures_now ? "not ok" : "ok", number, t->group, t->name);
        failed += failures_now != 0;
    }
    printf("%d passed, %d failed\n", number - failed, failed);
    return failed;
}
