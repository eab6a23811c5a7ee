/*: # Exceptions

An exception is a kernel object (`ZX_OBJ_TYPE_EXCEPTION`) that stands for one stopped thread's fault
while one handler looks at it. It travels to the handler in a message on its exception channel,
beside a `zx_exception_info_t`. The handler may ask for handles to the thread and the process
(`exception_get_thread`, `exception_get_process`), and sets the `ZX_PROP_EXCEPTION_STATE` property
to say what should happen when it lets go: resume the thread (`HANDLED`), end it (`THREAD_EXIT`), or
pass the exception on to the next handler (`TRY_NEXT`, the default).

It lets go when the exception object is destroyed: its last handle was closed, or the message
carrying it was destroyed unread because the listener closed its channel. Either way, destruction
reports the final state to the *waiter*, the faulting thread, which waits (task/exception_raise.c)
until then. A waiter that must stop waiting first (its thread was killed) *abandons* the exception,
after which the exception reports to nobody. One lock, private to exception.c, orders those two
events. */
#ifndef ZINC_EXCEPTION_H
#define ZINC_EXCEPTION_H

#include "task/task.h"

struct exception;

struct exception_waiter {
    struct wait_op op;           /* its waiter is woken when the verdict is in */
    struct exception *exception; /* while it is out; guarded by the exceptions' lock */
    uint32_t state;              /* the verdict, ZX_EXCEPTION_STATE_*, once woken */
};

struct exception {
    struct kobject base;
    struct thread *thread; /* with a reference */
    zx_exception_info_t info;
    /* for exception_get_thread and _process; 0: refused */
    zx_rights_t thread_rights, process_rights;
    uint32_t state;                            /* ZX_EXCEPTION_STATE_*; guarded by base.lock */
    struct exception_waiter *waiter;           /* guarded by the exceptions' lock */
};

extern const struct kobject_type exception_type;

/* A new exception of thread t that will report to w, whose wait_op the caller has made ready. The
   caller owns the reference. NULL if memory ran out: w is then done already, with TRY_NEXT. */
struct exception *exception_create(struct thread *t, zx_excp_type_t type, zx_rights_t thread_rights,
                                   zx_rights_t process_rights, struct exception_waiter *w);

/* Stop waiting: if w's exception is still out, it will report to nobody, and the verdict is
   THREAD_EXIT. Returns the verdict. */
uint32_t exception_abandon(struct exception_waiter *w);

/* Thread t stopped on trap: search for a handler (thread, process, jobs), and act on the verdict.
   The search waits for each handler in turn, as a blocking operation (object/waiter.h); its
   result is ZX_OK when t may run again or must stop (killed, or its process killed for want of a
   handler). */
zx_status_t exception_raise(struct thread *t, const struct hal_trap *trap);

#endif
