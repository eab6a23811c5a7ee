/*: # Making a timeout */
#include "exec/timeout.h"

void timeout_init(struct timeout_future *t, struct future *inner, uint64_t deadline)
{
    sleep_future_init(&t->sleep, deadline);
    t->arms[0] = inner;
    t->arms[1] = &t->sleep.base;
    select_init(&t->select, t->arms, 2);
}
