/*: # Waiting through a port, implemented

A port observer lives in three states. **Armed**, it is on the object's list of observers. When the
object asserts its signals it fills in its packet and **queued**, it is on the port's list instead
(the object forgets it: a wait is one-shot). When a program takes or a cancel drops the packet, the
port *releases* it and it is **freed**. Closing the handle the wait was asked through frees an armed
observer at once (`observers_cancel` calls it with `ZX_SIGNAL_HANDLE_CLOSED`).

The observer holds a reference to its port, dropped when it is freed, so the port outlives every
packet that may still land on it. If the port's last handle is gone when the signal comes, nobody
can read the packet: the observer stays on the object, inert, until the object's handle closes.
It cannot free itself there and then, since that can be an interrupt handler (a timer firing),
where dropping a reference is not allowed.

Lock order: the object's lock, then the port's. Two ports cannot wait on each other, since a port
handle has no `ZX_RIGHT_WAIT`, so the order has no cycle. */
#include "object/port_observer.h"

#include "kernel/kmalloc.h"
#include "object/observer.h"

struct port_observer {
    struct observer o;
    struct port_packet pp;
    struct kobject *port;   /* a reference */
    struct kobject *source; /* the object waited on, only to recognise the packet: no reference */
    uint32_t options;
};

static void port_observer_free(struct port_observer *po)
{
    kobject_unref(po->port);
    kfree(po);
}

static void release_packet(struct port_packet *pp)
{
    port_observer_free(container_of(pp, struct port_observer, pp));
}

static bool on_signal(struct observer *o, zx_signals_t signals)
{
    struct port_observer *po = container_of(o, struct port_observer, o);
    if (signals & ZX_SIGNAL_HANDLE_CLOSED) {
        port_observer_free(po);
        return false;
    }
    po->pp.packet.signal = (zx_packet_signal_t){
        .trigger = o->watched,
        .observed = signals,
        .count = 1,
        .timestamp = po->options & ZX_WAIT_ASYNC_TIMESTAMP ? (zx_time_t)hal_timer_now() : 0,
    };
    return !port_queue_packet(po->port, &po->pp); /* queued: off the object; else stay, inert */
}

/* The observer, or its packet, belongs to the wait described by key. */
struct wait_key {
    struct kobject *port, *source;
    const struct handle_table *table;
    zx_handle_t value;
    uint64_t key;
    struct port_observer *only; /* this one observer, if not NULL */
};

static bool same_wait(const struct port_observer *po, const struct wait_key *k)
{
    if (k->only)
        return po == k->only;
    return po->port == k->port && po->source == k->source && po->o.table == k->table &&
           po->o.handle == k->value && po->pp.packet.key == k->key;
}

static bool observer_matches(struct observer *o, void *arg)
{
    return o->on_change == on_signal && same_wait(container_of(o, struct port_observer, o), arg);
}

static bool packet_matches(const struct port_packet *pp, void *arg)
{
    return pp->release == release_packet &&
           same_wait(container_of(pp, const struct port_observer, pp), arg);
}

/* Take the matching armed observers off obj and free them; how many. */
static size_t disarm(struct kobject *obj, struct wait_key *k)
{
    size_t n = 0;
    for (struct observer *o = observers_take_if(obj, observer_matches, k), *next; o; o = next) {
        next = o->next;
        port_observer_free(container_of(o, struct port_observer, o));
        n++;
    }
    return n;
}

zx_status_t port_wait_async(struct kobject *obj, struct handle_table *table, zx_handle_t value,
                            struct kobject *port, uint64_t key, zx_signals_t signals,
                            uint32_t options)
{
    struct port_observer *po = kzalloc(sizeof *po);
    if (!po)
        return ZX_ERR_NO_MEMORY;
    kobject_ref(port);
    *po = (struct port_observer){
        .o = {.watched = signals,
              .edge = options & ZX_WAIT_ASYNC_EDGE,
              .on_change = on_signal,
              .table = table,
              .handle = value},
        .pp = {.packet = {.key = key, .type = ZX_PKT_TYPE_SIGNAL_ONE, .status = ZX_OK},
               .release = release_packet},
        .port = port,
        .source = obj,
        .options = options,
    };
    observer_add(obj, &po->o);
    /* A close that came before the observer was on the object could not cancel it (object/wait.c
       has the same race): look again, and take it back if it is still there. */
    if (handle_table_holds(table, value, obj))
        return ZX_OK;
    disarm(obj, &(struct wait_key){.only = po});
    return ZX_ERR_BAD_HANDLE;
}

zx_status_t port_cancel_waits(struct kobject *port, struct kobject *obj, struct handle_table *table,
                              zx_handle_t value, uint64_t key)
{
    struct wait_key k = {.port = port, .source = obj, .table = table, .value = value, .key = key};
    size_t n = disarm(obj, &k);
    n += port_drop_queued(port, packet_matches, &k);
    return n ? ZX_OK : ZX_ERR_NOT_FOUND;
}
