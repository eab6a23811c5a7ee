/*: # x86_64: the TLB shootdown

Every CPU has its own TLB, and a CPU that runs a thread of a process caches translations of that
process's table. When mmu.c removes or narrows entries, the CPU that made the change can flush its
own TLB with `invlpg`, but no instruction reaches another CPU's: the other CPUs must be asked, with
an interrupt, and the change is complete only when every one of them has answered, since the caller
will hand the unmapped frames to someone else right after. This is the *TLB shootdown*.

**Who is asked.** A CPU caches translations only of the table in its `cr3` (loading `cr3` empties
the TLB, and none of our user pages is global). Rather than track which CPUs have loaded which
table, `x86_tlb_flush` asks every CPU that is up; each looks at its own `cr3` and flushes only if
it holds the table. With the few CPUs QEMU gives, an interrupt each is cheap, and the question "who
may hold it" is answered where it cannot be wrong: on the CPU itself, with its interrupts off.

**A table being freed** is the same request with another answer: a CPU that still has the table in
`cr3` (it ran a thread of the process and went on to kernel work) loads the kernel's own table
instead, since the CPU may walk the tables in `cr3` at any moment, to look ahead. `x86_tlb_forget`
returns when none holds it, and mmu.c frees it after.

**The request** is one at a time, under a lock: the table, the range, and a flag per CPU asked,
plus a count of those yet to answer. The asker sends the interrupt `X86_IRQ_TLB` to all the others
at once, then waits for the count to reach zero. A CPU answers in the interrupt's handler, or, if
its interrupts are off, in any spin loop it waits in (relax.h): the asker may hold a lock that CPU
waits for, or the other may be an asker itself, waiting for the lock of the request. The asker's
own interrupts may be off too (mmu.c's callers hold their locks), which is why it waits for answers
rather than for anything to be done in an interrupt of its own. A CPU answers at most once per
request: taking its flag with an atomic exchange settles a race between its handler and its spin
loop. */
#include "hal/irq_table.h"
#include "kernel/init.h"
#include "percpu.h"
#include "relax.h"
#include "x86_64.h"

#define CR3_TABLE 0x000ffffffffff000ul
#define MAX_INVLPG 32       /* beyond this many pages, reloading cr3 is cheaper */
#define X86_IRQ_TLB 4       /* after timer, console, idle alarm and kick */
#define ICR_ALL_BUT_SELF (3 << 18)

extern uint64_t boot_pml4[]; /* boot.S: the kernel's own table */

static struct {
    struct hal_lock lock;          /* one request at a time */
    paddr_t table;                 /* the table the CPUs are to forget */
    vaddr_t va;                    /* its pages [va, va + len); len 0: it is being freed */
    size_t len;
    uint32_t asked[X86_MAX_CPUS];  /* atomic: this CPU has yet to answer */
    uint32_t waiting;              /* atomic: how many have yet to answer */
} request = {.lock = HAL_LOCK_INIT};

/* This CPU's part: only the table in its cr3 can be in its TLB. */
static void flush_here(paddr_t table, vaddr_t va, size_t len)
{
    if ((READ_CR(3) & CR3_TABLE) != table)
        return;
    if (!len)
        WRITE_CR(3, (uint64_t)boot_pml4 - KERNEL_VMA);
    else if (len > MAX_INVLPG * PAGE_SIZE)
        WRITE_CR(3, READ_CR(3));
    else
        for (size_t off = 0; off < len; off += PAGE_SIZE)
            __asm__ volatile("invlpg (%0)" ::"r"(va + off) : "memory");
}

void x86_tlb_answer(void)
{
    uint32_t *asked = &request.asked[x86_cpu_index()];
    if (!__atomic_load_n(asked, __ATOMIC_ACQUIRE)) /* the usual case: one load */
        return;
    if (!__atomic_exchange_n(asked, 0, __ATOMIC_ACQ_REL))
        return;
    flush_here(request.table, request.va, request.len);
    __atomic_fetch_sub(&request.waiting, 1, __ATOMIC_RELEASE);
}

static void on_interrupt(unsigned irq, void *arg)
{
    x86_tlb_answer();
}

static void shoot_down(paddr_t table, vaddr_t va, size_t len)
{
    flush_here(table, va, len);
    uint32_t up = __atomic_load_n(&x86_cpus_up, __ATOMIC_SEQ_CST);
    unsigned self = x86_cpu_index();
    if (!(up & ~(1u << self)))
        return; /* the only CPU */
    hal_lock_acquire(&request.lock);
    request.table = table;
    request.va = va;
    request.len = len;
    for (unsigned i = 0; i < X86_MAX_CPUS; i++) {
        if (i != self && (up & (1u << i))) {
            __atomic_fetch_add(&request.waiting, 1, __ATOMIC_RELAXED);
            __atomic_store_n(&request.asked[i], 1, __ATOMIC_RELEASE);
        }
    }
    x86_apic_send(0, ICR_ALL_BUT_SELF | X86_IRQ_VECTOR(X86_IRQ_TLB));
    while (__atomic_load_n(&request.waiting, __ATOMIC_ACQUIRE))
        x86_relax();
    hal_lock_release(&request.lock);
}

void x86_tlb_flush(paddr_t table, vaddr_t va, size_t len)
{
    shoot_down(table, va, len);
}

void x86_tlb_forget(paddr_t table)
{
    shoot_down(table, 0, 0);
}

static void tlb_init(void)
{
    irq_table_set(X86_IRQ_TLB, on_interrupt, NULL);
}
INIT_STEP(tlb_init, INIT_DEVICES);
