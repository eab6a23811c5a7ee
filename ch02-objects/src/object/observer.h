/*: # Observers: how waiting works

To wait for an object's signals, the kernel puts an *observer* on it: a set of signals to watch and
a function to call. Whenever the object's signals change, every observer whose watched signals are
now (partly) set is called, with the object's lock held: so an observer only records what happened
and wakes whoever waits; it never blocks and never touches the object. An observer is also told when
the handle it was placed through is closed (`observers_cancel`), which ends the wait with
`ZX_SIGNAL_HANDLE_CLOSED`.

An observer is *level-triggered* by default: it is called whenever its signals are set, including
at once if they are set when it is added. An *edge-triggered* one (`edge`) is called only when one
of its signals goes from clear to set after it was added: chapter 5's `ZX_WAIT_ASYNC_EDGE` needs
that, and only the object's lock sees both the old and the new signals, so the test belongs here.

Every form of waiting in Zircon is built on this: `object_wait_one`, `object_wait_many`, ports, and
in chapter 6 the futures of the async kernel. */
#ifndef ZINC_OBSERVER_H
#define ZINC_OBSERVER_H

#include "object/kobject.h"

struct handle_table;

struct observer {
    zx_signals_t watched;
    bool edge; /* called only when a watched signal rises, never for one already set */
    /* Called under the object's lock with its current signals; return true to stay on the
       object. */
    bool (*on_change)(struct observer *o, zx_signals_t signals);
    /* the handle the observer was placed through, for cancellation */
    const struct handle_table *table;
    zx_handle_t handle;
    struct observer *next;
};

/* Add o to obj. If obj's signals already satisfy it, o is called at once (and may remove
   itself). */
void observer_add(struct kobject *obj, struct observer *o);

/* Remove o if it is still on obj; returns obj's signals at that moment. */
zx_signals_t observer_remove(struct kobject *obj, struct observer *o);

/* For kobject.c: call the observers of obj, whose lock the caller holds; before is what its signals
   were until now. */
void observers_notify(struct kobject *obj, zx_signals_t before);

/* Unlink from obj every observer for which take(o, arg) says true (called under obj's lock), and
   return them as a list through their `next`: the caller owns them now. */
struct observer *observers_take_if(struct kobject *obj, bool (*take)(struct observer *o, void *arg),
                                   void *arg);

/* Handle h of obj is being closed: observers placed through it hear ZX_SIGNAL_HANDLE_CLOSED,
   once. */
void observers_cancel(struct kobject *obj, const struct handle_table *table, zx_handle_t handle);

#endif
