/*: # The CPUs, as the shared bare-metal code sees them

Each CPU has a `struct metal_cpu`: the thread it runs, its idle thread, and the thread it has just
switched away from (whose memory the switch finishes with: thread.c). A CPU finds its own with
`metal_this_cpu`, through the number the architecture gives it (`metal_cpu_id`, cpu_local.h). */
#ifndef ZINC_METAL_CPUS_H
#define ZINC_METAL_CPUS_H

#include "cpu_local.h"
#include "hal/hal.h"

#define METAL_MAX_CPUS 8

struct metal_cpu {
    struct hal_thread *current; /* the thread running on this CPU */
    struct hal_thread *idle;    /* what it runs when no thread is ready */
    struct hal_thread *prev;    /* the thread it switched away from last */
    uint32_t sleeping;          /* atomic: it is in hal_cpu_idle, or about to be */
};

extern struct metal_cpu metal_cpus[METAL_MAX_CPUS];

static inline struct metal_cpu *metal_this_cpu(void)
{
    return &metal_cpus[metal_cpu_id()];
}

#endif
