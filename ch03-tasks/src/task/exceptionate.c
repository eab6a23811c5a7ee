/*: # Exceptionates, implemented

One lock guards every exceptionate: binding and sending are rare, and a single lock keeps the check
"is the listener still there?" and the change of binding in one step. Sending takes a reference to
the channel under the lock and writes outside it, because writing a message takes the channel's own
lock. */
#include "task/exceptionate.h"

#include "object/channel.h"
#include "task/exception.h"

static struct hal_lock lock = HAL_LOCK_INIT;

/* Under the lock: drop a binding whose listener has gone; true if a live one remains. */
static bool still_bound(struct exceptionate *e)
{
    if (e->channel && (kobject_signals(e->channel) & ZX_CHANNEL_PEER_CLOSED)) {
        kobject_unref(e->channel); /* the listener's end is closed already: nothing else happens */
        e->channel = NULL;
    }
    return e->channel != NULL;
}

zx_status_t exceptionate_bind(struct exceptionate *e, zx_rights_t thread_rights,
                              zx_rights_t process_rights, struct kobject **listener)
{
    struct kobject *ours, *theirs;
    zx_status_t status = channel_create(&ours, &theirs);
    if (status != ZX_OK)
        return status;
    hal_lock_acquire(&lock);
    if (still_bound(e)) {
        hal_lock_release(&lock);
        kobject_unref(ours);
        kobject_unref(theirs);
        return ZX_ERR_ALREADY_BOUND;
    }
    *e = (struct exceptionate){ours, thread_rights, process_rights};
    hal_lock_release(&lock);
    *listener = theirs;
    return ZX_OK;
}

void exceptionate_unbind(struct exceptionate *e)
{
    hal_lock_acquire(&lock);
    struct kobject *ch = e->channel;
    e->channel = NULL;
    hal_lock_release(&lock);
    if (ch)
        kobject_unref(ch);
}

bool exceptionate_send(struct exceptionate *e, struct thread *t, zx_excp_type_t type,
                       struct exception_waiter *w)
{
    hal_lock_acquire(&lock);
    if (!still_bound(e)) {
        hal_lock_release(&lock);
        return false;
    }
    struct kobject *ch = e->channel;
    kobject_ref(ch);
    struct exceptionate bound = *e;
    hal_lock_release(&lock);
    /* From here on the exception reports to w however it ends: read and closed, or destroyed unread
       with its message when the listener closes its end, or never sent because memory ran out. */
    struct exception *x = exception_create(t, type, bound.thread_rights, bound.process_rights, w);
    if (x) {
        struct message *m = message_create(sizeof x->info, 1);
        if (m) {
            message_write(m, 0, &x->info, sizeof x->info);
            m->handles[0] =
                (struct message_handle){.obj = &x->base, .rights = exception_type.default_rights};
            /* on failure the message, and with it the exception, is destroyed */
            channel_write(ch, m);
        } else {
            kobject_unref(&x->base);
        }
    }
    kobject_unref(ch);
    return true;
}
