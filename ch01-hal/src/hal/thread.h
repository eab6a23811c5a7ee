/*: # Kernel threads

The kernel runs work on threads of its own: on LibOS each is a host thread, on bare metal a kernel
stack that the HAL switches to. A thread ends when its function returns. Chapter 3 builds the
scheduler for user threads on top of these.

Blocking is two calls: a thread *parks* until another *wakes* it or a deadline passes. A wake that
arrives before the park is kept (one token per thread), so the usual pattern cannot lose a wake-up:
publish that you are waiting, check the condition, park; the waker changes the condition, then
wakes.

Each thread also has three pointers of its own: `hal_thread_local`, which the kernel uses to know on
whose behalf it runs; `hal_thread_release_list`, which the object layer uses to destroy objects
in a loop rather than by recursion (object/kobject.c; Zircon's threads keep the same pointer); and
`hal_thread_wait_self`, through which the one blocking function learns whether the thread it blocks
was cancelled, and tells why it is blocked (object/waiter.h). */
#ifndef ZINC_HAL_THREAD_H
#define ZINC_HAL_THREAD_H

#include "hal/types.h"

/* Start a kernel thread running fn(arg). Returns 0, or HAL_ENOMEM. */
int hal_thread_spawn(void (*fn)(void *arg), void *arg);

/* Let other kernel threads run. */
void hal_thread_yield(void);

struct hal_thread;

/* The calling thread. */
struct hal_thread *hal_thread_current(void);

/* Sleep until the thread's wake token is set or hal_timer_now() reaches deadline (HAL_NO_DEADLINE:
   no limit). Consumes the token; returns true if woken, false on timeout. */
bool hal_thread_park(uint64_t deadline);

/* Set t's wake token, waking it if it is parked. May be called from interrupt handlers. */
void hal_thread_wake(struct hal_thread *t);

/* If t is running user code on another CPU, make its hal_context_run return HAL_TRAP_INTERRUPT
   soon. A thread that is not in user code is not affected: the kernel checks its own state (a kill,
   say) before it runs user code again. With a single CPU, as on Zinc's bare-metal targets, there is
   nothing to do; on LibOS every host thread is a CPU. */
void hal_thread_interrupt(struct hal_thread *t);

/* The calling thread's own pointer (NULL until set). */
void *hal_thread_local(void);
void hal_thread_set_local(void *p);

/* The calling thread's release list (NULL until set). */
void *hal_thread_release_list(void);
void hal_thread_set_release_list(void *p);

/* The calling thread's blocking record (NULL until set). */
void *hal_thread_wait_self(void);
void hal_thread_set_wait_self(void *p);

#endif
