/*: # Port

A port is a queue of packets that a program waits on. Chapter 4 needs it for a pager: the kernel
queues page requests, a program queues its own packets (`port_queue`) and takes them off with
`port_wait`. Chapter 5 makes it the centre of waiting: an object's signals queue packets on it
(`object_wait_async`). While packets wait, the port asserts `PORT_READABLE`, an internal signal that
`port_wait` waits for.

A queued packet is a `struct port_packet`. Packets a program queues are copied into memory the port
allocates, which can fail. The kernel's own packets are *preallocated*: whoever will queue one owns
its memory from the start (an observer embeds its packet), so that queueing it, at a moment when
nothing may fail (inside a signal change, maybe in an interrupt handler), cannot run out of memory.
The packet's `release` gives the memory back once the port is done with it.

When the port's last handle closes, nobody can take packets any more: the queue is emptied and later
packets are refused. */
#ifndef ZINC_PORT_H
#define ZINC_PORT_H

#include "object/kobject.h"
#include "zircon/port.h"

#define PORT_READABLE ZX_OBJECT_SIGNAL_0
#define PORT_MAX_USER_PACKETS 2048u

struct port_packet {
    zx_port_packet_t packet;
    struct port_packet *next;
    /* Called, without the port's lock, once the packet left the port (taken or dropped); NULL
       for the port's own copies, which it frees. */
    void (*release)(struct port_packet *pp);
};

extern const struct kobject_type port_type;

zx_status_t port_create(uint32_t options, struct kobject **out);

/* Append a copy of packet. ZX_ERR_SHOULD_WAIT if it is a user packet and the port holds
   PORT_MAX_USER_PACKETS of them already; ZX_ERR_NO_MEMORY. A closed port drops it (ZX_OK). */
zx_status_t port_queue(struct kobject *port, const zx_port_packet_t *packet);

/* Append the preallocated pp; it cannot fail for memory. False if the port is closed: pp stays the
   caller's. Callable with other objects' locks held and from interrupt handlers. */
bool port_queue_packet(struct kobject *port, struct port_packet *pp);

/* Take the oldest packet into *packet: ZX_OK, or ZX_ERR_SHOULD_WAIT when there is none. */
zx_status_t port_take(struct kobject *port, zx_port_packet_t *packet);

/* Drop every queued packet for which match(pp, arg) says true (called under the port's lock);
   returns how many. */
size_t port_drop_queued(struct kobject *port,
                        bool (*match)(const struct port_packet *pp, void *arg), void *arg);

#endif
