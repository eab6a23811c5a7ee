/*: # Kernel threads that sleep

Chapter 1's kernel threads formed a ring that `hal_thread_yield` walked, and a parked thread stayed
in the ring, polling its token at every turn; a thread's stack was one of 16 slots in the kernel
image. This version keeps the interface (hal/thread.h) and changes what is under it in three ways.

**A parked thread leaves the run queue.** The threads ready to run wait in one queue; the running
ones are in no queue, and a parked one is in none either: nothing looks at it until
`hal_thread_wake` or the alarm of its deadline (a kernel timer, kernel/timer.h) puts it back. Every
thread has a state, changed only under the queue's lock: running, ready (in the queue), parked, or
dead.

**A CPU with nothing to run sleeps.** Each CPU has an idle thread that no queue holds. When a thread
parks and the queue is empty, the CPU switches to it, and the idle thread halts the CPU in
`metal_cpu_sleep` (cpu_local.h) until an interrupt comes. The race every idle loop must close is the
wake-up that arrives between "the queue is empty" and the halt: it would be lost, and the CPU asleep
with a thread ready. The idle thread looks at the queue with interrupts off and stays so into
`metal_cpu_sleep`, which sleeps with the instruction pair that enables interrupts only as the CPU
halts (`sti; hlt` on x86_64, where `sti` takes effect after the next instruction; `wfi` on riscv64,
which wakes for a pending interrupt even while interrupts are off). A wake from an interrupt handler
on this CPU is then either before the look, and seen, or after it, and it ends the halt. (A wake
from another CPU sends an interrupt: see `wake_a_cpu` below.)

**Stacks come from the frame allocator** (stack.c), so the number of threads is bounded by memory. A
thread's memory is five contiguous pages: a guard page, a 16 KiB stack, and the `struct hal_thread`
at the top of the stack. The guard page is no longer unmapped: taking a page out of the direct map
splits a large page, whose table would never be given back, and putting it back needs a mapping
function the HAL does not have. So it is kept as a buffer that an overflow eats into first, with a
pattern at its top that the switch checks each time it leaves a thread: an overflow is reported at
the next switch, naming the thread, rather than at the faulting store. (riscv64's trap entry still
checks the stack pointer against the guard page of the running thread, `metal_stack_guard`, as
before; the boot stack and the architectures' own stacks keep unmapped guard pages.)

**The switch.** `switch_away` is called with the queue locked and interrupts off, the caller having
set its own state; it takes the next ready thread (or the idle one), releases the lock, and
switches. The lock is released before the switch (holding it across, as xv6 does, would have every
new thread start by releasing it, with interrupts off until then), so between the release and the
moment the old thread's registers are saved another CPU could take the old thread from the queue and
resume it from a half-saved stack. Each thread therefore carries `on_cpu`: set when a CPU switches
to it, cleared by the CPU that switched away from it only once the switch is done (`finish_switch`,
which runs on the new thread's stack), and a CPU about to resume a thread waits until it is clear.
The same place frees a dead thread's memory, as a thread cannot free the stack it runs on. */
#include "cpus.h"
#include "hal/hal.h"
#include "kernel/init.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/timer.h"
#include "ksyms.h"
#include "metal.h"
#include "stack.h"

#define STACK_PAGES 4
#define THREAD_PAGES METAL_STACK_RUN /* the guard page, then the stack */
#define SPARE_STACKS 32
_Static_assert(THREAD_PAGES == 1 + STACK_PAGES, "a run holds the guard page and the stack");
#define CANARY 0x5a1c0dedcafef00dul
#define CANARY_WORDS 8
#define METAL_ARCH_STACKS 2

enum thread_state { RUNNING, READY, PARKED, DEAD, IDLE };

struct hal_thread {
    uint64_t sp;
    void (*fn)(void *);
    void *arg;
    enum thread_state state;  /* under runq.lock */
    struct hal_thread *next;  /* in the run queue */
    uint32_t on_cpu;          /* atomic: a CPU runs it, or has not yet finished switching away */
    unsigned cpu;             /* the CPU that runs it, or ran it last */
    uint32_t token;           /* atomic: set by hal_thread_wake, taken by hal_thread_park; a word,
                                 because riscv64's atomic instructions work on words, not bytes */
    bool alarm_rang;          /* under runq.lock: the deadline of the current park has passed */
    struct ktimer alarm;      /* the deadline of a park */
    void *local;
    void *release_list;
    void *wait_self;
    uint8_t *guard;           /* the guard page below its stack */
    paddr_t memory;           /* the THREAD_PAGES it lives in; 0 for the boot thread */
    bool kept;                /* they are one of the runs kept aside (stack.c) */
    unsigned number;          /* for messages: the n-th thread started */
    struct hal_thread *all_prev, *all_next; /* every thread with memory of its own */
} __attribute__((aligned(16))); /* it sits at the top of its stack, which must stay aligned */

static struct hal_thread boot_thread = {
    .state = RUNNING,
    .on_cpu = 1,
    .guard = metal_boot_guard,
};
struct metal_cpu metal_cpus[METAL_MAX_CPUS] = {{.current = &boot_thread}};
unsigned metal_cpu_count = 1;

/* The threads ready to run, first in first out. One queue for every CPU: a thread may run on any of
   them, and one lock is simple to reason about; with a few CPUs it is not a bottleneck. */
static struct {
    struct hal_lock lock;
    struct hal_thread *head, *tail;
} runq = {.lock = HAL_LOCK_INIT};

/* Every thread with memory of its own, so that an overflow can be named. */
static struct {
    struct hal_lock lock;
    struct hal_thread *head;
    unsigned started;
} all = {.lock = HAL_LOCK_INIT};

uint64_t metal_stack_guard;
static struct {
    const char *name;
    uint8_t *guard;
} arch_stacks[METAL_ARCH_STACKS];
static int arch_stack_count;

static void runq_push(struct hal_thread *t)
{
    t->state = READY;
    t->next = NULL;
    if (runq.tail)
        runq.tail->next = t;
    else
        runq.head = t;
    runq.tail = t;
}

static struct hal_thread *runq_pop(void)
{
    struct hal_thread *t = runq.head;
    if (t) {
        runq.head = t->next;
        if (!runq.head)
            runq.tail = NULL;
    }
    return t;
}

/* The top words of the guard page, which the stack reaches first when it overflows. */
static uint64_t *canary_of(struct hal_thread *t)
{
    return (uint64_t *)(t->guard + PAGE_SIZE) - CANARY_WORDS;
}

static void check_stack(struct hal_thread *t)
{
    if (!t->memory)
        return;
    for (int i = 0; i < CANARY_WORDS; i++) {
        if (canary_of(t)[i] != CANARY) {
            uint64_t offset;
            const char *fn = ksym_lookup((uint64_t)t->fn, &offset);
            panic("kernel stack overflow: kernel thread %u, started at %s, wrote below its stack",
                  t->number, fn ? fn : "?");
        }
    }
}

/* After a switch, on the new thread's stack: the CPU is done with the thread it left. */
static void finish_switch(void)
{
    struct hal_thread *prev = metal_this_cpu()->prev;
    bool dead = prev->state == DEAD; /* first: once on_cpu is clear, prev may run elsewhere */
    __atomic_store_n(&prev->on_cpu, 0, __ATOMIC_RELEASE);
    if (!dead)
        return;
    hal_lock_acquire(&all.lock);
    *(prev->all_prev ? &prev->all_prev->all_next : &all.head) = prev->all_next;
    if (prev->all_next)
        prev->all_next->all_prev = prev->all_prev;
    hal_lock_release(&all.lock);
    metal_stack_free(prev->memory, prev->kept);
}

/* Called with runq.lock held and interrupts off, self's state set by the caller. Returns when self
   runs again (perhaps on another CPU), with the lock released and interrupts still off. */
static void switch_away(struct hal_thread *self)
{
    struct metal_cpu *cpu = metal_this_cpu();
    struct hal_thread *next = runq_pop();
    if (!next)
        next = cpu->idle;
    else
        next->state = RUNNING;
    hal_lock_release(&runq.lock);
    check_stack(self);
    cpu->prev = self;
    cpu->current = next;
    while (__atomic_load_n(&next->on_cpu, __ATOMIC_ACQUIRE)) /* still leaving another CPU */
        metal_cpu_relax();
    next->cpu = metal_cpu_id();
    __atomic_store_n(&next->on_cpu, 1, __ATOMIC_RELEASE);
    metal_stack_guard = (uint64_t)next->guard;
    metal_cpu_forget_user();
    metal_switch(&self->sp, next->sp);
    finish_switch();
}

static NORETURN void thread_start(void)
{
    finish_switch();
    struct hal_thread *self = metal_this_cpu()->current;
    self->fn(self->arg);
    metal_irq_save();
    hal_lock_acquire(&runq.lock);
    self->state = DEAD;
    switch_away(self);
    panic("a finished thread was resumed");
}

static struct hal_thread *thread_new(void (*fn)(void *), void *arg, enum thread_state state)
{
    bool kept;
    paddr_t memory = metal_stack_alloc(&kept);
    if (!memory)
        return NULL;
    uint8_t *base = hal_pmem_ptr(memory);
    struct hal_thread *t = (struct hal_thread *)(base + THREAD_PAGES * PAGE_SIZE) - 1;
    *t = (struct hal_thread){.fn = fn, .arg = arg, .state = state, .guard = base, .memory = memory,
                             .kept = kept};
    for (int i = 0; i < CANARY_WORDS; i++)
        canary_of(t)[i] = CANARY;
    t->sp = metal_stack_init(t, thread_start);
    hal_lock_acquire(&all.lock);
    t->number = ++all.started;
    t->all_next = all.head;
    if (all.head)
        all.head->all_prev = t;
    all.head = t;
    hal_lock_release(&all.lock);
    return t;
}

/*: A CPU that finds nothing to run says so in `sleeping`, under the queue's lock, before it sleeps.
Whoever queues a thread looks at the flags after queueing it: either the sleeper saw the thread in
the queue, or the waker sees the flag and sends the sleeper an interrupt, which ends its sleep even
if it arrives before the halt (cpu_local.h). One sleeper is woken per thread queued, and the waker
takes its flag down as it chooses it: two threads queued one after the other wake two sleepers, not
the same one twice while it has not yet woken (with three CPUs or more, the second thread would
wait in the queue while a CPU slept). */
static void wake_a_cpu(void)
{
    unsigned self = metal_cpu_id();
    for (unsigned i = 0; i < METAL_MAX_CPUS; i++) {
        if (i != self && __atomic_exchange_n(&metal_cpus[i].sleeping, 0, __ATOMIC_SEQ_CST)) {
            metal_cpu_kick(i);
            return;
        }
    }
}

/* Make a parked or new thread ready, and wake a sleeping CPU to run it. */
static void make_ready(struct hal_thread *t, bool alarm)
{
    hal_lock_acquire(&runq.lock);
    if (alarm)
        t->alarm_rang = true;
    bool queued = t->state == PARKED;
    if (queued)
        runq_push(t);
    hal_lock_release(&runq.lock);
    if (queued)
        wake_a_cpu();
}

int hal_thread_spawn(void (*fn)(void *arg), void *arg)
{
    struct hal_thread *t = thread_new(fn, arg, PARKED);
    if (!t)
        return HAL_ENOMEM;
    make_ready(t, false);
    return 0;
}

void hal_thread_yield(void)
{
    struct hal_thread *self = hal_thread_current();
    uint64_t flags = metal_irq_save();
    hal_lock_acquire(&runq.lock);
    if (runq.head) {
        runq_push(self);
        switch_away(self);
    } else {
        hal_lock_release(&runq.lock);
    }
    metal_irq_restore(flags);
}

struct hal_thread *hal_thread_current(void)
{
    return metal_this_cpu()->current;
}

uint64_t metal_thread_guard(void)
{
    return (uint64_t)hal_thread_current()->guard;
}

static bool take_token(struct hal_thread *t)
{
    return __atomic_exchange_n(&t->token, 0, __ATOMIC_ACQ_REL) != 0;
}

static void alarm_rings(struct ktimer *timer, void *thread)
{
    make_ready(thread, true);
}

/*: A park checks the token a second time under the queue's lock, where a wake cannot come between
the check and the change of state: a waker sets the token first and then takes the lock to look at
the state, so either the parker sees the token, or the waker sees the thread parked and queues it.
The alarm is the same, with its own flag. */
bool hal_thread_park(uint64_t deadline)
{
    struct hal_thread *self = hal_thread_current();
    if (take_token(self))
        return true;
    bool timed = deadline != HAL_NO_DEADLINE;
    self->alarm_rang = false; /* no alarm is pending: the last park cancelled its own */
    if (timed) {
        if (hal_timer_now() >= deadline)
            return false;
        timer_start(&self->alarm, deadline, alarm_rings, self);
    }
    uint64_t flags = metal_irq_save();
    hal_lock_acquire(&runq.lock);
    if (__atomic_load_n(&self->token, __ATOMIC_ACQUIRE) || self->alarm_rang) {
        hal_lock_release(&runq.lock);
    } else {
        self->state = PARKED;
        switch_away(self);
    }
    metal_irq_restore(flags);
    if (timed)
        timer_cancel_sync(&self->alarm);
    return take_token(self);
}

void hal_thread_wake(struct hal_thread *t)
{
    __atomic_store_n(&t->token, 1, __ATOMIC_RELEASE);
    make_ready(t, false);
}

/*: If t runs on another CPU, an interrupt sent there ends its user program's turn: the trap returns
from `hal_context_run` as `HAL_TRAP_INTERRUPT`. If it is in the kernel, or has just left that CPU,
the interrupt costs that CPU a moment and nothing else; a thread that is not running checks its
state before it runs user code again. */
void hal_thread_interrupt(struct hal_thread *t)
{
    unsigned cpu = __atomic_load_n(&t->cpu, __ATOMIC_ACQUIRE);
    if (__atomic_load_n(&t->on_cpu, __ATOMIC_ACQUIRE) && cpu != metal_cpu_id())
        metal_cpu_kick(cpu);
}

void *hal_thread_local(void)
{
    return hal_thread_current()->local;
}

void hal_thread_set_local(void *p)
{
    hal_thread_current()->local = p;
}

void *hal_thread_release_list(void)
{
    return hal_thread_current()->release_list;
}

void hal_thread_set_release_list(void *p)
{
    hal_thread_current()->release_list = p;
}

void *hal_thread_wait_self(void)
{
    return hal_thread_current()->wait_self;
}

void hal_thread_set_wait_self(void *p)
{
    hal_thread_current()->wait_self = p;
}

/*: The idle thread of a CPU runs when nothing else can. It looks at the queue with interrupts off
and, finding it empty, sleeps in `metal_cpu_sleep` with them still off (see above); back from the
sleep, it turns them on for a moment, so that the interrupt that woke it is served and can make a
thread ready. Finding the queue full, it switches to the first thread in it, and comes back here
when some thread parks and leaves nothing ready. */
static NORETURN void idle_loop(void)
{
    struct metal_cpu *cpu = metal_this_cpu();
    for (;;) {
        uint64_t flags = metal_irq_save();
        hal_lock_acquire(&runq.lock);
        if (runq.head) {
            switch_away(cpu->idle);
        } else {
            __atomic_store_n(&cpu->sleeping, 1, __ATOMIC_SEQ_CST);
            hal_lock_release(&runq.lock);
            metal_cpu_sleep();
            __atomic_store_n(&cpu->sleeping, 0, __ATOMIC_SEQ_CST);
        }
        metal_irq_restore(flags);
    }
}

static void idle_thread(void *unused)
{
    idle_loop();
}

/* The boot CPU's idle thread, made before anything parks (its boot thread, kmain's, is there). */
static void threads_init(void)
{
    metal_stack_reserve(SPARE_STACKS);
    metal_cpus[0].idle = thread_new(idle_thread, NULL, IDLE);
    if (!metal_cpus[0].idle)
        panic("no memory for the idle thread");
}
INIT_STEP(threads_init, INIT_MEMORY);

/* Before a CPU starts: its idle thread, on whose stack it runs its start-up (NULL: no memory). */
void *metal_cpu_prepare(unsigned index)
{
    struct hal_thread *idle = thread_new(idle_thread, NULL, IDLE);
    metal_cpus[index].idle = idle;
    return idle; /* the stack lies below it */
}

/* The CPU index, started, becomes the idle thread it was prepared with, and takes threads from the
   queue from now on. With interrupts off. */
NORETURN void metal_cpu_enter(unsigned index)
{
    struct metal_cpu *cpu = &metal_cpus[index];
    cpu->current = cpu->idle;
    cpu->idle->cpu = index;
    cpu->idle->on_cpu = 1;
    __atomic_fetch_add(&metal_cpu_count, 1, __ATOMIC_SEQ_CST);
    idle_loop();
}

void metal_register_stack(const char *name, void *guard)
{
    kassert(arch_stack_count < METAL_ARCH_STACKS && (uint64_t)guard % PAGE_SIZE == 0);
    arch_stacks[arch_stack_count].name = name;
    arch_stacks[arch_stack_count++].guard = guard;
}

void metal_guard_stacks(void)
{
    metal_unmap_kernel_page((uint64_t)metal_boot_guard);
    for (int i = 0; i < arch_stack_count; i++)
        metal_unmap_kernel_page((uint64_t)arch_stacks[i].guard);
    metal_stack_guard = (uint64_t)boot_thread.guard;
}

static bool in_page(uint64_t addr, const uint8_t *page)
{
    return addr - (uint64_t)page < PAGE_SIZE;
}

bool metal_stack_overflow(uint64_t addr)
{
    const char *what = NULL, *fn = NULL;
    unsigned number = 0;
    uint64_t offset;
    if (in_page(addr, metal_boot_guard))
        what = "the boot thread's stack (kmain's, and the tests')";
    for (struct hal_thread *t = all.head; t && !what; t = t->all_next) { /* no lock: panicking */
        if (in_page(addr, t->guard)) {
            what = "the stack of kernel thread";
            number = t->number;
            fn = ksym_lookup((uint64_t)t->fn, &offset);
        }
    }
    for (int i = 0; i < arch_stack_count && !what; i++)
        if (in_page(addr, arch_stacks[i].guard))
            what = arch_stacks[i].name;
    if (!what)
        return false;
    kprintf("\n*** kernel panic: kernel stack overflow: ");
    if (number)
        kprintf("%s %u, started at %s,", what, number, fn ? fn : "?");
    else
        kprintf("%s", what);
    kprintf(" ran into its guard page, at 0x%lx\n", (unsigned long)addr);
    return true;
}
