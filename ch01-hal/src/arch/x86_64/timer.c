/*: # x86_64: the timer is the HPET

The High Precision Event Timer gives both things the HAL's timer needs, with no calibration: a
64-bit *main counter* that counts up at a fixed rate from the moment it is enabled (the clock), and
*comparators* that raise an interrupt when the counter reaches their value (the deadline). Its
capabilities register says the period of one count in femtoseconds (10 ns on QEMU's). Its registers
sit at physical `0xfed00000` on PCs, QEMU's included; a kernel for real machines would read that
from the ACPI HPET table. QEMU's HPET takes 32-bit accesses only, so 64-bit values are read and
written in halves.

In *legacy replacement* mode, comparator 0 raises ISA interrupt 0 (the old PIT's line, I/O APIC
input 2) and comparator 1 ISA interrupt 8 (the old real-time clock's). Zinc uses the first for the
kernel's deadline (`HAL_IRQ_TIMER`) and the second as the idle CPU's alarm clock (cpu.c):
`hal_cpu_idle` must come back within about 10 ms even if nothing happens, and the alarm's interrupt,
which has no handler, is what wakes it.

A comparator fires when the counter *reaches* its value, so on real hardware one set in the past
would never fire: after setting a deadline, the kernel reads the counter, and if the deadline has
already gone by it raises the timer interrupt itself through the local APIC, on the CPU the
comparator's interrupt goes to (apic.c): the kernel's timers are served on that CPU alone. (QEMU's
HPET fires a comparator in the past at once; the kernel's timer handler takes a second interrupt in
its stride, since it only ever runs the timers that are due.) */
#include "kernel/panic.h"
#include "x86_64.h"

#define HPET_BASE 0xfed00000ul
#define HPET_CAPABILITIES 0x000
#define HPET_CONFIG 0x010
#define HPET_COUNTER 0x0f0
#define HPET_TIMER_CONFIG(n) (0x100 + 0x20 * (n))
#define HPET_TIMER_COMPARATOR(n) (0x108 + 0x20 * (n))
#define CONFIG_ENABLE 0x1
#define CONFIG_LEGACY 0x2
#define CAP_LEGACY (1u << 15)
#define TIMER_INTERRUPT_ENABLE 0x4
#define TIMER_DEADLINE 0
#define TIMER_ALARM 1
#define ALARM_PIN 8
#define FS_PER_NS 1000000ul
#define MAX_PERIOD_FS 100000000ul /* the specification's slowest counter: 100 ns */
#define FOREVER_TICKS (1ul << 62) /* over a thousand years: QEMU would take a larger one as past */

static uint64_t period_fs;

static uint32_t hpet_read(unsigned reg) { return *(volatile uint32_t *)x86_phys(HPET_BASE + reg); }
static void hpet_write(unsigned reg, uint32_t v)
{
    *(volatile uint32_t *)x86_phys(HPET_BASE + reg) = v;
}

/* The counter, read high, low, high until the high half holds still across the low one. */
static uint64_t counter(void)
{
    uint32_t hi, lo;
    do {
        hi = hpet_read(HPET_COUNTER + 4);
        lo = hpet_read(HPET_COUNTER);
    } while (hpet_read(HPET_COUNTER + 4) != hi);
    return (uint64_t)hi << 32 | lo;
}

/* Arm a comparator: its interrupt is off while the halves change, so that no half-written value
   fires. */
static void arm(int timer, uint64_t ticks)
{
    hpet_write(HPET_TIMER_CONFIG(timer), 0);
    hpet_write(HPET_TIMER_COMPARATOR(timer), (uint32_t)ticks);
    hpet_write(HPET_TIMER_COMPARATOR(timer) + 4, (uint32_t)(ticks >> 32));
    hpet_write(HPET_TIMER_CONFIG(timer), TIMER_INTERRUPT_ENABLE); /* one-shot, edge-triggered */
}

/* No comparator value means "never" (QEMU takes the largest for one long past): turn the
   interrupt off. */
static void disarm(int timer)
{
    hpet_write(HPET_TIMER_CONFIG(timer), 0);
}

/* Conversions in two parts each, so that no product overflows 64 bits. */
static uint64_t ticks_to_ns(uint64_t ticks)
{
    return ticks / FS_PER_NS * period_fs + ticks % FS_PER_NS * period_fs / FS_PER_NS;
}

static uint64_t ns_to_ticks_rounded_up(uint64_t ns)
{
    if (ns / period_fs > UINT64_MAX / FS_PER_NS / 2)
        return UINT64_MAX;
    return ns / period_fs * FS_PER_NS + (ns % period_fs * FS_PER_NS + period_fs - 1) / period_fs;
}

void x86_timer_init(void)
{
    uint32_t caps = hpet_read(HPET_CAPABILITIES);
    period_fs = hpet_read(HPET_CAPABILITIES + 4);
    if (period_fs == 0 || period_fs > MAX_PERIOD_FS || !(caps & CAP_LEGACY))
        panic("no usable HPET at 0x%lx", HPET_BASE);
    hpet_write(HPET_CONFIG, 0);
    hpet_write(HPET_COUNTER, 0); /* the clock starts at 0 now: "nanoseconds since boot" */
    hpet_write(HPET_COUNTER + 4, 0);
    disarm(TIMER_DEADLINE);
    disarm(TIMER_ALARM);
    x86_ioapic_route(ALARM_PIN, X86_IRQ_VECTOR(X86_IRQ_ALARM), true);
    hpet_write(HPET_CONFIG, CONFIG_ENABLE | CONFIG_LEGACY);
}

uint64_t hal_timer_now(void)
{
    return ticks_to_ns(counter());
}

void hal_timer_set_deadline(uint64_t deadline)
{
    uint64_t ticks = deadline == HAL_NO_DEADLINE ? UINT64_MAX : ns_to_ticks_rounded_up(deadline);
    if (ticks >= FOREVER_TICKS) {
        disarm(TIMER_DEADLINE);
        return;
    }
    arm(TIMER_DEADLINE, ticks);
    if (counter() >= ticks)
        x86_apic_raise(X86_IRQ_VECTOR(HAL_IRQ_TIMER));
}

void x86_timer_alarm(uint64_t ns_from_now)
{
    if (ns_from_now == HAL_NO_DEADLINE)
        disarm(TIMER_ALARM);
    else
        arm(TIMER_ALARM, counter() + ns_to_ticks_rounded_up(ns_from_now));
}
