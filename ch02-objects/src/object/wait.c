/*: # Waiting for signals, implemented

An observer on the object records the signals and wakes the waiting thread. The thread parks until woken
or until the deadline; a wake that is not for it (a stray token) just makes it look again. On timeout the
observer is removed, and because removal and notification both happen under the object's lock, the
thread then knows for sure whether the observer fired in the meantime.

Closing the handle ends the wait. A close can land between the system call's lookup of the handle and the
moment the observer is in place, too early to see the observer: so once it is in place, the handle is
looked up again. The closer removes the handle before it cancels the observers, so one of the two always
sees the other.

The reason a thread is blocked is set just before it parks and cleared when it stops parking: a wait
that ends at once (the signal is already there, or the deadline is past) never shows as blocked. */
#include "object/wait.h"

#include "object/observer.h"
#include "syscall/caller.h"

struct waiting {
    struct observer o;
    struct hal_thread *thread;
    zx_signals_t seen;
    bool done; /* atomic: set by the observer */
};

static bool wake_waiter(struct observer *o, zx_signals_t signals)
{
    struct waiting *w = container_of(o, struct waiting, o);
    struct hal_thread *thread = w->thread; /* once done is set, w may vanish with the waiter's frame */
    w->seen = signals;
    __atomic_store_n(&w->done, true, __ATOMIC_RELEASE);
    hal_thread_wake(thread);
    return false; /* the wait is over: leave the object */
}

/* Does value in table still name obj? */
static bool still_held(struct handle_table *table, zx_handle_t value, struct kobject *obj)
{
    struct kobject *now;
    zx_rights_t rights;
    if (handle_table_get(table, value, &now, &rights) != ZX_OK)
        return false;
    kobject_unref(now);
    return now == obj;
}

void wait_blocked_as(uint32_t reason)
{
    struct zx_caller *caller = hal_thread_local();
    if (caller)
        __atomic_store_n(&caller->blocked, reason, __ATOMIC_SEQ_CST);
}

zx_status_t object_wait(struct kobject *obj, struct handle_table *table, zx_handle_t value,
                        zx_signals_t signals, uint64_t deadline, uint32_t reason,
                        zx_signals_t *observed)
{
    struct waiting w = {
        .o = {.watched = signals, .on_change = wake_waiter, .table = table, .handle = value},
        .thread = hal_thread_current(),
    };
    observer_add(obj, &w.o);
    if (table && !still_held(table, value, obj)) {
        zx_signals_t now = observer_remove(obj, &w.o);
        if (!__atomic_load_n(&w.done, __ATOMIC_ACQUIRE)) {
            *observed = now | ZX_SIGNAL_HANDLE_CLOSED;
            return ZX_ERR_CANCELED;
        }
    }
    bool aborted = false;
    wait_blocked_as(reason);
    while (!__atomic_load_n(&w.done, __ATOMIC_ACQUIRE) && hal_timer_now() < deadline &&
           !(aborted = zx_caller_stopping()))
        hal_thread_park(deadline);
    wait_blocked_as(0);
    if (!__atomic_load_n(&w.done, __ATOMIC_ACQUIRE)) {
        zx_signals_t now = observer_remove(obj, &w.o);
        if (!__atomic_load_n(&w.done, __ATOMIC_ACQUIRE)) {
            *observed = now;
            return aborted ? ZX_ERR_CANCELED : ZX_ERR_TIMED_OUT;
        }
    }
    *observed = w.seen;
    return w.seen & ZX_SIGNAL_HANDLE_CLOSED ? ZX_ERR_CANCELED : ZX_OK;
}

void wait_until(uint64_t deadline)
{
    wait_blocked_as(ZX_THREAD_STATE_BLOCKED_SLEEPING);
    while (hal_timer_now() < deadline && !zx_caller_stopping())
        hal_thread_park(deadline);
    wait_blocked_as(0);
}
