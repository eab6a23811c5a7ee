/*: # The wall clock

The time of day, for `clock_gettime(CLOCK_REALTIME)` and for the times the file system stamps on
files (linux/time.c says where it comes from). */
#ifndef ZINC_LINUX_CLOCK_H
#define ZINC_LINUX_CLOCK_H

#include <stdint.h>

/* Nanoseconds since 1970-01-01 00:00:00 UTC. */
uint64_t linux_clock_realtime(void);

#endif
