/*: # core-tests: Zircon's semantics, checked from user mode

In the spirit of Zircon's core-tests: each file of this directory holds one group of tests, and
every chapter from here on adds its own files to this same program. `core-tests [FILTER]` runs the
tests whose name starts with FILTER. */
#include "zxtest.h"

int main(int argc, char **argv)
{
    return zxtest_run(argc > 1 ? argv[1] : 0);
}
