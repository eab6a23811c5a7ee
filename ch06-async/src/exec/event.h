/*: # An event and its wait queue

The other thing a future waits for, besides time, is another piece of the kernel saying "now". An
`exec_event` is the smallest such thing: a flag that is set or clear, and a queue of the futures
waiting for it to be set. `exec_event_set` wakes them all; a waiting future that is cancelled leaves
the queue. It is what the tests and the benchmark of this section wait on, and the model for the
wait queues of the kernel objects later in the chapter.

A waiting future (`event_wait`) is its own entry in the queue: waiting costs no memory beyond the
future. Its first pending poll links it in with the waker it was given; the set, or its own
cancellation, unlinks it. The event's lock guards the queue and is held while the set calls the
wakers. That is what makes ending safe: a waiter's poll or cancel takes the same lock, so it cannot
finish, and its task cannot go away, while a set is still using its waker. */
#ifndef ZINC_EXEC_EVENT_H
#define ZINC_EXEC_EVENT_H

#include "exec/future.h"

struct event_wait;

struct exec_event {
    struct hal_lock lock;
    bool set;
    struct event_wait *waiters; /* lock: futures waiting for set, linked through next */
};

struct event_wait {
    struct future base;
    struct exec_event *event;
    struct waker waker;                /* event->lock */
    struct event_wait *next, **link;   /* event->lock: link is NULL when not in the queue */
};

void exec_event_init(struct exec_event *e);
void exec_event_set(struct exec_event *e);
void exec_event_clear(struct exec_event *e);

/* How many futures wait on e now (for tests). */
int exec_event_waiters(struct exec_event *e);

/* A future that is ready when e is set. */
void event_wait_init(struct event_wait *w, struct exec_event *e);

#endif
