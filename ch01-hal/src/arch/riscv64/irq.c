/*: # riscv64: interrupts

Two kinds of interrupt reach the kernel in supervisor mode: the timer (`scause` 5, from the SBI) and
the external interrupt (`scause` 9, from the PLIC, behind which sit the devices). `riscv_interrupt`
is called with interrupts off, from the kernel's trap vector or from `hal_context_run` when the
interrupt came while a user program ran; it finds the HAL's interrupt number and calls its handler.

A third kind is how one hart signals another: the *software interrupt* (`scause` 1). Chapter 1 runs
one hart and never sends it, but the kernel enables it, and answers it, from the start: from chapter
6 on a hart sends it to another through the SBI to wake it from `wfi`, to end the turn of a user
program, or to ask it to let go of a page table about to be freed (`riscv_tlb_answer`, tlb.c). The
hart clears it (its bit in `sip`) before it answers, so that one sent meanwhile asks again.

`hal_cpu_idle` waits with `wfi`. The race every idle loop has (the caller checked its condition, and
the interrupt that would change it arrives just before the `wfi`) is closed by the hardware: `wfi`
wakes for any interrupt that is *pending and enabled in `sie`*, even with `SIE` off. So idle turns
interrupts off, sleeps, and turns them on, at which point the handler runs. The timer is also set to
wake it within 10 ms (timer.c), so that a caller always gets to look again soon, as on LibOS. */
#include "csr.h"
#include "kernel/panic.h"
#include "hal/irq_table.h"
#include "riscv.h"
#include "virt.h"

#define IDLE_MAX_NS 10000000

/* A hart's own trap state. The kernel may not touch user pages (SUM off: it reaches them through
   the direct map) nor use the floating-point unit (FS off: it is built soft-float, and a stray
   instruction should trap); then the three interrupts it serves. */
void riscv_hart_traps(void)
{
    csr_clear(sstatus, SSTATUS_SUM | SSTATUS_FS);
    csr_write(sie, SIE_SSIE | SIE_STIE | SIE_SEIE);
}

/* The last step of start-up: the boot hart's traps, and interrupts on. */
void riscv_trap_init(void)
{
    riscv_hart_traps();
    csr_set(sstatus, SSTATUS_SIE);
}

void hal_irq_register(unsigned irq, hal_irq_handler handler, void *arg)
{
    irq_table_set(irq, handler, arg);
    if (irq == HAL_IRQ_SERIAL) {
        riscv_plic_enable(VIRT_UART_IRQ);
        riscv_uart_enable_interrupt();
    }
}

void riscv_irq_raise(unsigned irq)
{
    irq_table_call(irq);
}

void riscv_interrupt(uint64_t cause)
{
    if (cause == IRQ_S_TIMER) {
        riscv_timer_interrupt();
        return;
    }
    if (cause == IRQ_S_SOFT) {
        csr_clear(sip, SIP_SSIP);
        riscv_tlb_answer();
        return;
    }
    if (cause != IRQ_S_EXTERNAL)
        panic("unexpected interrupt %lu", (unsigned long)cause);
    unsigned source;
    while ((source = riscv_plic_claim()) != 0) {
        if (source == VIRT_UART_IRQ)
            riscv_irq_raise(HAL_IRQ_SERIAL);
        riscv_plic_complete(source);
    }
}

void hal_cpu_idle(void)
{
    uint64_t status = csr_read_clear(sstatus, SSTATUS_SIE);
    riscv_timer_wake_within(IDLE_MAX_NS);
    __asm__ volatile("wfi");
    csr_set(sstatus, status & SSTATUS_SIE);
}
