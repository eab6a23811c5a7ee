/*: # x86_64: the CPU

**Idling.** `hlt` stops the CPU until the next interrupt. The `sti` just before it takes effect only
after the next instruction, so no interrupt can slip in between the two and leave the CPU asleep: it
is the standard idiom. The idle alarm (timer.c) bounds the sleep at 10 ms, as the HAL promises; it
is cancelled on waking, so that it never interrupts anything but an idle CPU.

**Shutting down.** QEMU's `isa-debug-exit` device ends QEMU when a value is written to its port,
with exit status `(value << 1) | 1`. So that the status always tells the kernel's verdict from
QEMU's own failures (which exit with 1) and from a reset (which exits with 0), Zinc writes the
status plus one: QEMU exits with `2 × status + 3`, and tools/qemu-x86_64.sh turns that back into
the status.

**Backtraces** follow the frame pointers: every function compiled with `-fno-omit-frame-pointer`
starts by pushing `rbp` and pointing `rbp` at it, so `[rbp]` is the caller's `rbp` and `[rbp + 8]`
the return address. The chain ends at a zero `rbp` (boot.S and the thread start-up put one there),
and the walk stops as well at anything that is not inside the kernel image, where all kernel stacks
live. */
#include "ksyms.h"
#include "x86_64.h"

#define IDLE_NS 10000000ul
#define DEBUG_EXIT_PORT 0xf4
#define MAX_STATUS 126

extern char __kernel_start[], _end[];

void hal_cpu_idle(void)
{
    uint64_t flags = x86_irq_save();
    x86_timer_alarm(IDLE_NS);
    __asm__ volatile("sti; hlt; cli" ::: "memory");
    x86_timer_alarm(HAL_NO_DEADLINE); /* woken by something else: the alarm must not go off later */
    x86_irq_restore(flags);
}

void hal_shutdown(int status)
{
    if (status < 0 || status > MAX_STATUS)
        status = MAX_STATUS;
    outl(DEBUG_EXIT_PORT, (uint32_t)status + 1);
    for (;;) /* no debug-exit device: stop here */
        __asm__ volatile("cli; hlt");
}

static bool in_kernel_image(uint64_t fp)
{
    return fp % 8 == 0 && fp >= (uint64_t)__kernel_start && fp + 16 <= (uint64_t)_end;
}

void x86_backtrace_from(uint64_t fp, int max)
{
    for (int depth = 0; depth < max && in_kernel_image(fp); depth++) {
        const uint64_t *frame = (const uint64_t *)fp;
        if (!frame[1])
            break;
        ksym_print_frame(depth, frame[1]);
        fp = frame[0];
    }
}

void hal_backtrace(int max)
{
    x86_backtrace_from((uint64_t)__builtin_frame_address(0), max);
}
