/*: # Kernel threads on bare metal

A kernel thread is a stack and a saved stack pointer. The threads form a ring; `hal_thread_yield` moves to
the next one that is alive with `metal_switch`. It is cooperative: a thread runs until it yields or returns,
which is all chapter 1 needs. Chapter 3 adds a 10 ms timer tick that makes user threads yield this ring.

Stacks come from a fixed pool in the kernel image (`METAL_THREADS` of them), because a stack must be
contiguous in memory and the frame allocator deals in single pages. A finished thread's slot is reused.

Parking is polling, for now: a parked thread yields to the others until its token is set or its deadline
passes, and idles the CPU when it finds itself alone; chapter 6's executor is what ends the polling. */
#include "hal/hal.h"
#include "kernel/panic.h"
#include "metal.h"

#define METAL_THREADS 16
#define METAL_STACK_SIZE (16 * 1024)

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
};

static struct hal_thread boot_thread = {.next = &boot_thread, .live = true};
static struct hal_thread threads[METAL_THREADS];
static uint8_t stacks[METAL_THREADS][METAL_STACK_SIZE] __attribute__((aligned(16)));
static struct hal_thread *current = &boot_thread;
static struct hal_lock ring_lock = HAL_LOCK_INIT;

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
    t->sp = metal_stack_init(stacks[t - threads] + METAL_STACK_SIZE, thread_start);
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
