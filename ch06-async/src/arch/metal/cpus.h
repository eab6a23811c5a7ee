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
extern unsigned metal_cpu_count; /* how many have started: they are numbered 0 .. count - 1 */

static inline struct metal_cpu *metal_this_cpu(void)
{
    return &metal_cpus[metal_cpu_id()];
}

/* The guard page of the running thread's stack. (metal_stack_guard, which riscv64's trap entry
   reads, is the one of the thread a CPU last switched to: with several CPUs, maybe not ours.) */
uint64_t metal_thread_guard(void);

/* Bringing up another CPU (the architecture's smp.c): prepare its idle thread, whose stack it
   starts on (the returned address is the stack's top; NULL when memory is short); once started, it
   calls metal_cpu_enter with interrupts off, which never returns. */
void *metal_cpu_prepare(unsigned index);
NORETURN void metal_cpu_enter(unsigned index);

#endif
