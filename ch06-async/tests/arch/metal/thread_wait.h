/*: # Waiting in the tests of threads

What the tests of parking and of several CPUs (park_test.c, smp_test.c) wait for: a counter that
other threads raise, and the frames of threads that have ended, which come back a moment after the
thread's function returned (arch/metal/thread.c frees a stack once the thread has switched away for
the last time). Both park between looks, so the threads they wait for get the CPU. */
#ifndef ZINC_THREAD_WAIT_H
#define ZINC_THREAD_WAIT_H

#include "hal/hal.h"

/* Park until *counter reaches value, or `within` nanoseconds pass. */
void thread_wait_for(int *counter, int value, uint64_t within);

/* Park until the frame allocator has `frames` free again, or a second passes. */
void thread_wait_for_frames(size_t frames);

#endif
