/*: # Waiting through a port

`zx_object_wait_one` blocks a thread until an object's signals are set; with many objects to
watch, a thread would need one wait each. A *port observer* is an observer (object/observer.h)
that does not wake anybody: when its signals are set it turns into a `ZX_PKT_TYPE_SIGNAL_ONE`
packet on a port, and one thread in `zx_port_wait` serves any number of objects. This is Zircon's
answer to `epoll`, with two differences: the interest is one-shot (after its packet the observer
is gone, and the program asks again when it is ready for more), and it is kept per wait, not per
object, so one object can feed several ports, each with its own key.

The observer is allocated when the wait is asked for, with its packet inside it: the signal change
that queues it holds the object's lock (and for a timer runs in an interrupt handler), where
running out of memory could only lose the event. The allocation happens where failing is allowed,
in `zx_object_wait_async`, which says `ZX_ERR_NO_MEMORY`. */
#ifndef ZINC_PORT_OBSERVER_H
#define ZINC_PORT_OBSERVER_H

#include "object/handle.h"
#include "object/port.h"

/* Queue one packet with key on port when obj asserts one of signals, or with ZX_WAIT_ASYNC_EDGE
   when one of them goes from clear to set. The wait was asked through value in table: closing that
   handle ends it, without a packet. ZX_ERR_NO_MEMORY; ZX_ERR_BAD_HANDLE if value was closed while
   the wait was being placed. */
zx_status_t port_wait_async(struct kobject *obj, struct handle_table *table, zx_handle_t value,
                            struct kobject *port, uint64_t key, zx_signals_t signals,
                            uint32_t options);

/* End the waits on obj asked through value in table for port with key, and drop their packets still
   queued on port. ZX_ERR_NOT_FOUND if there was neither. */
zx_status_t port_cancel_waits(struct kobject *port, struct kobject *obj, struct handle_table *table,
                              zx_handle_t value, uint64_t key);

#endif
