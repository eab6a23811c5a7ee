/*: # The select's poll and cancel */
#include "exec/select.h"

#include "object/kobject.h"

static void cancel_all_but(struct select_future *s, int keep)
{
    for (int i = 0; i < s->count; i++)
        if (i != keep)
            future_cancel(s->arms[i]);
}

static enum poll select_poll(struct future *f, struct waker w)
{
    struct select_future *s = container_of(f, struct select_future, base);
    /* LAB ch06-select BEGIN: poll every arm in order, each with the select's own waker w; the
       first that is ready wins (winner), and every other arm is cancelled (cancel_all_but) before
       the select says ready, so that none keeps a timer or a place in a queue.
       stub:
    if (future_poll(s->arms[0], w) != POLL_READY)
        return POLL_PENDING;
    s->winner = 0;
    return POLL_READY;
    */
    for (int i = 0; i < s->count; i++) {
        if (future_poll(s->arms[i], w) == POLL_READY) {
            s->winner = i;
            cancel_all_but(s, i);
            return POLL_READY;
        }
    }
    return POLL_PENDING;
    /* LAB END */
}

static void select_cancel(struct future *f)
{
    cancel_all_but(container_of(f, struct select_future, base), -1);
}

void select_init(struct select_future *s, struct future **arms, int count)
{
    *s = (struct select_future){
        .base = {.poll = select_poll, .cancel = select_cancel},
        .arms = arms,
        .count = count,
        .winner = -1,
    };
}
