/*: # Time in the Linux test programs

Two helpers that the test programs which wait share: how long since a moment, in milliseconds, to
check that a wait lasted as long as it should (and no longer than it may), and a pause that a
signal's handler does not cut short. Plain C, for Linux and Zinc alike, like tap.h. */
#ifndef ZINC_LINUX_ELAPSED_H
#define ZINC_LINUX_ELAPSED_H

#include <errno.h>
#include <time.h>

/* Milliseconds on the monotonic clock since start. */
static inline long ms_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

/* Sleep ms milliseconds, going back to sleep for what is left when a handler interrupts. */
static inline void pause_ms(long ms)
{
    struct timespec ts = {ms / 1000, ms % 1000 * 1000000};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

#endif
