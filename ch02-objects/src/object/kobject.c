/*: # Kernel objects, implemented

Koids come from one counter that only goes up; Zircon starts them above a small reserved range (1 is
the kernel's own). Reference counts are atomic, so taking and dropping references needs no lock; the
object's lock guards only its signals, observers and name.

**Destruction is a loop, never a recursion.** Destroying an object drops the references it held, and
one of them may be the last of another object, whose destruction drops more: a channel end whose
queue holds a channel end whose queue holds another, as deep as a program cares to nest them. Were
each `destroy` called from inside the one before, the kernel stack would need a frame per level, and
a user program would choose how many (bare-metal kernel stacks are 16 KiB). So the outermost
`kobject_unref` of a thread that reaches zero opens a *release list* (on its own stack, found
through the thread's HAL pointer for it); every object whose last reference goes while the list is
open joins it instead of being destroyed on the spot, and the outermost call destroys them one after
the other until the list is empty. The stack stays as deep as one `destroy`, however long the chain.
Zircon's kernel does the same.

**The census.** Two places see every object come and go, `kobject_init` and the loop that destroys,
and two every handle, `kobject_handle_added` and `kobject_handle_removed`: a counter at each is a
census of the kernel, the live objects of each type and the handles, at the price of one atomic
addition. (A maker that frees an object it never shared, when its making fails halfway, takes it
out with `kobject_discard`.) It is how a test proves that nothing leaks: the final stage's soak
test reads the census through chapter 7's `/proc/zinc-census`, runs a thousand shell sessions and
finds the same numbers after as before. The counters are atomic, because processes on other CPUs
make and close objects at the same time; a reader sees each one exact, and the whole census exact
once the system is quiet. */
#include "object/kobject.h"

#include <string.h>

#include "kernel/panic.h"
#include "object/observer.h"

#define KOID_FIRST 1024

static zx_koid_t next_koid = KOID_FIRST;

/* The census: live objects by type number, each type's name (once one was made), live handles. */
static struct {
    uint32_t objects[KOBJECT_TYPE_LIMIT];
    const char *names[KOBJECT_TYPE_LIMIT];
    uint32_t handles;
} census;

zx_koid_t koid_next(void)
{
    return __atomic_fetch_add(&next_koid, 1, __ATOMIC_RELAXED);
}

void kobject_init(struct kobject *obj, const struct kobject_type *type)
{
    kassert(type->type < KOBJECT_TYPE_LIMIT);
    __atomic_fetch_add(&census.objects[type->type], 1, __ATOMIC_RELAXED);
    __atomic_store_n(&census.names[type->type], type->name, __ATOMIC_RELAXED);
    obj->type = type;
    obj->koid = koid_next();
    obj->related_koid = ZX_KOID_INVALID;
    obj->refs = 1;
    obj->handles = 0;
    hal_lock_init(&obj->lock);
    obj->signals = 0;
    obj->observers = NULL;
    memset(obj->name, 0, sizeof obj->name);
    obj->next_to_destroy = NULL;
}

void kobject_discard(struct kobject *obj)
{
    __atomic_fetch_sub(&census.objects[obj->type->type], 1, __ATOMIC_RELAXED);
}

void kobject_ref(struct kobject *obj)
{
    __atomic_fetch_add(&obj->refs, 1, __ATOMIC_RELAXED);
}

struct release_list {
    struct kobject *head;
};

void kobject_unref(struct kobject *obj)
{
    if (__atomic_sub_fetch(&obj->refs, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    struct release_list *open = hal_thread_release_list();
    if (open) { /* inside a destroy: the loop below, further up this stack, will get to it */
        obj->next_to_destroy = open->head;
        open->head = obj;
        return;
    }
    struct release_list list = {NULL};
    hal_thread_set_release_list(&list);
    while (obj) {
        kobject_discard(obj);
        obj->type->destroy(obj);
        obj = list.head;
        if (obj)
            list.head = obj->next_to_destroy;
    }
    hal_thread_set_release_list(NULL);
}

void kobject_handle_added(struct kobject *obj)
{
    __atomic_fetch_add(&obj->handles, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&census.handles, 1, __ATOMIC_RELAXED);
}

void kobject_handle_removed(struct kobject *obj)
{
    __atomic_fetch_sub(&census.handles, 1, __ATOMIC_RELAXED);
    if (__atomic_sub_fetch(&obj->handles, 1, __ATOMIC_ACQ_REL) == 0 && obj->type->on_zero_handles)
        obj->type->on_zero_handles(obj);
}

uint32_t kobject_census_objects(zx_obj_type_t type, const char **name)
{
    *name = __atomic_load_n(&census.names[type], __ATOMIC_RELAXED);
    return __atomic_load_n(&census.objects[type], __ATOMIC_RELAXED);
}

uint32_t kobject_census_handles(void)
{
    return __atomic_load_n(&census.handles, __ATOMIC_RELAXED);
}

zx_koid_t kobject_related_koid(struct kobject *obj)
{
    return obj->related_koid; /* written before the object was shared, never after: no lock */
}

void kobject_set_name(struct kobject *obj, const char *name, size_t len)
{
    size_t n = 0;
    while (n < len && n < ZX_MAX_NAME_LEN - 1 && name[n])
        n++;
    hal_lock_acquire(&obj->lock);
    memset(obj->name, 0, ZX_MAX_NAME_LEN);
    memcpy(obj->name, name, n);
    hal_lock_release(&obj->lock);
}

void kobject_get_name(struct kobject *obj, char name[ZX_MAX_NAME_LEN])
{
    hal_lock_acquire(&obj->lock);
    memcpy(name, obj->name, ZX_MAX_NAME_LEN);
    hal_lock_release(&obj->lock);
}

zx_signals_t kobject_signals(struct kobject *obj)
{
    hal_lock_acquire(&obj->lock);
    zx_signals_t s = obj->signals;
    hal_lock_release(&obj->lock);
    return s;
}

void kobject_signal(struct kobject *obj, zx_signals_t clear, zx_signals_t set)
{
    hal_lock_acquire(&obj->lock);
    zx_signals_t before = obj->signals;
    obj->signals = (before & ~clear) | set;
    if (obj->signals != before)
        observers_notify(obj, before);
    hal_lock_release(&obj->lock);
}
