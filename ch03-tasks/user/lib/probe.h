/*: # Looking at objects from a test

Small helpers the test programs share: an object's signals, its basic record, how many handles it
has, whether a handle is valid, a thread's state, and two addresses no program may pass as a buffer.
Each checks its own system call, so a helper that fails makes the test fail. */
#ifndef ZINC_PROBE_H
#define ZINC_PROBE_H

#include "zircon/object_info.h"
#include "zircon/syscalls.h"

/* An address no program has mapped (the first page is never user memory), and one in the kernel's
   half. */
#define UNMAPPED ((void *)0x10)
#define KERNEL_HALF ((void *)0xffffffff80001000ul)

/* The signals h's object asserts now. */
zx_signals_t signals_of(zx_handle_t h);

/* ZX_INFO_HANDLE_BASIC of h. */
zx_info_handle_basic_t basic(zx_handle_t h);

/* How many handles refer to h's object. */
uint32_t handle_count(zx_handle_t h);

/* Does h name a handle of this process? */
int is_valid(zx_handle_t h);

/* Wait until thread is in state (ZX_INFO_THREAD), looking every millisecond, as Fuchsia's tests
   do: a thread's state cannot be waited for. ZX_ERR_TIMED_OUT if it is not so within 10 seconds. */
zx_status_t thread_wait_state(zx_handle_t thread, uint32_t state);

#endif
