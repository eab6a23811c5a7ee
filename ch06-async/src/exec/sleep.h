/*: # A timer future

`sleep_future` is ready at a deadline: the simplest future that waits for something outside itself,
and the one every timeout is made of. Its first poll starts a kernel timer (kernel/timer.h) whose
callback, in interrupt context, notes that it fired and calls the waker. Later polls look at the
clock rather than only at that note, so a poll that comes late for another reason still sees the
deadline.

Ending is the delicate part, because the callback may be running on another CPU (on LibOS, the
interrupt thread) at the moment the future ends: it has set `fired` and not yet called the waker. If
the task finished and its memory were reused then, the callback would wake a stranger. So both
ways out, ready and cancel, go through `timer_cancel_sync`, which takes the timer out of the queue
if it is still there and otherwise waits until its callback has returned. After that nothing
refers to the future, and its memory is the owner's again. */
#ifndef ZINC_EXEC_SLEEP_H
#define ZINC_EXEC_SLEEP_H

#include "exec/future.h"
#include "kernel/timer.h"

struct sleep_future {
    struct future base;
    uint64_t deadline;
    struct ktimer timer;
    struct waker waker;
    bool armed;    /* the timer was started and not yet cancelled */
    uint32_t fired; /* atomic: set by the timer's callback */
};

/* A future that is ready once hal_timer_now() >= deadline. */
void sleep_future_init(struct sleep_future *s, uint64_t deadline);

#endif
