/*: # The Zircon ABI: signals

Every object has 32 signal bits. The low 24 belong to the kernel and mean something per type (a
channel is READABLE, a task TERMINATED); several types share bit numbers, so the names below overlap
on purpose. The top 8 are *user signals*, free for programs to set and clear on any object whose
handle has `ZX_RIGHT_SIGNAL`. Waiting for an object means waiting for some of its bits to be set. */
#ifndef ZIRCON_SIGNALS_H
#define ZIRCON_SIGNALS_H

#include "zircon/types.h"

#define ZX_SIGNAL_NONE ((zx_signals_t)0u)
#define ZX_OBJECT_SIGNAL_ALL ((zx_signals_t)0x00ffffffu)
#define ZX_USER_SIGNAL_ALL ((zx_signals_t)0xff000000u)
#define ZX_OBJECT_SIGNAL_0 ((zx_signals_t)1u << 0)
#define ZX_OBJECT_SIGNAL_1 ((zx_signals_t)1u << 1)
#define ZX_OBJECT_SIGNAL_2 ((zx_signals_t)1u << 2)
#define ZX_OBJECT_SIGNAL_3 ((zx_signals_t)1u << 3)
#define ZX_OBJECT_SIGNAL_4 ((zx_signals_t)1u << 4)
#define ZX_OBJECT_SIGNAL_5 ((zx_signals_t)1u << 5)
#define ZX_OBJECT_SIGNAL_6 ((zx_signals_t)1u << 6)
#define ZX_OBJECT_SIGNAL_7 ((zx_signals_t)1u << 7)
#define ZX_USER_SIGNAL_0 ((zx_signals_t)1u << 24)
#define ZX_USER_SIGNAL_1 ((zx_signals_t)1u << 25)
#define ZX_USER_SIGNAL_2 ((zx_signals_t)1u << 26)
#define ZX_USER_SIGNAL_3 ((zx_signals_t)1u << 27)
#define ZX_USER_SIGNAL_4 ((zx_signals_t)1u << 28)
#define ZX_USER_SIGNAL_5 ((zx_signals_t)1u << 29)
#define ZX_USER_SIGNAL_6 ((zx_signals_t)1u << 30)
#define ZX_USER_SIGNAL_7 ((zx_signals_t)1u << 31)

/* The handle being waited on was closed while the wait was pending. */
#define ZX_SIGNAL_HANDLE_CLOSED ((zx_signals_t)1u << 23)

#define ZX_EVENT_SIGNALED ZX_OBJECT_SIGNAL_3
#define ZX_EVENTPAIR_SIGNALED ZX_OBJECT_SIGNAL_3
#define ZX_EVENTPAIR_PEER_CLOSED ZX_OBJECT_SIGNAL_2
#define ZX_CHANNEL_READABLE ZX_OBJECT_SIGNAL_0
#define ZX_CHANNEL_WRITABLE ZX_OBJECT_SIGNAL_1
#define ZX_CHANNEL_PEER_CLOSED ZX_OBJECT_SIGNAL_2
#define ZX_TASK_TERMINATED ZX_OBJECT_SIGNAL_3
#define ZX_PROCESS_TERMINATED ZX_TASK_TERMINATED
#define ZX_THREAD_TERMINATED ZX_TASK_TERMINATED
#define ZX_JOB_TERMINATED ZX_TASK_TERMINATED

#endif
