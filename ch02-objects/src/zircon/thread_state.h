/*: # The Zircon ABI: why a thread is blocked

A thread that waits in the kernel is `ZX_THREAD_STATE_BLOCKED`, and `ZX_INFO_THREAD` (chapter 3)
says what it waits for, in the second byte of the state. There are no threads in this chapter, but
its waits are where threads block, so each wait names its reason with one of these values. Numbers
are Fuchsia's. */
#ifndef ZIRCON_THREAD_STATE_H
#define ZIRCON_THREAD_STATE_H

#include "zircon/types.h"

#define ZX_THREAD_STATE_BLOCKED ((uint32_t)0x0003u)
#define ZX_THREAD_STATE_BLOCKED_EXCEPTION ((uint32_t)0x0103u) /* for an exception handler */
#define ZX_THREAD_STATE_BLOCKED_SLEEPING ((uint32_t)0x0203u)  /* in zx_nanosleep */
#define ZX_THREAD_STATE_BLOCKED_FUTEX ((uint32_t)0x0303u)
#define ZX_THREAD_STATE_BLOCKED_PORT ((uint32_t)0x0403u)      /* in zx_port_wait */
#define ZX_THREAD_STATE_BLOCKED_CHANNEL ((uint32_t)0x0503u)   /* in zx_channel_call */
#define ZX_THREAD_STATE_BLOCKED_WAIT_ONE ((uint32_t)0x0603u)  /* in zx_object_wait_one */
#define ZX_THREAD_STATE_BLOCKED_WAIT_MANY ((uint32_t)0x0703u)
#define ZX_THREAD_STATE_BLOCKED_INTERRUPT ((uint32_t)0x0803u)
#define ZX_THREAD_STATE_BLOCKED_PAGER ((uint32_t)0x0903u)     /* for a pager to supply a page */

/* The basic state, without the reason: ZX_THREAD_STATE_BLOCKED for all of the above. */
#define ZX_THREAD_STATE_BASIC(n) ((n) & 0xffu)

#endif
