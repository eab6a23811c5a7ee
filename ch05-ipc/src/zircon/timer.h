/*: # The Zircon ABI: timers

A timer's options say where in the window its slack allows it may fire; its one clock is the
monotonic one; it asserts `ZX_TIMER_SIGNALED` when it fires. `ZX_INFO_TIMER` describes it. Names,
numbers and the layout of the record are Fuchsia's. */
#ifndef ZIRCON_TIMER_H
#define ZIRCON_TIMER_H

#include "zircon/types.h"

typedef uint32_t zx_clock_t;

#define ZX_CLOCK_MONOTONIC ((zx_clock_t)0u)
#define ZX_CLOCK_UTC ((zx_clock_t)1u) /* not a clock a timer can follow */

#define ZX_TIMER_SLACK_CENTER ((uint32_t)0u) /* in [deadline - slack, deadline + slack] */
#define ZX_TIMER_SLACK_EARLY ((uint32_t)1u)  /* in [deadline - slack, deadline] */
#define ZX_TIMER_SLACK_LATE ((uint32_t)2u)   /* in [deadline, deadline + slack] */

#define ZX_TIMER_SIGNALED ((zx_signals_t)1u << 3)

#define ZX_INFO_TIMER ((uint32_t)25u)

typedef struct zx_info_timer {
    uint32_t options;   /* the ZX_TIMER_SLACK_* it was made with */
    zx_clock_t clock_id;
    zx_time_t deadline;  /* 0 when not armed */
    zx_duration_t slack;
} zx_info_timer_t;

#endif
