/*: # The futex system calls

The six calls check what the futex table cannot: the user's pointers and the owner's handle. A
futex pointer must be aligned to four bytes (`ZX_ERR_INVALID_ARGS`); a wait and a requeue, which
read the value, also need it readable: they read it once here, outside the table's lock, which
faults its page in where pages are filled on first touch (chapter 4), and the table reads it again
under its lock with a plain walk of the page table (`load`), which never blocks. A wake does not
read the value at all, so waking an address nobody mapped is not an error, as the reference says.

The futexes of a process are keyed by the process. An owner handle must name a started thread of the
caller's process, and a waiting caller may not name itself; the result of those checks is handed to
the table, which reports it only if the value matched: a stale value is `ZX_ERR_BAD_STATE` whatever
handle came with it. A thread that has ended owns nothing: naming one is naming no owner, and a
futex whose owner has ended since reports no owner. No rights are needed on the owner's handle. */
#include "object/futex.h"
#include "syscall/caller.h"
#include "syscall/futex_caller.h"
#include "syscall/deadline.h"
#include "syscall/sys.h"
#include "task/task.h"
#include "zircon/futex.h"

static zx_status_t load_from_caller(uaddr_t addr, int32_t *value)
{
    return uspace_read(zx_caller_current()->memory, addr, value, sizeof *value)
               ? ZX_ERR_INVALID_ARGS
               : ZX_OK;
}

struct futex_space futex_caller_space(void)
{
    return (struct futex_space){thread_current()->process, load_from_caller};
}

static bool aligned(uaddr_t value_ptr)
{
    return value_ptr && value_ptr % sizeof(zx_futex_t) == 0;
}

static zx_status_t readable(uaddr_t value_ptr)
{
    int32_t value;
    return aligned(value_ptr) ? user_copy_in(&value, value_ptr, sizeof value) : ZX_ERR_INVALID_ARGS;
}

/* The owner named by handle, checked; owner->thread holds a reference if not NULL. */
static struct futex_owner owner_of(zx_handle_t handle)
{
    struct futex_owner owner = {NULL, ZX_OK};
    if (handle == ZX_HANDLE_INVALID)
        return owner;
    struct kobject *obj;
    owner.status = caller_handle_get(handle, ZX_OBJ_TYPE_THREAD, 0, &obj, NULL);
    if (owner.status != ZX_OK)
        return owner;
    struct thread *t = container_of(obj, struct thread, base);
    uint32_t state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);
    if (t->process != thread_current()->process || state == ZX_THREAD_STATE_NEW)
        owner.status = ZX_ERR_INVALID_ARGS;
    if (owner.status == ZX_OK && state != ZX_THREAD_STATE_DEAD)
        owner.thread = obj;
    else
        kobject_unref(obj);
    return owner;
}

static void owner_done(struct futex_owner owner)
{
    if (owner.thread)
        kobject_unref(owner.thread);
}

zx_status_t sys_futex_wait(uaddr_t value_ptr, zx_futex_t current_value,
                           zx_handle_t new_futex_owner, zx_time_t deadline)
{
    zx_status_t status = readable(value_ptr);
    if (status != ZX_OK)
        return status;
    struct futex_space s = futex_caller_space();
    struct futex_owner owner = owner_of(new_futex_owner);
    if (owner.status == ZX_OK && owner.thread == &thread_current()->base)
        owner.status = ZX_ERR_INVALID_ARGS; /* it is about to wait: an owner may not */
    status = futex_wait(&s, value_ptr, current_value, owner, &thread_current()->base,
                        deadline_from_user(deadline));
    owner_done(owner);
    return status;
}

static zx_status_t wake(uaddr_t value_ptr, uint32_t wake_count, bool single_owner)
{
    if (!aligned(value_ptr))
        return ZX_ERR_INVALID_ARGS;
    struct futex_space s = futex_caller_space();
    futex_wake(&s, value_ptr, wake_count, single_owner);
    return ZX_OK;
}

zx_status_t sys_futex_wake(uaddr_t value_ptr, uint32_t wake_count)
{
    return wake(value_ptr, wake_count, false);
}

zx_status_t sys_futex_wake_single_owner(uaddr_t value_ptr)
{
    return wake(value_ptr, 1, true);
}

static zx_status_t requeue(uaddr_t value_ptr, uint32_t wake_count, zx_futex_t current_value,
                           uaddr_t requeue_ptr, uint32_t requeue_count,
                           zx_handle_t new_requeue_owner, bool single_owner)
{
    zx_status_t status = readable(value_ptr);
    if (status == ZX_OK && (!aligned(requeue_ptr) || requeue_ptr == value_ptr))
        status = ZX_ERR_INVALID_ARGS;
    if (status != ZX_OK)
        return status;
    struct futex_space s = futex_caller_space();
    struct futex_owner owner = owner_of(new_requeue_owner);
    status = futex_requeue(&s, value_ptr, wake_count, current_value, requeue_ptr, requeue_count,
                           owner, single_owner, NULL);
    owner_done(owner);
    return status;
}

zx_status_t sys_futex_requeue(uaddr_t value_ptr, uint32_t wake_count, zx_futex_t current_value,
                              uaddr_t requeue_ptr, uint32_t requeue_count,
                              zx_handle_t new_requeue_owner)
{
    return requeue(value_ptr, wake_count, current_value, requeue_ptr, requeue_count,
                   new_requeue_owner, false);
}

zx_status_t sys_futex_requeue_single_owner(uaddr_t value_ptr, zx_futex_t current_value,
                                           uaddr_t requeue_ptr, uint32_t requeue_count,
                                           zx_handle_t new_requeue_owner)
{
    return requeue(value_ptr, 1, current_value, requeue_ptr, requeue_count, new_requeue_owner,
                   true);
}

zx_status_t sys_futex_get_owner(uaddr_t value_ptr, uaddr_t koid)
{
    if (!aligned(value_ptr))
        return ZX_ERR_INVALID_ARGS;
    struct futex_space s = futex_caller_space();
    struct kobject *owner = futex_owner(&s, value_ptr);
    zx_koid_t id = ZX_KOID_INVALID;
    if (owner) {
        struct thread *t = container_of(owner, struct thread, base);
        if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) != ZX_THREAD_STATE_DEAD)
            id = owner->koid;
        kobject_unref(owner);
    }
    return user_copy_out(koid, &id, sizeof id);
}
