/*: # Waiting for signals

`object_wait` blocks until an object asserts one of a set of signals: the wait behind
`zx_object_wait_one`, and the one the kernel itself uses to wait for a process to end. It is a
waiter (object/waiter.h) woken by an observer (object/observer.h): the observer sees the signals
change, and wakes the waiter. */
#ifndef ZINC_WAIT_H
#define ZINC_WAIT_H

#include "object/handle.h"
#include "object/waiter.h"

/* Block until obj asserts one of signals (ZX_OK), the deadline passes (ZX_ERR_TIMED_OUT), or the
   handle it was reached through, value in table, is closed, or the calling thread is cancelled
   (ZX_ERR_CANCELED). *observed receives the signals at the moment the wait ended (with
   ZX_SIGNAL_HANDLE_CLOSED when the handle was closed). table may be NULL for a wait of the kernel's
   own. Deadlines are on the hal_timer_now clock; HAL_NO_DEADLINE waits for ever. While it blocks,
   the thread is `reason` (a ZX_THREAD_STATE_BLOCKED_* state). */
zx_status_t object_wait(struct kobject *obj, struct handle_table *table, zx_handle_t value,
                        zx_signals_t signals, uint64_t deadline, uint32_t reason,
                        zx_signals_t *observed);

#endif
