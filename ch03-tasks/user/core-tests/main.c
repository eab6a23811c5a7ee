/*: # core-tests: Zircon's semantics, checked from user mode

In the spirit of Zircon's core-tests: each file of this directory holds one group of tests, and
every chapter from here on adds its own files to this same program. `core-tests [FILTER [TIMES]]`
runs the tests whose name starts with FILTER (`-` for all), TIMES times over (once by default).
Running a test hundreds of times in one boot, with two CPUs, is how a race between CPUs that shows
once in a thousand runs is made to show in a minute: the race behind `JobTest.KillJobChain` (a job
that said it was dead before a process in it did, task/job.c) was found with the boot arguments
`run core-tests JobTest.KillJobChain 300`. */
#include <string.h>

#include "zxtest.h"

/* A count in decimal; what is not a digit ends it. */
static int count(const char *s)
{
    int n = 0;
    while (*s >= '0' && *s <= '9' && n < 1000000)
        n = n * 10 + (*s++ - '0');
    return n;
}

int main(int argc, char **argv)
{
    const char *filter = argc > 1 && strcmp(argv[1], "-") ? argv[1] : NULL;
    int times = argc > 2 ? count(argv[2]) : 1, failed = 0;
    for (int i = 0; i < times; i++)
        failed += zxtest_run(filter);
    return failed;
}
