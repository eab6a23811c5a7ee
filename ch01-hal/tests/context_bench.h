/*: # The round-trip benchmark, for the targets that compare it with something */
#ifndef ZINC_CONTEXT_BENCH_H
#define ZINC_CONTEXT_BENCH_H

#include <stdint.h>

/* Nanoseconds per null system call over `calls` calls, or 0 if the program could not be loaded. */
uint64_t bench_null_roundtrip_ns(uint64_t calls);

#endif
