/*: # Observers, implemented

The observers of an object form a singly linked list under the object's lock. Notification walks it
once, unlinking every observer that asks to go; an observer may therefore remove itself from inside
its own callback, which is the common case (a wait that is satisfied is over). */
#include "object/observer.h"

/* Call the observers concerned: those whose watched signals are set (for an edge-triggered one,
   those that were clear in before), or, when a handle closes (table is not NULL), those placed
   through that handle. */
static void notify_locked(struct kobject *obj, zx_signals_t before, zx_signals_t extra,
                          const struct handle_table *table, zx_handle_t handle)
{
    struct observer **link = &obj->observers;
    while (*link) {
        /* Read next first: an observer that leaves may belong to a waiter that, once woken, returns
           and takes the observer with its stack frame, before on_change has even returned here. */
        struct observer *o = *link, *next = o->next;
        zx_signals_t seen = obj->signals | extra;
        zx_signals_t rising = o->edge ? seen & ~before : seen;
        bool concerned =
            table ? o->table == table && o->handle == handle : (o->watched & rising) != 0;
        if (concerned && !o->on_change(o, seen)) {
            *link = next;
            continue;
        }
        link = &o->next;
    }
}

void observer_add(struct kobject *obj, struct observer *o)
{
    hal_lock_acquire(&obj->lock);
    bool stays = o->edge || !(o->watched & obj->signals) || o->on_change(o, obj->signals);
    if (stays) {
        o->next = obj->observers;
        obj->observers = o;
    }
    hal_lock_release(&obj->lock);
}

zx_signals_t observer_remove(struct kobject *obj, struct observer *o)
{
    hal_lock_acquire(&obj->lock);
    for (struct observer **link = &obj->observers; *link; link = &(*link)->next) {
        if (*link == o) {
            *link = o->next;
            o->next = NULL;
            break;
        }
    }
    zx_signals_t s = obj->signals;
    hal_lock_release(&obj->lock);
    return s;
}

void observers_notify(struct kobject *obj, zx_signals_t before)
{
    notify_locked(obj, before, 0, NULL, ZX_HANDLE_INVALID);
}

struct observer *observers_take_if(struct kobject *obj, bool (*take)(struct observer *o, void *arg),
                                   void *arg)
{
    struct observer *taken = NULL;
    hal_lock_acquire(&obj->lock);
    struct observer **link = &obj->observers;
    while (*link) {
        struct observer *o = *link;
        if (take(o, arg)) {
            *link = o->next;
            o->next = taken;
            taken = o;
        } else {
            link = &o->next;
        }
    }
    hal_lock_release(&obj->lock);
    return taken;
}

void observers_cancel(struct kobject *obj, const struct handle_table *table, zx_handle_t handle)
{
    hal_lock_acquire(&obj->lock);
    notify_locked(obj, obj->signals, ZX_SIGNAL_HANDLE_CLOSED, table, handle);
    hal_lock_release(&obj->lock);
}
