/*: # A random number generator for the fuzzers

The fuzzers (chapter 3's `syscall-fuzz` for Zircon calls, the last stage's `linux-fuzz` for Linux
calls) want random numbers that are the same on every target for the same seed, so that a seed that
found a bug finds it again anywhere. Marsaglia's xorshift64* does that in four lines: three shifts
and one multiplication of a 64-bit state, which must not be zero.

This directory, `user/common/`, holds what Zircon programs and Linux programs both use: it is on the
include path of both, and may include nothing but the C compiler's own headers (each program has
its own C library, Zinc's small one or musl). */
#ifndef ZINC_XORSHIFT_H
#define ZINC_XORSHIFT_H

#include <stdint.h>

/* The next number from *state, which it advances. */
static inline uint64_t xorshift64star(uint64_t *state)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return *state * 0x2545f4914f6cdd1dull;
}

#endif
