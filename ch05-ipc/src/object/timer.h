/*: # Timer

A timer is an object that asserts `ZX_TIMER_SIGNALED` at a deadline: a program waits for it like for
any other signal, with `zx_object_wait_one` or, with many timers and other objects at once, through
a port. It is built on chapter 1's kernel timers: one `struct ktimer` per object, whose callback
(in interrupt context) sets the signal.

*Slack* says how far from the deadline the timer may fire: a program that only needs "about a
second from now" gives the kernel room to fire it together with another timer, one interrupt (and
one CPU wake-up) for both. The timer's options say on which side of the deadline the room lies. */
#ifndef ZINC_TIMER_H
#define ZINC_TIMER_H

#include "object/kobject.h"
#include "zircon/timer.h"

extern const struct kobject_type timer_type;

/* A timer with slack policy options (a ZX_TIMER_SLACK_*, checked by the caller), not armed. */
zx_status_t timer_obj_create(uint32_t options, struct kobject **out);

/* Arm at deadline (ns on the monotonic clock; past deadlines fire at once) with slack >= 0: clears
   ZX_TIMER_SIGNALED and replaces any earlier setting. */
void timer_obj_set(struct kobject *timer, zx_time_t deadline, zx_duration_t slack);

/* Disarm, and clear ZX_TIMER_SIGNALED. */
void timer_obj_cancel(struct kobject *timer);

void timer_obj_info(struct kobject *timer, zx_info_timer_t *info);

#endif
