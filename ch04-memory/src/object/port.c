/*: # Port, implemented

The queue is a singly linked list of `struct port_packet`. Packets a program queues itself are
counted: a program that queues and never waits would otherwise fill the kernel's memory, so past
`PORT_MAX_USER_PACKETS` pending ones `port_queue` says `ZX_ERR_SHOULD_WAIT`, as Fuchsia's does,
until some are taken. The kernel's packets are bounded by what they describe (a page request, an
observer), and bring their own memory.

Packets leave the queue under the lock and are released after it: a release may drop the last
reference of another object, which is work for no lock to be held over. */
#include "object/port.h"

#include "kernel/kmalloc.h"

struct port {
    struct kobject base;
    struct hal_lock lock; /* guards the queue and closed */
    struct port_packet *head, *tail;
    unsigned user_packets; /* ZX_PKT_TYPE_USER packets in the queue */
    bool closed;           /* the last handle is gone */
    uint32_t options;
};

static void release_all(struct port_packet *list)
{
    while (list) {
        struct port_packet *pp = list;
        list = pp->next;
        if (pp->release)
            pp->release(pp);
        else
            kfree(pp);
    }
}

static void port_on_zero_handles(struct kobject *obj)
{
    struct port *p = container_of(obj, struct port, base);
    hal_lock_acquire(&p->lock);
    struct port_packet *list = p->head;
    p->head = p->tail = NULL;
    p->user_packets = 0;
    p->closed = true;
    hal_lock_release(&p->lock);
    release_all(list);
}

static void port_destroy(struct kobject *obj)
{
    struct port *p = container_of(obj, struct port, base);
    release_all(p->head); /* a port that never had a handle */
    kfree(p);
}

const struct kobject_type port_type = {
    .name = "port",
    .type = ZX_OBJ_TYPE_PORT,
    /* As Fuchsia's: nobody waits on a port through its signals; port_wait is the way. */
    .default_rights = (ZX_RIGHTS_BASIC & ~ZX_RIGHT_WAIT) | ZX_RIGHTS_IO,
    .on_zero_handles = port_on_zero_handles,
    .destroy = port_destroy,
};

zx_status_t port_create(uint32_t options, struct kobject **out)
{
    struct port *p = kzalloc(sizeof *p);
    if (!p)
        return ZX_ERR_NO_MEMORY;
    kobject_init(&p->base, &port_type);
    hal_lock_init(&p->lock);
    p->options = options;
    *out = &p->base;
    return ZX_OK;
}

/* Link pp at the tail; the caller holds the lock. */
static void append_locked(struct port *p, struct port_packet *pp)
{
    pp->next = NULL;
    if (p->tail)
        p->tail->next = pp;
    else
        p->head = pp;
    p->tail = pp;
    kobject_signal(&p->base, 0, PORT_READABLE);
}

zx_status_t port_queue(struct kobject *obj, const zx_port_packet_t *packet)
{
    struct port *p = container_of(obj, struct port, base);
    bool user = packet->type == ZX_PKT_TYPE_USER;
    struct port_packet *pp = kzalloc(sizeof *pp);
    if (!pp)
        return ZX_ERR_NO_MEMORY;
    pp->packet = *packet;
    hal_lock_acquire(&p->lock);
    bool full = user && p->user_packets == PORT_MAX_USER_PACKETS;
    if (!full && !p->closed) {
        p->user_packets += user;
        append_locked(p, pp);
        pp = NULL;
    }
    hal_lock_release(&p->lock);
    kfree(pp);
    return full ? ZX_ERR_SHOULD_WAIT : ZX_OK;
}

bool port_queue_packet(struct kobject *obj, struct port_packet *pp)
{
    struct port *p = container_of(obj, struct port, base);
    hal_lock_acquire(&p->lock);
    bool open = !p->closed;
    if (open)
        append_locked(p, pp);
    hal_lock_release(&p->lock);
    return open;
}

zx_status_t port_take(struct kobject *obj, zx_port_packet_t *packet)
{
    struct port *p = container_of(obj, struct port, base);
    hal_lock_acquire(&p->lock);
    struct port_packet *pp = p->head;
    if (pp) {
        p->head = pp->next;
        p->user_packets -= pp->packet.type == ZX_PKT_TYPE_USER && !pp->release;
        if (!p->head) {
            p->tail = NULL;
            kobject_signal(&p->base, PORT_READABLE, 0);
        }
        *packet = pp->packet;
        pp->next = NULL;
    }
    hal_lock_release(&p->lock);
    release_all(pp);
    return pp ? ZX_OK : ZX_ERR_SHOULD_WAIT;
}

size_t port_drop_queued(struct kobject *obj,
                        bool (*match)(const struct port_packet *pp, void *arg), void *arg)
{
    struct port *p = container_of(obj, struct port, base);
    struct port_packet *dropped = NULL;
    size_t n = 0;
    hal_lock_acquire(&p->lock);
    struct port_packet **link = &p->head;
    p->tail = NULL;
    while (*link) {
        struct port_packet *pp = *link;
        if (!match(pp, arg)) {
            p->tail = pp;
            link = &pp->next;
            continue;
        }
        *link = pp->next;
        p->user_packets -= pp->packet.type == ZX_PKT_TYPE_USER && !pp->release;
        pp->next = dropped;
        dropped = pp;
        n++;
    }
    if (!p->head)
        kobject_signal(&p->base, PORT_READABLE, 0);
    hal_lock_release(&p->lock);
    release_all(dropped);
    return n;
}
