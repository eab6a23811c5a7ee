/*: # Timeout: a future raced against a deadline

Every wait of Zircon's takes a deadline, and a wait that reaches it ends with `ZX_ERR_TIMED_OUT`
whatever it waited for. With `select` and the timer future that is no new mechanism, only a
packaging: a select of two arms, the inner future first (so that it wins a tie: work that is done
is not reported as timed out) and a `sleep_future` second. When the deadline wins, the select
cancels the inner future, which gives back whatever it held. */
#ifndef ZINC_EXEC_TIMEOUT_H
#define ZINC_EXEC_TIMEOUT_H

#include "exec/select.h"
#include "exec/sleep.h"

struct timeout_future {
    struct select_future select; /* the future itself: arms[0] the inner one, arms[1] the sleep */
    struct future *arms[2];
    struct sleep_future sleep;
};

/* A future ready when inner is, or at deadline, whichever is first. */
void timeout_init(struct timeout_future *t, struct future *inner, uint64_t deadline);

/* Once ready: did the deadline come first (and inner was cancelled)? */
static inline bool timeout_expired(struct timeout_future *t)
{
    return t->select.winner == 1;
}

#endif
