/*: # riscv64: the timer

The clock is the `time` CSR, a counter that runs at the board's *timebase frequency* (from the
device tree: 10 MHz on `virt`, so one tick is 100 ns), counted here from start-up and turned into
nanoseconds. The one-shot deadline is the SBI's `set_timer`: OpenSBI raises the supervisor timer
interrupt when `time` reaches the value given, and a new value replaces the old one. Setting the
largest value cancels it.

`hal_cpu_idle` (irq.c) may set an earlier wake-up than the kernel's deadline, so that an idle hart
looks again within 10 ms whatever happens. The interrupt handler tells the two apart: only when the
kernel's own deadline has come does it raise `HAL_IRQ_TIMER`; after an early wake-up it arms the
deadline again. */
#include "csr.h"
#include "riscv.h"
#include "sbi.h"

#define NS_PER_S 1000000000ull
#define NO_TICKS UINT64_MAX

static uint64_t hz, boot_ticks;
/* the kernel's deadline, in ticks; touched with interrupts off */
static uint64_t deadline = NO_TICKS;

static uint64_t ticks(void)
{
    return csr_read(time) - boot_ticks;
}

void riscv_timer_init(uint64_t timebase_hz)
{
    hz = timebase_hz;
    boot_ticks = csr_read(time);
    sbi_set_timer(NO_TICKS);
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
    deadline = ns == HAL_NO_DEADLINE ? NO_TICKS : ticks_at(ns);
    sbi_set_timer(deadline == NO_TICKS ? NO_TICKS : deadline + boot_ticks);
    csr_set(sstatus, status & SSTATUS_SIE);
}

/* Wake the hart within max_ns even if the kernel's deadline is later (interrupts are off). */
void riscv_timer_wake_within(uint64_t max_ns)
{
    uint64_t soon = ticks() + ticks_at(max_ns);
    if (soon < deadline)
        sbi_set_timer(soon + boot_ticks);
}

void riscv_timer_interrupt(void)
{
    if (ticks() < deadline) {
        /* an early wake-up */
        sbi_set_timer(deadline == NO_TICKS ? NO_TICKS : deadline + boot_ticks);
        return;
    }
    deadline = NO_TICKS;
    sbi_set_timer(NO_TICKS);
    riscv_irq_raise(HAL_IRQ_TIMER);
}
