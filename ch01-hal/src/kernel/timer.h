/*: # Kernel timers

A `struct ktimer` asks for a callback at a deadline (nanoseconds on the `hal_timer_now` clock). Any
number of timers may be pending; the hardware is always programmed for the earliest. Callbacks run
in interrupt context, in deadline order (timers with the same deadline in the order they were
started), and may start timers of their own. The caller owns the struct and must keep it alive until
it fired or was cancelled. */
#ifndef ZINC_KTIMER_H
#define ZINC_KTIMER_H

#include "hal/types.h"

struct ktimer {
    uint64_t deadline;
    void (*fn)(struct ktimer *timer, void *arg);
    void *arg;
    struct ktimer *next;
    bool pending;
};

void timer_start(struct ktimer *t, uint64_t deadline, void (*fn)(struct ktimer *, void *),
                 void *arg);

/* The same, with slack: the timer may fire anywhere in [earliest, latest] (deadline lies in it). If
   another pending timer is due in that window, t takes its deadline, so that both fire in one
   interrupt; otherwise t is due at deadline. */
void timer_start_slack(struct ktimer *t, uint64_t earliest, uint64_t deadline, uint64_t latest,
                       void (*fn)(struct ktimer *, void *), void *arg);

/* Returns true if the timer was pending (its callback will now never run). */
bool timer_cancel(struct ktimer *t);

/* Cancel t, and if its callback is running at this moment (on the interrupt path of another CPU or,
   on LibOS, the interrupt thread), wait until it has returned: after this the caller may free t.
   Not from t's own callback. */
void timer_cancel_sync(struct ktimer *t);

#endif
