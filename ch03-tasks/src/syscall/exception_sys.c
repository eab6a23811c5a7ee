/*: # System calls on exceptions

`task_create_exception_channel` binds a channel to a task's exceptionate. The task handle must carry
the rights Zircon asks for: `INSPECT`, `DUPLICATE`, `TRANSFER` and `MANAGE_THREAD`, and `ENUMERATE`
too for a process or a job, because a handler there hears of threads it holds no handle to. The
listener's end is read-only: `TRANSFER`, `WAIT` and `READ`. Zinc has no debugger channels yet, so
options must be 0.

The thread and process handles that `exception_get_thread` and `exception_get_process` make carry
the rights the exceptionate remembered. A thread's channel gives no process handle
(`ZX_ERR_ACCESS_DENIED`); a process's or a job's gives the thread handle a newly created thread
would have. */
#include "syscall/caller.h"
#include "syscall/handle_give.h"
#include "syscall/sys.h"
#include "task/exception.h"

#define LISTENER_RIGHTS (ZX_RIGHT_TRANSFER | ZX_RIGHT_WAIT | ZX_RIGHT_READ)
#define CHANNEL_NEEDS                                                                              \
    (ZX_RIGHT_INSPECT | ZX_RIGHT_DUPLICATE | ZX_RIGHT_TRANSFER | ZX_RIGHT_MANAGE_THREAD)

/* The exceptionate of a task, and the rights it will hand out; ZX_ERR_BAD_STATE if the task has
   ended. */
static zx_status_t exceptionate_of(struct kobject *obj, zx_rights_t rights, struct exceptionate **e,
                                   zx_rights_t *thread_rights, zx_rights_t *process_rights)
{
    zx_status_t status = ZX_OK;
    if (obj->type == &thread_type) {
        struct thread *t = container_of(obj, struct thread, base);
        hal_lock_acquire(&t->process->lock);
        if (t->state == ZX_THREAD_STATE_DEAD)
            status = ZX_ERR_BAD_STATE;
        hal_lock_release(&t->process->lock);
        *e = &t->exceptionate;
        *thread_rights = rights;
        *process_rights = 0;
    } else if (obj->type == &process_type) {
        struct process *p = container_of(obj, struct process, base);
        hal_lock_acquire(&p->lock);
        if (p->state == PROCESS_DEAD)
            status = ZX_ERR_BAD_STATE;
        hal_lock_release(&p->lock);
        *e = &p->exceptionate;
        *thread_rights = thread_type.default_rights;
        *process_rights = rights;
    } else {
        *e = &container_of(obj, struct job, base)->exceptionate;
        *thread_rights = thread_type.default_rights;
        *process_rights = process_type.default_rights;
    }
    return status;
}

zx_status_t sys_task_create_exception_channel(zx_handle_t handle, uint32_t options, uaddr_t out)
{
    struct kobject *obj, *listener;
    zx_rights_t rights, thread_rights, process_rights;
    struct exceptionate *e;
    if (options != 0)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_NONE, 0, &obj, &rights);
    if (status != ZX_OK)
        return status;
    zx_obj_type_t t = obj->type->type;
    zx_rights_t need = CHANNEL_NEEDS | (t == ZX_OBJ_TYPE_THREAD ? 0 : ZX_RIGHT_ENUMERATE);
    if (t != ZX_OBJ_TYPE_JOB && t != ZX_OBJ_TYPE_PROCESS && t != ZX_OBJ_TYPE_THREAD)
        status = ZX_ERR_WRONG_TYPE;
    else if ((rights & need) != need)
        status = ZX_ERR_ACCESS_DENIED;
    else if ((status = exceptionate_of(obj, rights, &e, &thread_rights, &process_rights)) == ZX_OK)
        status = exceptionate_bind(e, thread_rights, process_rights, &listener);
    kobject_unref(obj);
    if (status != ZX_OK)
        return status;
    return handle_give(listener, LISTENER_RIGHTS, out, NULL);
}

/* A handle to the exception's thread (or process), with the remembered rights. */
static zx_status_t get_task_of(zx_handle_t handle, bool process, uaddr_t out)
{
    struct kobject *obj;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_EXCEPTION, 0, &obj, NULL);
    if (status != ZX_OK)
        return status;
    struct exception *x = container_of(obj, struct exception, base);
    struct kobject *task = process ? &x->thread->process->base : &x->thread->base;
    zx_rights_t rights = process ? x->process_rights : x->thread_rights;
    kobject_ref(task);
    kobject_unref(obj);
    if (!rights) {
        kobject_unref(task);
        return ZX_ERR_ACCESS_DENIED;
    }
    return handle_give(task, rights, out, NULL);
}

zx_status_t sys_exception_get_thread(zx_handle_t handle, uaddr_t out)
{
    return get_task_of(handle, false, out);
}

zx_status_t sys_exception_get_process(zx_handle_t handle, uaddr_t out)
{
    return get_task_of(handle, true, out);
}
