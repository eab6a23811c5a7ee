/*: # Waiting for signals

The one place in this chapter where a thread blocks. It is kept in a file of its own on purpose:
chapter 6 replaces it, turning the blocked thread into a future that costs no stack while it waits.

A blocked thread also says why it is blocked, with one of the `ZX_THREAD_STATE_BLOCKED_*` reasons of
zircon/thread_state.h, for `ZX_INFO_THREAD` to report: the caller of a wait names the reason, and
the wait records it in its caller (`struct zx_caller`) for as long as it blocks. Waits of later
chapters that do not go through this file (an exception, a pager) record theirs with
`wait_blocked_as`. */
#ifndef ZINC_WAIT_H
#define ZINC_WAIT_H

#include "object/handle.h"
#include "zircon/thread_state.h"

/* Block until obj asserts one of signals (ZX_OK), the deadline passes (ZX_ERR_TIMED_OUT), or the
   handle it was reached through, value in table, is closed, or the caller must stop
   (zx_caller_stopping, a killed thread: ZX_ERR_CANCELED). *observed receives the signals at the
   moment the wait ended (with ZX_SIGNAL_HANDLE_CLOSED when cancelled). Deadlines are on the
   hal_timer_now clock; HAL_NO_DEADLINE waits for ever. While it blocks, the caller is `reason` (a
   ZX_THREAD_STATE_BLOCKED_* state). */
zx_status_t object_wait(struct kobject *obj, struct handle_table *table, zx_handle_t value,
                        zx_signals_t signals, uint64_t deadline, uint32_t reason,
                        zx_signals_t *observed);

/* Block until the deadline passes or the caller must stop, as ZX_THREAD_STATE_BLOCKED_SLEEPING. */
void wait_until(uint64_t deadline);

/* The calling thread is about to block for reason (a ZX_THREAD_STATE_BLOCKED_* state), or, given 0,
   no longer is. Does nothing on a kernel thread that serves no caller. */
void wait_blocked_as(uint32_t reason);

#endif
