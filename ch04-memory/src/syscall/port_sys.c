/*: # System calls on ports

`port_create` takes options 0 or `ZX_PORT_BIND_TO_INTERRUPT` (a port that interrupt objects may
be bound to; Zinc accepts the option and the port behaves the same until interrupts arrive) and
gives a handle with a port's default rights: the basic ones without `ZX_RIGHT_WAIT`, `READ` and
`WRITE`. `port_queue` needs `ZX_RIGHT_WRITE` on the port and `port_wait` `ZX_RIGHT_READ`. A program
queues only `ZX_PKT_TYPE_USER` packets, whatever type it writes. `port_wait` waits for the port's
internal `PORT_READABLE` as a blocking operation (object/waiter.h) whose second half starts the call
again, to take the packet; closing the handle it waits through ends the wait with
`ZX_ERR_CANCELED`. */
#include "kernel/kmalloc.h"
#include "object/port.h"
#include "object/wait.h"
#include "syscall/caller.h"
#include "syscall/deadline.h"
#include "syscall/handle_give.h"
#include "syscall/sys.h"

zx_status_t sys_port_create(uint32_t options, uaddr_t out)
{
    struct kobject *port;
    if (options & ~ZX_PORT_BIND_TO_INTERRUPT)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = port_create(options, &port);
    return status == ZX_OK ? handle_give(port, port_type.default_rights, out, NULL) : status;
}

zx_status_t sys_port_queue(zx_handle_t handle, uaddr_t packet)
{
    zx_port_packet_t p;
    struct kobject *port;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_PORT, ZX_RIGHT_WRITE, &port, NULL);
    if (status != ZX_OK)
        return status;
    if ((status = user_copy_in(&p, packet, sizeof p)) == ZX_OK) {
        p.type = ZX_PKT_TYPE_USER; /* a program can only queue its own kind of packet */
        status = port_queue(port, &p);
    }
    kobject_unref(port);
    return status;
}

/* A port wait's second half: the port became readable, so the call starts again and takes the
   packet (another thread may have taken it first: then it waits again). */
static zx_status_t port_readable(struct signal_wait *w, zx_status_t status, zx_signals_t observed)
{
    (void)observed;
    kobject_unref(w->obj);
    kfree(w);
    return status == ZX_OK ? WAIT_RESTART : status;
}

zx_status_t sys_port_wait(zx_handle_t handle, zx_time_t deadline, uaddr_t packet)
{
    struct kobject *port;
    zx_port_packet_t p;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_PORT, ZX_RIGHT_READ, &port, NULL);
    if (status != ZX_OK)
        return status;
    if ((status = port_take(port, &p)) == ZX_ERR_SHOULD_WAIT) {
        struct signal_wait *w = kzalloc(sizeof *w);
        if (!w) {
            kobject_unref(port);
            return ZX_ERR_NO_MEMORY;
        }
        return object_wait(w, port, zx_caller_current()->handles, handle, PORT_READABLE,
                           deadline_from_user(deadline), ZX_THREAD_STATE_BLOCKED_PORT,
                           port_readable);
    }
    kobject_unref(port);
    if (status == ZX_OK && user_copy_out(packet, &p, sizeof p) != ZX_OK)
        status = ZX_ERR_INVALID_ARGS;
    return status;
}
