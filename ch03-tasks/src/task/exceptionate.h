/*: # Exceptionates: where a task's exceptions go

Zircon's word for the place in a task (a thread, a process or a job) where an exception channel is
bound. `task_create_exception_channel` makes a channel, keeps one end in the task's exceptionate and
gives the other to the caller, the *listener*. When a thread faults, the search
(task/exception_raise.c) visits the exceptionates of the thread, its process and its jobs in turn,
and each bound one gets a message on its channel.

A binding lasts as long as the listener keeps its end open: once the listener closes it, the
kernel's end reads `ZX_CHANNEL_PEER_CLOSED`, the exceptionate counts as free, and a new channel may
be bound. The task's death closes the kernel's end, which the listener sees as `PEER_CLOSED` in its
turn. The exceptionate also remembers the rights that the exception's thread and process handles
will have: those of the task handle the channel was made with, as Zircon does, so a listener cannot
gain rights by catching an exception. */
#ifndef ZINC_EXCEPTIONATE_H
#define ZINC_EXCEPTIONATE_H

#include "object/kobject.h"
#include "zircon/exception.h"

struct thread;
struct exception_waiter;

struct exceptionate {
    struct kobject *channel; /* the kernel's end, or NULL; all exceptionates share one lock */
    zx_rights_t thread_rights, process_rights;
};

/* Bind a new channel; *listener receives the other end, with a reference. ZX_ERR_ALREADY_BOUND if a
   listener still holds the current one; ZX_ERR_NO_MEMORY. */
zx_status_t exceptionate_bind(struct exceptionate *e, zx_rights_t thread_rights,
                              zx_rights_t process_rights, struct kobject **listener);

/* The task is gone: close the kernel's end. */
void exceptionate_unbind(struct exceptionate *e);

/* If a listener is bound, send it an exception of thread t that reports to w, and return true;
   false if nobody listens here. */
bool exceptionate_send(struct exceptionate *e, struct thread *t, zx_excp_type_t type,
                       struct exception_waiter *w);

#endif
