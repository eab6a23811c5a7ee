/*: # System calls on tasks

Creating and starting jobs, processes and threads, ending them, and killing them. The handle checks
are Zircon's: creating a job needs `ZX_RIGHT_MANAGE_JOB` on its parent, a process
`ZX_RIGHT_MANAGE_PROCESS` on its job, a thread `ZX_RIGHT_MANAGE_THREAD` on its process;
`thread_start` needs `ZX_RIGHT_MANAGE_THREAD`, `process_start` `ZX_RIGHT_WRITE` on the process and
on the thread; killing needs `ZX_RIGHT_DESTROY`, and kills a job or a process, never a thread: as in
Fuchsia, a thread ends by its own `thread_exit` or with its process. A thread's entry must be a user
address, or 0 (which faults at once: Zircon allows it so that tests can make a thread that crashes).
`process_start` hands its `arg1` handle over to the new process, or, given `ZX_HANDLE_INVALID`,
starts the process with no handle at all. */
#include <string.h>

#include "syscall/caller.h"
#include "syscall/handle_give.h"
#include "syscall/sys.h"
#include "task/address_space.h"
#include "task/task.h"

/* Copy a user's name argument, cut to ZX_MAX_NAME_LEN - 1 bytes. */
static zx_status_t copy_name(uaddr_t name, size_t name_size, char out[ZX_MAX_NAME_LEN])
{
    size_t n = name_size < ZX_MAX_NAME_LEN - 1 ? name_size : ZX_MAX_NAME_LEN - 1;
    memset(out, 0, ZX_MAX_NAME_LEN);
    return user_copy_in(out, name, n);
}

zx_status_t sys_job_create(zx_handle_t parent_job, uint32_t options, uaddr_t out)
{
    struct kobject *parent;
    struct job *job;
    if (options != 0)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status =
        caller_handle_get(parent_job, ZX_OBJ_TYPE_JOB, ZX_RIGHT_MANAGE_JOB, &parent, NULL);
    if (status != ZX_OK)
        return status;
    status = job_create(container_of(parent, struct job, base), &job);
    kobject_unref(parent);
    return status == ZX_OK ? handle_give(&job->base, job_type.default_rights, out, NULL) : status;
}

zx_status_t sys_process_create(zx_handle_t job, uaddr_t name, size_t name_size, uint32_t options,
                               uaddr_t proc_handle, uaddr_t vmar_handle)
{
    char text[ZX_MAX_NAME_LEN];
    struct kobject *j;
    struct process *p;
    if (options != 0)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = caller_handle_get(job, ZX_OBJ_TYPE_JOB, ZX_RIGHT_MANAGE_PROCESS, &j, NULL);
    if (status != ZX_OK)
        return status;
    if ((status = copy_name(name, name_size, text)) == ZX_OK)
        status = process_create(container_of(j, struct job, base), text, &p);
    kobject_unref(j);
    if (status != ZX_OK)
        return status;
    /* The root of the new address space, from chapter 4 on; ZX_HANDLE_INVALID before. */
    struct handle_table *mine = zx_caller_current()->handles;
    const struct address_space_provider *asp = address_space_provider();
    zx_rights_t root_rights = 0;
    struct kobject *root = asp ? asp->root(p, &root_rights) : NULL;
    zx_handle_t vmar = ZX_HANDLE_INVALID;
    if (root)
        status = handle_table_add(mine, root, root_rights, &vmar);
    if (status == ZX_OK && user_copy_out(vmar_handle, &vmar, sizeof vmar) != ZX_OK)
        status = ZX_ERR_INVALID_ARGS;
    if (status != ZX_OK) {
        if (vmar != ZX_HANDLE_INVALID)
            handle_table_close(mine, vmar);
        process_kill(p, ZX_TASK_RETCODE_SYSCALL_KILL);
        kobject_unref(&p->base);
        return status;
    }
    return handle_give(&p->base, process_type.default_rights, proc_handle, NULL);
}

zx_status_t sys_thread_create(zx_handle_t process, uaddr_t name, size_t name_size, uint32_t options,
                              uaddr_t out)
{
    char text[ZX_MAX_NAME_LEN];
    struct kobject *p;
    struct thread *t;
    if (options != 0)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status =
        caller_handle_get(process, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_MANAGE_THREAD, &p, NULL);
    if (status != ZX_OK)
        return status;
    if ((status = copy_name(name, name_size, text)) == ZX_OK)
        status = thread_create(container_of(p, struct process, base), text, &t);
    kobject_unref(p);
    return status == ZX_OK ? handle_give(&t->base, thread_type.default_rights, out, NULL) : status;
}

zx_status_t sys_thread_start(zx_handle_t handle, uintptr_t thread_entry, uintptr_t stack,
                             uintptr_t arg1, uintptr_t arg2)
{
    struct kobject *t;
    zx_status_t status =
        caller_handle_get(handle, ZX_OBJ_TYPE_THREAD, ZX_RIGHT_MANAGE_THREAD, &t, NULL);
    if (status != ZX_OK)
        return status;
    status = thread_start(container_of(t, struct thread, base), thread_entry, stack, arg1, arg2);
    kobject_unref(t);
    return status;
}

zx_status_t sys_process_start(zx_handle_t handle, zx_handle_t thread, uintptr_t entry,
                              uintptr_t stack, zx_handle_t arg1, uintptr_t arg2)
{
    struct handle_table *mine = zx_caller_current()->handles;
    struct kobject *p = NULL, *t = NULL, *passed = NULL;
    zx_rights_t passed_rights = 0;
    /* arg1 is a handle that moves into the new process: it is gone from the caller whatever
       happens. It stays a handle on the way (handle_table_move_out), so a channel end passed keeps
       its peer. Or it is ZX_HANDLE_INVALID, and the process starts with no handle at all (and 0 in
       its first argument). */
    zx_status_t status = ZX_OK;
    if (arg1 != ZX_HANDLE_INVALID)
        status = handle_table_move_out(mine, arg1, &passed, &passed_rights);
    /* LAB ch03-start-handle BEGIN: a handle may leave its process only if it holds
       ZX_RIGHT_TRANSFER: ZX_ERR_ACCESS_DENIED otherwise (it has left the caller's table all the
       same). */
    if (status == ZX_OK && passed && !(passed_rights & ZX_RIGHT_TRANSFER))
        status = ZX_ERR_ACCESS_DENIED;
    /* LAB END */
    zx_status_t s = caller_handle_get(handle, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_WRITE, &p, NULL);
    if (s != ZX_OK) {
        p = NULL;
        status = s;
    } else if ((s = caller_handle_get(thread, ZX_OBJ_TYPE_THREAD,
                                      ZX_RIGHT_WRITE, &t, NULL)) != ZX_OK) {
        t = NULL;
        if (status == ZX_OK)
            status = s;
    }
    struct process *proc = p ? container_of(p, struct process, base) : NULL;
    struct thread *th = t ? container_of(t, struct thread, base) : NULL;
    if (status == ZX_OK && th->process != proc)
        status = ZX_ERR_ACCESS_DENIED;
    if (status == ZX_OK && proc->state != PROCESS_INITIAL)
        status = ZX_ERR_BAD_STATE;
    zx_handle_t value = ZX_HANDLE_INVALID;
    if (status == ZX_OK && passed) {
        status = handle_table_move_in(&proc->handles, passed, passed_rights, &value);
        passed = NULL;
    }
    /* LAB ch03-start-handle BEGIN: start the thread with the handle's value in the new process. If
       the start fails, close the handle there: the process did not start, and no one would ever see
       it. If anything failed before the handle reached the new process, it goes: it still counts
       among its object's handles (it only moved out), so drop it as a handle (handle_drop), not as
       a reference.
       stub:
    if (status == ZX_OK)
        status = thread_start(th, entry, stack, value, arg2);
    if (passed)
        kobject_unref(passed);
    */
    if (status == ZX_OK && (status = thread_start(th, entry, stack, value, arg2)) != ZX_OK &&
        value != ZX_HANDLE_INVALID)
        handle_table_close(&proc->handles, value);
    if (passed)
        handle_drop(passed);
    /* LAB END */
    if (t)
        kobject_unref(t);
    if (p)
        kobject_unref(p);
    return status;
}

void sys_process_exit(int64_t retcode)
{
    process_kill(thread_current()->process, retcode);
}

void sys_thread_exit(void)
{
    thread_kill(thread_current());
}

zx_status_t sys_task_kill(zx_handle_t handle)
{
    struct kobject *obj;
    /* Any type, the right first, as Fuchsia: only then is a type other than a job or a process
       ZX_ERR_WRONG_TYPE. A thread is one: it ends itself, or with its process (RFC-0007). */
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_NONE, ZX_RIGHT_DESTROY, &obj, NULL);
    if (status != ZX_OK)
        return status;
    if (obj->type->type == ZX_OBJ_TYPE_JOB)
        job_kill(container_of(obj, struct job, base));
    else if (obj->type->type == ZX_OBJ_TYPE_PROCESS)
        process_kill(container_of(obj, struct process, base), ZX_TASK_RETCODE_SYSCALL_KILL);
    else
        status = ZX_ERR_WRONG_TYPE;
    kobject_unref(obj);
    return status;
}

zx_status_t sys_zinc_process_load(zx_handle_t process, uaddr_t name, size_t name_size,
                                  uaddr_t entry, uaddr_t stack)
{
    char text[ZX_MAX_NAME_LEN];
    struct kobject *p;
    vaddr_t e, s;
    zx_status_t status = caller_handle_get(process, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_WRITE, &p, NULL);
    if (status != ZX_OK)
        return status;
    if ((status = copy_name(name, name_size, text)) == ZX_OK)
        status = process_load(container_of(p, struct process, base), text, &e, &s);
    kobject_unref(p);
    if (status == ZX_OK && (user_copy_out(entry, &e, sizeof e) != ZX_OK ||
                            user_copy_out(stack, &s, sizeof s) != ZX_OK))
        status = ZX_ERR_INVALID_ARGS;
    return status;
}
