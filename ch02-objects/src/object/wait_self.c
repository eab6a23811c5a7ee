/*: # The thread's blocking record

What a thread's waits need to know of the thread: whether it has been cancelled, and where to say
why it is blocked (object/waiter.h). The record belongs to the thread (chapter 3's Thread embeds
one); the kernel thread that runs it names it here, through the HAL's per-thread pointer. */
#include "object/waiter.h"

void wait_self_attach(struct wait_self *self)
{
    hal_thread_set_wait_self(self);
}

bool wait_cancelled(void)
{
    struct wait_self *self = hal_thread_wait_self();
    return self && ((self->cancelled && __atomic_load_n(self->cancelled, __ATOMIC_SEQ_CST)) ||
                    (self->interrupted && __atomic_load_n(self->interrupted, __ATOMIC_SEQ_CST)));
}

void wait_blocked_as(uint32_t reason)
{
    struct wait_self *self = hal_thread_wait_self();
    if (self)
        __atomic_store_n(&self->blocked, reason, __ATOMIC_SEQ_CST);
}

uint32_t wait_blocked_reason(const struct wait_self *self)
{
    return __atomic_load_n(&self->blocked, __ATOMIC_SEQ_CST);
}
