/*: # Kernel threads on bare metal

A kernel thread is a stack and a saved stack pointer. The threads form a ring; `hal_thread_yield`
moves to the next one that is alive with `metal_switch`. It is cooperative: a thread runs until it
yields or returns, which is all chapter 1 needs. Chapter 3 adds a 10 ms timer tick that makes user
threads yield this ring.

Stacks come from a fixed pool in the kernel image (`METAL_THREADS` of them), because a stack must be
contiguous in memory and the frame allocator deals in single pages. A finished thread's slot is
reused. Each slot starts with the stack's guard page (metal.h), which `metal_guard_stacks` unmaps at
boot, and the thread that runs is the one whose guard page `metal_stack_guard` names, for the trap
code: it is changed just before a switch, which is harmless, as no stack pointer of the thread
switched away from can lie in or just above the next thread's guard page.

Parking is polling, for now: a parked thread yields to the others until its token is set or its
deadline passes, and idles the CPU when it finds itself alone; chapter 6's executor is what ends the
polling. */
#include "hal/hal.h"
#include "kernel/panic.h"
#include "ksyms.h"
#include "metal.h"

#define METAL_THREADS 16
#define METAL_STACK_SIZE (16 * 1024)
#define METAL_ARCH_STACKS 2

struct hal_thread {
    uint64_t sp;
    void (*fn)(void *);
    void *arg;
    struct hal_thread *next; /* the ring of live threads */
    bool live;
    uint32_t token; /* atomic: set by hal_thread_wake, taken by hal_thread_park; a word, because
                       riscv64's atomic instructions work on words, not bytes */
    void *local;
    void *release_list;
    void *wait_self;
    uint8_t *guard; /* the guard page below its stack */
};

struct stack_slot {
    uint8_t guard[PAGE_SIZE];
    uint8_t stack[METAL_STACK_SIZE];
};

static struct hal_thread boot_thread = {
    .next = &boot_thread,
    .live = true,
    .guard = metal_boot_guard,
};
static struct hal_thread threads[METAL_THREADS];
static struct stack_slot stacks[METAL_THREADS] __attribute__((aligned(PAGE_SIZE)));
static struct hal_thread *current = &boot_thread;
static struct hal_lock ring_lock = HAL_LOCK_INIT;

uint64_t metal_stack_guard;
static struct {
    const char *name;
    uint8_t *guard;
} arch_stacks[METAL_ARCH_STACKS];
static int arch_stack_count;

static NORETURN void thread_start(void)
{
    current->fn(current->arg);
    hal_lock_acquire(&ring_lock);
    current->live = false; /* stays in the ring until the next yield steps past it */
    hal_lock_release(&ring_lock);
    hal_thread_yield();
    panic("a finished thread was resumed");
}

int hal_thread_spawn(void (*fn)(void *arg), void *arg)
{
    hal_lock_acquire(&ring_lock);
    struct hal_thread *t = NULL;
    for (int i = 0; i < METAL_THREADS && !t; i++)
        if (!threads[i].live && !threads[i].next)
            t = &threads[i];
    if (!t) {
        hal_lock_release(&ring_lock);
        return HAL_ENOMEM;
    }
    t->fn = fn;
    t->arg = arg;
    t->live = true;
    t->token = 0;
    t->local = NULL;
    t->release_list = NULL;
    t->wait_self = NULL;
    t->guard = stacks[t - threads].guard;
    t->sp = metal_stack_init(stacks[t - threads].stack + METAL_STACK_SIZE, thread_start);
    t->next = current->next;
    current->next = t;
    hal_lock_release(&ring_lock);
    return 0;
}

void hal_thread_yield(void)
{
    hal_lock_acquire(&ring_lock);
    /* Unlink finished threads after the current one, then take the next live one. */
    while (!current->next->live && current->next != current) {
        struct hal_thread *dead = current->next;
        current->next = dead->next;
        dead->next = NULL; /* the slot is free */
    }
    struct hal_thread *prev = current, *next = current->next;
    hal_lock_release(&ring_lock);
    if (next == prev)
        return;
    current = next;
    metal_stack_guard = (uint64_t)next->guard;
    metal_switch(&prev->sp, next->sp);
}

struct hal_thread *hal_thread_current(void)
{
    return current;
}

bool hal_thread_park(uint64_t deadline)
{
    struct hal_thread *self = current;
    while (!__atomic_exchange_n(&self->token, 0, __ATOMIC_ACQ_REL)) {
        if (hal_timer_now() >= deadline)
            return false;
        hal_thread_yield();
        if (current->next == current)
            hal_cpu_idle(); /* nobody else to run: wait for the interrupt that may wake us */
    }
    return true;
}

void hal_thread_wake(struct hal_thread *t)
{
    __atomic_store_n(&t->token, 1, __ATOMIC_RELEASE);
}

void hal_thread_interrupt(struct hal_thread *t)
{
    /* One CPU: t is not running now, whatever it was doing. */
}

void *hal_thread_local(void)
{
    return current->local;
}

void hal_thread_set_local(void *p)
{
    current->local = p;
}

void *hal_thread_release_list(void)
{
    return current->release_list;
}

void hal_thread_set_release_list(void *p)
{
    current->release_list = p;
}

void *hal_thread_wait_self(void)
{
    return current->wait_self;
}

void hal_thread_set_wait_self(void *p)
{
    current->wait_self = p;
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
    for (int i = 0; i < METAL_THREADS; i++)
        metal_unmap_kernel_page((uint64_t)stacks[i].guard);
    for (int i = 0; i < arch_stack_count; i++)
        metal_unmap_kernel_page((uint64_t)arch_stacks[i].guard);
    metal_stack_guard = (uint64_t)current->guard;
}

static bool in_page(uint64_t addr, const uint8_t *page)
{
    return addr - (uint64_t)page < PAGE_SIZE;
}

bool metal_stack_overflow(uint64_t addr)
{
    const char *what = NULL, *fn = NULL;
    int number = 0;
    uint64_t offset;
    if (in_page(addr, metal_boot_guard))
        what = "the boot thread's stack (kmain's, and the tests')";
    for (int i = 0; i < METAL_THREADS && !what; i++) {
        if (in_page(addr, stacks[i].guard)) {
            what = "the stack of kernel thread";
            number = i + 1;
            fn = ksym_lookup((uint64_t)threads[i].fn, &offset);
        }
    }
    for (int i = 0; i < arch_stack_count && !what; i++)
        if (in_page(addr, arch_stacks[i].guard))
            what = arch_stacks[i].name;
    if (!what)
        return false;
    kprintf("\n*** kernel panic: kernel stack overflow: ");
    if (number)
        kprintf("%s %d, started at %s,", what, number, fn ? fn : "?");
    else
        kprintf("%s", what);
    kprintf(" ran into its guard page, at 0x%lx\n", (unsigned long)addr);
    return true;
}
