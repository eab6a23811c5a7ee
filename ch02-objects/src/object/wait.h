/*: # Waiting for signals

The one place in this chapter where a thread blocks. It is kept in a file of its own on purpose: chapter 6
replaces it, turning the blocked thread into a future that costs no stack while it waits. */
#ifndef ZINC_WAIT_H
#define ZINC_WAIT_H

#include "object/handle.h"

/* Block until obj asserts one of signals (ZX_OK), the deadline passes (ZX_ERR_TIMED_OUT), or the handle
   it was reached through, value in table, is closed, or the caller must stop (zx_caller_stopping, a killed
   thread: ZX_ERR_CANCELED). *observed receives the signals at
   the moment the wait ended (with ZX_SIGNAL_HANDLE_CLOSED when cancelled). Deadlines are on the
   hal_timer_now clock; HAL_NO_DEADLINE waits for ever. */
zx_status_t object_wait(struct kobject *obj, struct handle_table *table, zx_handle_t value,
                        zx_signals_t signals, uint64_t deadline, zx_signals_t *observed);

#endif
