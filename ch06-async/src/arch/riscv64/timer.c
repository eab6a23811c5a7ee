/*: # riscv64: the timer, on every hart

The clock is the `time` CSR, a counter that runs at the board's *timebase frequency* (from the
device tree: 10 MHz on `virt`, so one tick is 100 ns), counted here from start-up and turned into
nanoseconds. The one-shot deadline is the SBI's `set_timer`: OpenSBI raises the supervisor timer
interrupt when `time` reaches the value given, and a new value replaces the old one. Setting the
largest value cancels it.

Every hart has a timer of its own, and `set_timer` sets the calling hart's. The kernel has one
deadline (kernel/timer.c sets the earliest of its timers), which any hart may set: the deadline is
a shared word, and the hart that sets it arms its own timer. Other harts arm theirs for earlier
wake-ups of their own: `hal_cpu_idle` (irq.c) so that an idle hart looks again within 10 ms, and
`riscv_user_turn` (percpu.c) so that a user program's turn ends within 10 ms, the *slice*, on
every hart (the kernel's tick, task/sched_tick.c, interrupts only one). Such a wake-up comes at the
earlier of the two times, so that the hart that armed it still sees the deadline come. Each hart
remembers whether such a wake-up is still to come (`bounded`), so that a user turn that starts
within the last slice, as after every system call, costs no call to the SBI, nor a read of `time`
(which QEMU makes slow).

The interrupt handler tells the two apart. Before the deadline, it arms the hart's timer for the
deadline again (any hart may watch it: a spare watcher costs one interrupt). When the deadline has
come, the harts whose timers ring race to claim it with an atomic compare-and-swap that takes it
away; the winner raises `HAL_IRQ_TIMER`. kernel/timer.c expects its handler to run on one hart at a
time, so a winner that finds the handler running on another leaves it a note (`again`) and goes: the
hart that runs it runs it once more before it stops, and the due timers are not missed. */
#include "cpus.h"
#include "csr.h"
#include "riscv.h"
#include "sbi.h"

#define NS_PER_S 1000000000ull
#define NO_TICKS UINT64_MAX

static uint64_t hz, boot_ticks;
static uint64_t deadline = NO_TICKS; /* atomic: the kernel's deadline, in ticks */
static uint32_t firing, again;       /* atomic: a hart runs the handler; run it once more */
static bool bounded[METAL_MAX_CPUS]; /* each hart's own: its timer rings within 10 ms of set */

static uint64_t ticks(void)
{
    return csr_read(time) - boot_ticks;
}

/* This hart's timer rings at t (in ticks), or never. */
static void arm(uint64_t t)
{
    bounded[metal_cpu_id()] = false;
    sbi_set_timer(t == NO_TICKS ? NO_TICKS : t + boot_ticks);
}

void riscv_timer_init(uint64_t timebase_hz)
{
    hz = timebase_hz;
    boot_ticks = csr_read(time);
    arm(NO_TICKS);
}

uint64_t hal_timer_now(void)
{
    uint64_t t = ticks();
    return t / hz * NS_PER_S + t % hz * NS_PER_S / hz;
}

/* The first tick at or after ns: rounded up, so that a timer never fires before its deadline. */
static uint64_t ticks_at(uint64_t ns)
{
    return ns / NS_PER_S * hz + (ns % NS_PER_S * hz + NS_PER_S - 1) / NS_PER_S;
}

void hal_timer_set_deadline(uint64_t ns)
{
    uint64_t status = csr_read_clear(sstatus, SSTATUS_SIE);
    uint64_t t = ns == HAL_NO_DEADLINE ? NO_TICKS : ticks_at(ns);
    __atomic_store_n(&deadline, t, __ATOMIC_SEQ_CST);
    arm(t);
    csr_set(sstatus, status & SSTATUS_SIE);
}

/* Wake this hart within max_ns (10 ms, from both callers), or at the deadline if it is earlier
   (interrupts are off). */
void riscv_timer_wake_within(uint64_t max_ns)
{
    unsigned self = metal_cpu_id();
    if (bounded[self])
        return;
    uint64_t soon = ticks() + ticks_at(max_ns), due = __atomic_load_n(&deadline, __ATOMIC_SEQ_CST);
    arm(soon < due ? soon : due);
    bounded[self] = true;
}

/* Run the kernel's handler, never on two harts at once, and never missing a call asked for. */
static void raise_timer(void)
{
    __atomic_store_n(&again, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_exchange_n(&firing, 1, __ATOMIC_SEQ_CST)) {
        while (__atomic_exchange_n(&again, 0, __ATOMIC_SEQ_CST))
            riscv_irq_raise(HAL_IRQ_TIMER);
        __atomic_store_n(&firing, 0, __ATOMIC_SEQ_CST);
        if (!__atomic_load_n(&again, __ATOMIC_SEQ_CST))
            return;
    }
}

void riscv_timer_interrupt(void)
{
    uint64_t due = __atomic_load_n(&deadline, __ATOMIC_SEQ_CST);
    do {
        if (ticks() < due) {
            arm(due); /* an early wake-up: watch the deadline */
            return;
        }
    } while (!__atomic_compare_exchange_n(&deadline, &due, NO_TICKS, false, __ATOMIC_SEQ_CST,
                                          __ATOMIC_SEQ_CST));
    arm(NO_TICKS); /* the handler sets the next deadline */
    raise_timer();
}
