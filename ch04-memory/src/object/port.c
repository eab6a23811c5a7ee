/*: # Port, implemented

The queue is a linked list of copies. Packets a program queues itself are counted: a program that queues
and never waits would otherwise fill the kernel's memory, so past `PORT_MAX_USER_PACKETS` pending ones
`port_queue` says `ZX_ERR_SHOULD_WAIT`, as Fuchsia's does, until some are taken. The kernel's own packets
(page requests) are bounded by what they describe. */
#include "object/port.h"

#include "kernel/kmalloc.h"

struct queued {
    zx_port_packet_t packet;
    struct queued *next;
};

struct port {
    struct kobject base;
    struct hal_lock lock; /* guards the queue */
    struct queued *head, *tail;
    unsigned user_packets; /* ZX_PKT_TYPE_USER packets in the queue */
};

static void port_destroy(struct kobject *obj)
{
    struct port *p = container_of(obj, struct port, base);
    while (p->head) {
        struct queued *q = p->head;
        p->head = q->next;
        kfree(q);
    }
    kfree(p);
}

const struct kobject_type port_type = {
    .name = "port",
    .type = ZX_OBJ_TYPE_PORT,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHTS_IO,
    .destroy = port_destroy,
};

zx_status_t port_create(struct kobject **out)
{
    struct port *p = kzalloc(sizeof *p);
    if (!p)
        return ZX_ERR_NO_MEMORY;
    kobject_init(&p->base, &port_type);
    hal_lock_init(&p->lock);
    *out = &p->base;
    return ZX_OK;
}

zx_status_t port_queue(struct kobject *obj, const zx_port_packet_t *packet)
{
    struct port *p = container_of(obj, struct port, base);
    bool user = packet->type == ZX_PKT_TYPE_USER;
    struct queued *q = kzalloc(sizeof *q);
    if (!q)
        return ZX_ERR_NO_MEMORY;
    q->packet = *packet;
    hal_lock_acquire(&p->lock);
    if (user && p->user_packets == PORT_MAX_USER_PACKETS) {
        hal_lock_release(&p->lock);
        kfree(q);
        return ZX_ERR_SHOULD_WAIT;
    }
    p->user_packets += user;
    if (p->tail)
        p->tail->next = q;
    else
        p->head = q;
    p->tail = q;
    kobject_signal(&p->base, 0, PORT_READABLE);
    hal_lock_release(&p->lock);
    return ZX_OK;
}

zx_status_t port_take(struct kobject *obj, zx_port_packet_t *packet)
{
    struct port *p = container_of(obj, struct port, base);
    hal_lock_acquire(&p->lock);
    struct queued *q = p->head;
    if (q) {
        p->head = q->next;
        p->user_packets -= q->packet.type == ZX_PKT_TYPE_USER;
        if (!p->head) {
            p->tail = NULL;
            kobject_signal(&p->base, PORT_READABLE, 0);
        }
        *packet = q->packet;
    }
    hal_lock_release(&p->lock);
    kfree(q);
    return q ? ZX_OK : ZX_ERR_SHOULD_WAIT;
}
