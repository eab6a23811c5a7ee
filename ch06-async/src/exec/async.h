/*: # Writing a poll function as straight-line code

A future that does several things in a row (sleep, then wait for an event, then sleep again) is a
state machine: its poll must resume where the last poll said pending. Written by hand that is a
`switch` on a step number, with the number set before each wait. Three macros write that switch
for us, after Simon Tatham's coroutines in C and Adam Dunkels' protothreads:

    ASYNC_BEGIN(&s->pc);                       switch (s->pc) { case 0:
    sleep_future_init(&s->sleep, d);             sleep_future_init(&s->sleep, d);
    AWAIT(&s->pc, &s->sleep.base, w);            s->pc = 42; case 42:
                                                 if (future_poll(&s->sleep.base, w) == POLL_PENDING)
                                                     return POLL_PENDING;
    s->woke = hal_timer_now();                   s->woke = hal_timer_now();
    ASYNC_END(&s->pc);                         } s->pc = ASYNC_DONE; return POLL_READY;

The step number is the line of the `AWAIT` (42 above), so every wait has its own `case`, and the
next poll jumps straight back into the `if` that said pending. What the macros cannot keep is local
variables: the function returns at every wait, so whatever must live across one goes in the state
struct (`s->woke`), which is the point, since that struct is all a waiting task costs. Two rules
follow from the expansion: no two `AWAIT`s on one line, and no `switch` of one's own around an
`AWAIT`. A finished future that is polled again says ready again (no case matches `ASYNC_DONE`). */
#ifndef ZINC_EXEC_ASYNC_H
#define ZINC_EXEC_ASYNC_H

#include "exec/future.h"

#define ASYNC_DONE (-1)

#define ASYNC_BEGIN(pc)                                                                            \
    switch (*(pc)) {                                                                               \
    case 0:

#define AWAIT(pc, future, waker)                                                                   \
    do {                                                                                           \
        *(pc) = __LINE__;                                                                          \
        __attribute__((fallthrough));                                                              \
    case __LINE__:                                                                                 \
        if (future_poll((future), (waker)) == POLL_PENDING)                                        \
            return POLL_PENDING;                                                                   \
    } while (0)

#define ASYNC_END(pc)                                                                              \
    }                                                                                              \
    *(pc) = ASYNC_DONE;                                                                            \
    return POLL_READY

#endif
