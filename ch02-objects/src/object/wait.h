/*: # Waiting for signals

`object_wait` waits until an object asserts one of a set of signals: the wait behind
`zx_object_wait_one` and `zx_port_wait`. It is a waiter (object/waiter.h) woken by an observer
(object/observer.h): the observer sees the signals change, and wakes the waiter.

As every blocking operation, it is armed here and finished later (object/waiter.h): the caller
embeds a `struct signal_wait` in the state of its own operation and gives the function `done`,
which is told how the wait ended and with which signals, and completes the caller's operation. The
kernel's own threads, which block where they stand, wait with `object_wait_here`. */
#ifndef ZINC_WAIT_H
#define ZINC_WAIT_H

#include "object/handle.h"
#include "object/observer.h"
#include "object/waiter.h"

struct signal_wait {
    struct wait_op op;
    struct observer o;
    struct kobject *obj;
    bool held;         /* the handle was still there once the observer was in place */
    zx_signals_t seen; /* what the observer saw when it fired */
    zx_status_t (*done)(struct signal_wait *w, zx_status_t status, zx_signals_t observed);
};

/* Wait until obj asserts one of signals (ZX_OK), the deadline passes (ZX_ERR_TIMED_OUT), or the
   handle it was reached through, value in table, is closed, or the calling thread is cancelled
   (ZX_ERR_CANCELED); then call done with that status and the signals at the moment the wait ended
   (with ZX_SIGNAL_HANDLE_CLOSED when the handle was closed), and return what done returns. table
   may be NULL for a wait of the kernel's own. Deadlines are on the hal_timer_now clock;
   HAL_NO_DEADLINE waits for ever. While it blocks, the thread is `reason`. The caller keeps its
   reference to obj until done. */
zx_status_t object_wait(struct signal_wait *w, struct kobject *obj, struct handle_table *table,
                        zx_handle_t value, zx_signals_t signals, uint64_t deadline, uint32_t reason,
                        zx_status_t (*done)(struct signal_wait *w, zx_status_t status,
                                            zx_signals_t observed));

/* The same for a kernel thread of the kernel's own (userboot, a test), which blocks here and may
   keep the wait on its stack: returns the status, and the signals in *observed. */
zx_status_t object_wait_here(struct kobject *obj, zx_signals_t signals, uint64_t deadline,
                             zx_signals_t *observed);

#endif
