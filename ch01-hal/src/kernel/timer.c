/*: # Kernel timers, implemented

The pending timers form a list sorted by deadline, so the earliest is always at the head and the interrupt
handler only ever looks there. Insertion is O(n), which is fine for the few timers a teaching kernel holds;
a real kernel would use a heap or a timer wheel. The handler unlinks each due timer *before* calling it,
with the lock released, so a callback may restart its own timer. */
#include "kernel/timer.h"

#include "hal/hal.h"
#include "kernel/init.h"

static struct {
    struct hal_lock lock;
    struct ktimer *head;
} timers = {.lock = HAL_LOCK_INIT};

static void program_hardware(void)
{
    hal_timer_set_deadline(timers.head ? timers.head->deadline : HAL_NO_DEADLINE);
}

static void unlink(struct ktimer *t)
{
    for (struct ktimer **p = &timers.head; *p; p = &(*p)->next) {
        if (*p == t) {
            *p = t->next;
            break;
        }
    }
    t->pending = false;
}

void timer_start(struct ktimer *t, uint64_t deadline, void (*fn)(struct ktimer *, void *), void *arg)
{
    hal_lock_acquire(&timers.lock);
    if (t->pending)
        unlink(t);
    t->deadline = deadline;
    t->fn = fn;
    t->arg = arg;
    t->pending = true;
    /* LAB ch01-timer-order BEGIN: link t into the list so that it stays sorted by deadline, and a timer
       started later than another with the same deadline fires after it.
       stub:
    t->next = timers.head;
    timers.head = t;
    */
    struct ktimer **p = &timers.head;
    while (*p && (*p)->deadline <= deadline)
        p = &(*p)->next;
    t->next = *p;
    *p = t;
    /* LAB END */
    program_hardware();
    hal_lock_release(&timers.lock);
}

bool timer_cancel(struct ktimer *t)
{
    hal_lock_acquire(&timers.lock);
    bool was_pending = t->pending;
    if (was_pending) {
        unlink(t);
        program_hardware();
    }
    hal_lock_release(&timers.lock);
    return was_pending;
}

static void timer_interrupt(unsigned irq, void *arg)
{
    for (;;) {
        hal_lock_acquire(&timers.lock);
        struct ktimer *t = timers.head;
        if (!t || t->deadline > hal_timer_now()) {
            program_hardware();
            hal_lock_release(&timers.lock);
            return;
        }
        timers.head = t->next;
        t->pending = false;
        hal_lock_release(&timers.lock);
        t->fn(t, t->arg);
    }
}

static void timer_init(void)
{
    hal_irq_register(HAL_IRQ_TIMER, timer_interrupt, NULL);
}
INIT_STEP(timer_init, INIT_DEVICES);
