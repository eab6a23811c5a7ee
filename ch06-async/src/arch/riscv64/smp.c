/*: # riscv64: bringing up the other harts

OpenSBI keeps every hart but the boot hart stopped, and starts one when the kernel asks, through the
SBI's *hart state management* extension (HSM): `hart_get_status(id)` says whether hart `id` exists
and is stopped, and `hart_start(id, address, word)` starts it at a physical address, with the word
in `a1`. The address is the kernel's first instruction, where boot.S finds the hart late and sends
it through the door left in `riscv_late_hart`, to hart_entry.S with the hart's number: the door is
the one way in that OpenSBI 1.1's race cannot get around (boot.S says how). The kernel needs no list
of harts: it asks about each id in turn, from 0 to 63, and an id that is not a hart is an error.
Each stopped hart it finds gets the next number and an idle thread prepared for it
(arch/metal/thread.c), on whose stack it starts; the boot hart waits until the hart has joined the
scheduler (`metal_cpu_count`) before it starts the next. The boot hart, whichever OpenSBI chose, is
number 0; it is running, so the search passes it by.

A started hart sets up its own trap state (irq.c), stops its timer, and becomes its idle thread:
from then on it takes threads from the queue like every hart. Its timer serves the whole kernel as
well (timer.c). The harts speak to each other through two more extensions: `send_ipi` raises the
software interrupt on the harts of a mask (`metal_cpu_kick`: a wake, or the end of a user program's
turn), and RFENCE's `remote_sfence_vma` makes them forget a range of their TLBs (tlb.c). Both masks
name harts by SBI id, bit `id - base`; every hart here has an id below 64, so the base is 0. */
#include "harts.h"
#include "kernel/init.h"
#include "kernel/panic.h"
#include "sbi.h"

#define SBI_EXT_HSM 0x48534d     /* "HSM" */
#define SBI_EXT_IPI 0x735049     /* "sPI" */
#define SBI_EXT_RFENCE 0x52464e43 /* "RFNC" */
#define HSM_HART_START 0
#define HSM_HART_GET_STATUS 2
#define HSM_STOPPED 1
#define IPI_SEND 0
#define RFENCE_SFENCE_VMA 1
#define MAX_HART_ID 64
#define START_TIMEOUT_NS 5000000000ull

uint64_t riscv_hart_id[METAL_MAX_CPUS];
void *riscv_hart_stack[METAL_MAX_CPUS]; /* read by hart_entry.S */

void _start(void);
void riscv_hart_entry(void);
NORETURN void riscv_hart_start(unsigned index);

/* The SBI's mask of the harts numbered in mask. */
static uint64_t sbi_mask(uint64_t mask)
{
    uint64_t harts = 0;
    for (unsigned i = 0; i < METAL_MAX_CPUS; i++)
        if (mask & 1ul << i)
            harts |= 1ul << riscv_hart_id[i];
    return harts;
}

void metal_cpu_kick(unsigned cpu)
{
    sbi_call(SBI_EXT_IPI, IPI_SEND, sbi_mask(1ul << cpu), 0, 0, 0);
}

void riscv_remote_flush(uint64_t mask, vaddr_t va, size_t len)
{
    sbi_call(SBI_EXT_RFENCE, RFENCE_SFENCE_VMA, sbi_mask(mask), 0, va, len);
}

void riscv_hart_start(unsigned index)
{
    riscv_hart_traps();
    sbi_set_timer(UINT64_MAX);
    metal_cpu_enter(index);
}

static void start_others(void)
{
    riscv_hart_id[0] = riscv_boot_hart;
    unsigned next = 1;
    for (uint64_t id = 0; id < MAX_HART_ID && next < METAL_MAX_CPUS; id++) {
        struct sbiret status = sbi_call(SBI_EXT_HSM, HSM_HART_GET_STATUS, id, 0, 0, 0);
        if (status.error || status.value != HSM_STOPPED)
            continue;
        riscv_hart_id[next] = id;
        riscv_late_hart.word = next;
        __atomic_store_n(&riscv_late_hart.entry, virt_to_phys(riscv_hart_entry), __ATOMIC_RELEASE);
        riscv_hart_stack[next] = metal_cpu_prepare(next);
        if (!riscv_hart_stack[next])
            panic("no memory for the stack of hart %lu", (unsigned long)id);
        struct sbiret started = sbi_call(SBI_EXT_HSM, HSM_HART_START, id, virt_to_phys(_start),
                                         next, 0);
        if (started.error)
            panic("hart %lu did not start: SBI error %ld", (unsigned long)id, started.error);
        uint64_t give_up = hal_timer_now() + START_TIMEOUT_NS;
        while (__atomic_load_n(&metal_cpu_count, __ATOMIC_SEQ_CST) <= next)
            if (hal_timer_now() > give_up)
                panic("hart %lu was started and did not arrive", (unsigned long)id);
        next++;
    }
}
INIT_STEP(start_others, INIT_KERNEL);
