/*: # Futures

A *future* is a piece of kernel work that may have to wait: a sleep, a wait for a signal, a system
call that cannot finish yet. Where a kernel thread would block on its stack, a future keeps what it
needs to go on in a small struct of its own and gives the CPU back. In C it is two functions beside
that state:

- `poll` moves the work on as far as it can go now, and says whether it is finished (`POLL_READY`)
  or not (`POLL_PENDING`). A future that says pending has arranged to be woken: it has left the
  *waker* it was given where the event it waits for will find it (a timer's callback, a wait
  queue). Poll it again after the wake, and not before; polling more often is harmless, only
  wasteful. A result, if the work has one, is in the state struct when poll says ready. A future
  belongs to one task, which passes the same waker every time it polls it.
- `cancel` drops a future that has not finished: it gives back everything the future holds, its
  timer, its place in a wait queue, so that the struct may be freed at once. Cancelling a future
  that never started or has finished does nothing. A finished future holds nothing.

A concrete future embeds `struct future` and finds its own struct again with `container_of`, as
the kernel objects of chapter 2 do.

A waker is a function and its argument: calling it says "poll the one who gave me this again".
The executor's wakers requeue a task (exec/task.h); a test may make its own. A waker may be called
from any thread, with locks held, and from interrupt handlers, so the function behind it takes
nothing but a short lock of its own and never sleeps. Whoever keeps a waker must drop it before
the future that gave it finishes or is cancelled: that is what `cancel` is for. */
#ifndef ZINC_EXEC_FUTURE_H
#define ZINC_EXEC_FUTURE_H

#include "hal/hal.h"

enum poll {
    POLL_PENDING,
    POLL_READY,
};

struct waker {
    void (*wake)(void *arg);
    void *arg;
};

struct future {
    enum poll (*poll)(struct future *f, struct waker w);
    void (*cancel)(struct future *f); /* NULL if the future never holds anything while pending */
};

static inline enum poll future_poll(struct future *f, struct waker w)
{
    return f->poll(f, w);
}

static inline void future_cancel(struct future *f)
{
    if (f->cancel)
        f->cancel(f);
}

static inline void waker_wake(struct waker w)
{
    w.wake(w.arg);
}

#endif
