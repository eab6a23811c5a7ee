/*: # The event's set, and its waiters' poll and cancel */
#include "exec/event.h"

#include "object/kobject.h"

void exec_event_init(struct exec_event *e)
{
    *e = (struct exec_event){0};
    hal_lock_init(&e->lock);
}

static void unlink_locked(struct event_wait *w)
{
    *w->link = w->next;
    if (w->next)
        w->next->link = w->link;
    w->link = NULL;
}

void exec_event_set(struct exec_event *e)
{
    hal_lock_acquire(&e->lock);
    e->set = true;
    while (e->waiters) {
        struct event_wait *w = e->waiters;
        unlink_locked(w);
        waker_wake(w->waker);
    }
    hal_lock_release(&e->lock);
}

void exec_event_clear(struct exec_event *e)
{
    hal_lock_acquire(&e->lock);
    e->set = false;
    hal_lock_release(&e->lock);
}

int exec_event_waiters(struct exec_event *e)
{
    int n = 0;
    hal_lock_acquire(&e->lock);
    for (struct event_wait *w = e->waiters; w; w = w->next)
        n++;
    hal_lock_release(&e->lock);
    return n;
}

static enum poll event_wait_poll(struct future *f, struct waker waker)
{
    struct event_wait *w = container_of(f, struct event_wait, base);
    struct exec_event *e = w->event;
    hal_lock_acquire(&e->lock);
    bool set = e->set;
    /* LAB ch06-event-waker BEGIN: leave the waker where the set will find it: if e is not set
       and w is not in its queue, keep waker in w and link w at the head of e->waiters (next,
       and link: the address of the pointer that points at w, which the next waiter's link must
       then name). If e is set and w is still in the queue, take it out (unlink_locked).
       stub:
    (void)waker;
    */
    if (set && w->link) {
        unlink_locked(w);
    } else if (!set && !w->link) {
        w->waker = waker;
        w->next = e->waiters;
        if (w->next)
            w->next->link = &w->next;
        w->link = &e->waiters;
        e->waiters = w;
    }
    /* LAB END */
    hal_lock_release(&e->lock);
    return set ? POLL_READY : POLL_PENDING;
}

static void event_wait_cancel(struct future *f)
{
    struct event_wait *w = container_of(f, struct event_wait, base);
    hal_lock_acquire(&w->event->lock);
    if (w->link)
        unlink_locked(w);
    hal_lock_release(&w->event->lock);
}

void event_wait_init(struct event_wait *w, struct exec_event *e)
{
    *w = (struct event_wait){
        .base = {.poll = event_wait_poll, .cancel = event_wait_cancel},
        .event = e,
    };
}
