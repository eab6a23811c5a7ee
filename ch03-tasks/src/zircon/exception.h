/*: # The Zircon ABI: exceptions

When a thread faults, Zircon does not kill it at once: it stops the thread and offers an *exception*
to whoever listens on an exception channel of the thread, then of its process, then of its job and
the jobs above. The listener reads a message holding a `zx_exception_info_t` and one handle to an
exception object; closing that handle ends its turn, and the exception's state property says what
happens next. Numbers and layouts are Fuchsia's. */
#ifndef ZIRCON_EXCEPTION_H
#define ZIRCON_EXCEPTION_H

#include "zircon/rights.h"
#include "zircon/types.h"

typedef uint32_t zx_excp_type_t;

/* Architectural exceptions: the thread did something the CPU refused. */
#define ZX_EXCP_GENERAL ((zx_excp_type_t)0x008u)
#define ZX_EXCP_FATAL_PAGE_FAULT ((zx_excp_type_t)0x108u)
#define ZX_EXCP_UNDEFINED_INSTRUCTION ((zx_excp_type_t)0x208u)
#define ZX_EXCP_SW_BREAKPOINT ((zx_excp_type_t)0x308u)
#define ZX_EXCP_HW_BREAKPOINT ((zx_excp_type_t)0x408u)
#define ZX_EXCP_UNALIGNED_ACCESS ((zx_excp_type_t)0x508u)

/* The data of an exception message. */
typedef struct zx_exception_info {
    zx_koid_t pid;       /* the faulting thread's process */
    zx_koid_t tid;       /* the faulting thread */
    zx_excp_type_t type; /* ZX_EXCP_* */
    uint8_t padding1[4];
} zx_exception_info_t;

/* What closing the exception handle does: the value of the ZX_PROP_EXCEPTION_STATE property. */
#define ZX_PROP_EXCEPTION_STATE ((uint32_t)16u)
/* the default: offer it to the next handler */
#define ZX_EXCEPTION_STATE_TRY_NEXT ((uint32_t)0u)
#define ZX_EXCEPTION_STATE_HANDLED ((uint32_t)1u)     /* resume the thread where it stopped */
#define ZX_EXCEPTION_STATE_THREAD_EXIT ((uint32_t)2u) /* end the thread */

/* Options of task_create_exception_channel (Zinc has no debugger channels yet: options must be
   0). */
#define ZX_EXCEPTION_CHANNEL_DEBUGGER ((uint32_t)1u)

/* Which kind of channel a thread blocked in an exception waits on (zx_info_thread_t). */
#define ZX_EXCEPTION_CHANNEL_TYPE_NONE ((uint32_t)0u)
#define ZX_EXCEPTION_CHANNEL_TYPE_DEBUGGER ((uint32_t)1u)
#define ZX_EXCEPTION_CHANNEL_TYPE_THREAD ((uint32_t)2u)
#define ZX_EXCEPTION_CHANNEL_TYPE_PROCESS ((uint32_t)3u)
#define ZX_EXCEPTION_CHANNEL_TYPE_JOB ((uint32_t)4u)
#define ZX_EXCEPTION_CHANNEL_TYPE_JOB_DEBUGGER ((uint32_t)5u)

/* The rights of a new exception handle. */
#define ZX_DEFAULT_EXCEPTION_RIGHTS (ZX_RIGHT_TRANSFER | ZX_RIGHTS_PROPERTY | ZX_RIGHT_INSPECT)

#endif
