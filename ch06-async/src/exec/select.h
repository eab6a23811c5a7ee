/*: # Select: the first of several futures

A thread that waits for a message *or* a deadline *or* its own kill waits for the first of three
things. `select_future` is that "or": it polls each of its arms in turn, and the first that is ready
wins; the others are cancelled at once, so that nothing they held (a timer, a place in a wait queue)
outlives the select. `winner` says which arm it was, and the winner's own struct holds its result.

Every arm gets the select's waker, so a wake from any of them polls the select, which polls them all
again: an arm that was not the one that woke says pending again, cheaply. Arms are polled in
order, so when two are ready at once the first in the array wins; put the arm that must win a tie
(the kill) first. Cancelling the select cancels every arm. */
#ifndef ZINC_EXEC_SELECT_H
#define ZINC_EXEC_SELECT_H

#include "exec/future.h"

struct select_future {
    struct future base;
    struct future **arms;
    int count;
    int winner; /* the index of the arm that was ready first; -1 until then */
};

/* A future ready when the first of arms[0..count) is; the arms must live as long as the select. */
void select_init(struct select_future *s, struct future **arms, int count);

#endif
