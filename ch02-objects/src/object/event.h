/*: # Event

The simplest object there is: nothing but its signals. A program creates an event, hands a duplicate
of the handle to another, and the two synchronise by setting `ZX_EVENT_SIGNALED` (or user signals)
with `object_signal` and waiting for it. */
#ifndef ZINC_EVENT_H
#define ZINC_EVENT_H

#include "object/kobject.h"

/* A new event; *out holds the caller's reference. ZX_ERR_NO_MEMORY. */
zx_status_t event_create(struct kobject **out);

extern const struct kobject_type event_type;

#endif
