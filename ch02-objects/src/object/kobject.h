/*: # Kernel objects

Every Zircon object (an event, a channel, a process) starts with a `struct kobject`: the part all
types share. It holds

- the **koid**, the object's name across the whole system, never reused;
- the **type**, a `struct kobject_type` that says what the object is, which rights a new handle to
  it gets, which signals user code may set on it, and how to destroy it;
- two counts: **references** (every handle, and every kernel pointer that must keep the object
  alive) and **handles** (how many handles exist, because some objects act when the last handle
  goes: a channel tells its peer it is closed);
- the 32 **signal** bits and the **observers** waiting for them to change (object/observer.c);
- a link for the list of objects waiting to be destroyed (see `kobject_unref` in object/kobject.c).

A specific object embeds the kobject as its first member, and converts back with `container_of`. */
#ifndef ZINC_KOBJECT_H
#define ZINC_KOBJECT_H

#include "hal/hal.h"
#include "zircon/errors.h"
#include "zircon/rights.h"
#include "zircon/signals.h"
#include "zircon/types.h"

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

struct kobject;
struct observer;

struct kobject_type {
    const char *name;
    zx_obj_type_t type;
    zx_rights_t default_rights;
    zx_signals_t user_settable; /* what object_signal may set and clear, besides the user signals */
    void (*on_zero_handles)(struct kobject *obj); /* the last handle is gone (optional) */
    void (*destroy)(struct kobject *obj);         /* the last reference is gone: free the object */
    struct kobject *(*peer)(struct kobject *obj); /* the other end, with a reference (optional) */
};

struct kobject {
    const struct kobject_type *type;
    zx_koid_t koid;
    zx_koid_t related_koid; /* set once, when made: a pair's other end, a task's parent */
    uint32_t refs;    /* atomic */
    uint32_t handles; /* atomic */
    struct hal_lock lock; /* guards signals, observers and name */
    zx_signals_t signals;
    struct observer *observers;
    char name[ZX_MAX_NAME_LEN];
    struct kobject *next_to_destroy; /* on the releasing thread's list once refs reached 0 */
};

/* Give obj a new koid, no signals, and one reference, which the caller owns; it now counts among
   the live objects of its type. */
void kobject_init(struct kobject *obj, const struct kobject_type *type);
/* For a maker that frees an object it never shared, when its making fails after kobject_init: the
   object counts no more among the live. (The last kobject_unref does this for every other.) */
void kobject_discard(struct kobject *obj);

zx_koid_t koid_next(void);

void kobject_ref(struct kobject *obj);
/* Drop a reference; the last one destroys the object, before kobject_unref returns. Not from an
   interrupt handler. */
void kobject_unref(struct kobject *obj);

/* Called by the handle table as handles to obj are made and destroyed. */
void kobject_handle_added(struct kobject *obj);
void kobject_handle_removed(struct kobject *obj);

/* The koid of the related object (a pair's peer; a job's parent, a process's job, a thread's
   process), or ZX_KOID_INVALID. As in Zircon the relation is immutable: it still names the peer
   after the peer is gone. */
zx_koid_t kobject_related_koid(struct kobject *obj);

/* Set the name from len bytes of name, cut to ZX_MAX_NAME_LEN - 1; the stored name ends with a zero
   byte. */
void kobject_set_name(struct kobject *obj, const char *name, size_t len);
/* Copy the name (ZX_MAX_NAME_LEN bytes, ending with a zero byte) to name. */
void kobject_get_name(struct kobject *obj, char name[ZX_MAX_NAME_LEN]);

/* The census (for a test that proves nothing leaks): how many objects of type (a ZX_OBJ_TYPE_
   number below KOBJECT_TYPE_LIMIT) are alive, with in *name the type's name, or NULL if none was
   ever made; and how many handles exist, in every table and every message in flight. */
#define KOBJECT_TYPE_LIMIT 32
uint32_t kobject_census_objects(zx_obj_type_t type, const char **name);
uint32_t kobject_census_handles(void);

zx_signals_t kobject_signals(struct kobject *obj);

/* Clear, then set, signal bits, and tell the observers whose signals are now satisfied. */
void kobject_signal(struct kobject *obj, zx_signals_t clear, zx_signals_t set);

#endif
