/*: # Random bytes for programs

Programs ask the kernel for randomness at start-up (`AT_RANDOM`: glibc's stack-protector canary and
pointer guard) and through `getrandom`. Zinc's source is a small generator, xoshiro256**, seeded
from the clock at first use and stirred with the clock at every call. Its output is well mixed,
which is what the C library needs; it is not cryptographically secure, and the chapter says so: a
real kernel gathers entropy from devices (interrupt timings, a hardware generator) into a CSPRNG. */
#ifndef ZINC_LINUX_RANDOM_H
#define ZINC_LINUX_RANDOM_H

#include <stddef.h>

void linux_random_bytes(void *buf, size_t len);

#endif
