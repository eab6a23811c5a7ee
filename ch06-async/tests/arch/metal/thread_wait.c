/*: # Waiting in the tests of threads, implemented */
#include "thread_wait.h"

#include "kernel/frame.h"

#define MS 1000000ull
#define SECOND 1000000000ull

void thread_wait_for(int *counter, int value, uint64_t within)
{
    uint64_t give_up = hal_timer_now() + within;
    while (__atomic_load_n(counter, __ATOMIC_SEQ_CST) < value && hal_timer_now() < give_up)
        hal_thread_park(hal_timer_now() + MS);
}

void thread_wait_for_frames(size_t frames)
{
    uint64_t give_up = hal_timer_now() + SECOND;
    while (frame_free_count() != frames && hal_timer_now() < give_up)
        hal_thread_park(hal_timer_now() + MS);
}
