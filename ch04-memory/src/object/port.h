/*: # Port, in its minimal form

A port is a queue of packets that a program waits on. Chapter 4 needs only enough of it for a pager: the
kernel queues page requests, a program queues its own packets (`port_queue`) and takes them off with
`port_wait`. Chapter 5 completes it (waiting on objects through a port). While packets wait, the port
asserts `PORT_READABLE`, an internal signal that `port_wait` waits for. */
#ifndef ZINC_PORT_H
#define ZINC_PORT_H

#include "object/kobject.h"
#include "zircon/port.h"

#define PORT_READABLE ZX_OBJECT_SIGNAL_0
#define PORT_MAX_USER_PACKETS 2048u

extern const struct kobject_type port_type;

zx_status_t port_create(struct kobject **out);

/* Append a copy of packet. ZX_ERR_SHOULD_WAIT if it is a user packet and the port holds
   PORT_MAX_USER_PACKETS of them already; ZX_ERR_NO_MEMORY. */
zx_status_t port_queue(struct kobject *port, const zx_port_packet_t *packet);

/* Take the oldest packet into *packet: ZX_OK, or ZX_ERR_SHOULD_WAIT when there is none. */
zx_status_t port_take(struct kobject *port, zx_port_packet_t *packet);

#endif
