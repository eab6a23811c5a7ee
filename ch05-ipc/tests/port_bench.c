/*: # What a port costs

The figures of `make bench` for ports, averages in nanoseconds inside the kernel (no system-call
entry, so they compare the objects, not the ways in):

- queue a user packet and take it back: the copy into memory the port allocates, and out again;
- ask for a wait on an event, signal it, take the packet: the observer is allocated once per wait,
  and the signal change queues its packet without allocating.

On LibOS the host's nearest operations are measured beside them
(tests/arch/libos/port_host_bench.c). */
#include "kernel/kbench.h"
#include "object/event.h"
#include "object/port_observer.h"

#define ROUNDS 20000

static uint64_t queue_and_take(struct kobject *port)
{
    zx_port_packet_t in = {.key = 1}, out;
    uint64_t start = hal_timer_now();
    for (int i = 0; i < ROUNDS; i++)
        if (port_queue(port, &in) != ZX_OK || port_take(port, &out) != ZX_OK)
            return 0;
    return (hal_timer_now() - start) / ROUNDS;
}

static uint64_t wait_signal_take(struct kobject *port, struct kobject *event,
                                 struct handle_table *t, zx_handle_t he)
{
    zx_port_packet_t out;
    uint64_t start = hal_timer_now();
    for (int i = 0; i < ROUNDS; i++) {
        if (port_wait_async(event, t, he, port, 2, ZX_EVENT_SIGNALED, 0) != ZX_OK)
            return 0;
        kobject_signal(event, 0, ZX_EVENT_SIGNALED);
        kobject_signal(event, ZX_EVENT_SIGNALED, 0);
        if (port_take(port, &out) != ZX_OK)
            return 0;
    }
    return (hal_timer_now() - start) / ROUNDS;
}

KBENCH(port)
{
    struct handle_table t;
    struct kobject *port, *event;
    zx_handle_t he;
    handle_table_init(&t);
    if (port_create(0, &port) != ZX_OK)
        return;
    if (event_create(&event) == ZX_OK &&
        handle_table_add(&t, event, ZX_RIGHTS_BASIC, &he) == ZX_OK) {
        kbench_report("port queue+take of a user packet", queue_and_take(port), "ns");
        kbench_report("port wait_async+signal+take", wait_signal_take(port, event, &t, he), "ns");
    }
    handle_table_destroy(&t);
    kobject_unref(port);
}
