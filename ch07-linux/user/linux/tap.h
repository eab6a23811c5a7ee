/*: # TAP for the Linux test programs

Every Linux test program of this chapter prints the Test Anything Protocol, as the kernel's own
tests do: a line `ok N - what` or `not ok N - what` per case, then the verdict `P passed, F failed`
that tools/run-tests.sh counts. The same programs run on Linux first, where their expectations come
from, so this is plain C with nothing of Zinc in it. */
#ifndef ZINC_LINUX_TAP_H
#define ZINC_LINUX_TAP_H

#include <stdio.h>

static int tap_passed, tap_failed;

/* One case: ok if the claim named by name holds. */
static void check(int ok, const char *name)
{
    printf("%sok %d - %s\n", ok ? "" : "not ", tap_passed + tap_failed + 1, name);
    if (ok)
        tap_passed++;
    else
        tap_failed++;
}

/* The verdict, and the program's exit status: 0 when every case passed. */
static int tap_done(void)
{
    printf("%d passed, %d failed\n", tap_passed, tap_failed);
    return tap_failed != 0;
}

#endif
