/*: # The scheduler tick

On bare metal a user thread runs on a kernel thread of the HAL's cooperative ring, and goes back to
the kernel only when it traps. A thread in an endless loop never would, so the kernel keeps a timer
that fires every `TICK_NS`: its interrupt, arriving while user code runs, makes `hal_context_run`
return `HAL_TRAP_INTERRUPT`, and the thread's loop (task/thread_loop.c) yields to the next thread in
the ring. That is round-robin with a 10 ms time slice, and all the preemption this kernel needs:
kernel code itself is never preempted, it yields when it blocks.

The callback does nothing but start the next tick: the interrupt is the point. On LibOS the host's
scheduler preempts threads anyway, and the HAL pokes a thread that keeps the address space too long
(arch/libos/turn.c), so there the tick only costs a wake-up of the interrupt thread now and then. It
starts with the first user thread, so that the kernel's own tests of timers run undisturbed
before. */
#include "kernel/timer.h"
#include "task/task.h"

#define TICK_NS 10000000u

static struct ktimer tick;
static uint32_t started; /* atomic; a word, since riscv64 has no atomic exchange of a byte */

static void on_tick(struct ktimer *t, void *arg)
{
    timer_start(t, hal_timer_now() + TICK_NS, on_tick, NULL);
}

void sched_tick_start(void)
{
    if (!__atomic_exchange_n(&started, 1, __ATOMIC_SEQ_CST))
        timer_start(&tick, hal_timer_now() + TICK_NS, on_tick, NULL);
}
