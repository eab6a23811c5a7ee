/*: # Exceptions, implemented

The object, its destruction (which is the moment a handler lets go), and its state property. An
exception keeps a reference to its thread, so the thread's koid and handle stay good however long a
handler holds on. */
#include "task/exception.h"

#include <string.h>

#include "kernel/kmalloc.h"
#include "syscall/properties.h"

static struct hal_lock lock = HAL_LOCK_INIT; /* orders reporting (destroy) against abandoning */

static void report(struct exception_waiter *w, uint32_t state)
{
    w->exception = NULL;
    w->state = state;
    waiter_wake(&w->op.waiter); /* the last touch: w may go once its wait is finished */
}

static void exception_destroy(struct kobject *obj)
{
    struct exception *x = container_of(obj, struct exception, base);
    hal_lock_acquire(&lock);
    if (x->waiter)
        report(x->waiter, x->state);
    hal_lock_release(&lock);
    kobject_unref(&x->thread->base);
    kfree(x);
}

const struct kobject_type exception_type = {
    .name = "exception",
    .type = ZX_OBJ_TYPE_EXCEPTION,
    .default_rights = ZX_DEFAULT_EXCEPTION_RIGHTS,
    .destroy = exception_destroy,
};

struct exception *exception_create(struct thread *t, zx_excp_type_t type, zx_rights_t thread_rights,
                                   zx_rights_t process_rights, struct exception_waiter *w)
{
    w->exception = NULL;
    struct exception *x = kzalloc(sizeof *x);
    if (!x) {
        report(w, ZX_EXCEPTION_STATE_TRY_NEXT);
        return NULL;
    }
    kobject_init(&x->base, &exception_type);
    kobject_ref(&t->base);
    x->thread = t;
    x->info =
        (zx_exception_info_t){.pid = t->process->base.koid, .tid = t->base.koid, .type = type};
    x->thread_rights = thread_rights;
    x->process_rights = process_rights;
    x->state = ZX_EXCEPTION_STATE_TRY_NEXT;
    x->waiter = w;
    w->exception = x;
    return x;
}

uint32_t exception_abandon(struct exception_waiter *w)
{
    hal_lock_acquire(&lock);
    if (!waiter_woken(&w->op.waiter)) {
        w->exception->waiter = NULL; /* not destroyed yet: destruction takes this lock first */
        report(w, ZX_EXCEPTION_STATE_THREAD_EXIT);
    }
    hal_lock_release(&lock);
    return w->state;
}

/* ZX_PROP_EXCEPTION_STATE: a uint32_t, one of the three states. */
static zx_status_t get_state(struct kobject *obj, void *value)
{
    if (obj->type != &exception_type)
        return ZX_ERR_WRONG_TYPE;
    struct exception *x = container_of(obj, struct exception, base);
    hal_lock_acquire(&obj->lock);
    uint32_t state = x->state;
    hal_lock_release(&obj->lock);
    memcpy(value, &state, sizeof state);
    return ZX_OK;
}

static zx_status_t set_state(struct kobject *obj, const void *value, size_t size)
{
    uint32_t state;
    if (obj->type != &exception_type)
        return ZX_ERR_WRONG_TYPE;
    if (size < sizeof state)
        return ZX_ERR_BUFFER_TOO_SMALL;
    memcpy(&state, value, sizeof state);
    if (state > ZX_EXCEPTION_STATE_THREAD_EXIT)
        return ZX_ERR_INVALID_ARGS;
    struct exception *x = container_of(obj, struct exception, base);
    hal_lock_acquire(&obj->lock);
    x->state = state;
    hal_lock_release(&obj->lock);
    return ZX_OK;
}
PROPERTY(ZX_PROP_EXCEPTION_STATE, sizeof(uint32_t), get_state, set_state);
