/*: # Properties of tasks

`ZX_PROP_JOB_KILL_ON_OOM` marks a job as the first to kill when the system runs out of memory: a
`size_t` that is 0 or 1 (`ZX_ERR_INVALID_ARGS` for anything else), on a job only
(`ZX_ERR_WRONG_TYPE`). Zinc keeps the mark and reports it (here and in `ZX_INFO_JOB`), as Fuchsia's
reference asks; it has no out-of-memory killer to act on it yet. */
#include <string.h>

#include "syscall/properties.h"
#include "task/task.h"

static zx_status_t get_kill_on_oom(struct kobject *obj, void *value)
{
    if (obj->type != &job_type)
        return ZX_ERR_WRONG_TYPE;
    struct job *j = container_of(obj, struct job, base);
    hal_lock_acquire(&j->lock);
    size_t kill = j->kill_on_oom;
    hal_lock_release(&j->lock);
    memcpy(value, &kill, sizeof kill);
    return ZX_OK;
}

static zx_status_t set_kill_on_oom(struct kobject *obj, const void *value, size_t size)
{
    size_t kill;
    if (obj->type != &job_type)
        return ZX_ERR_WRONG_TYPE;
    if (size < sizeof kill)
        return ZX_ERR_BUFFER_TOO_SMALL;
    memcpy(&kill, value, sizeof kill);
    if (kill > 1)
        return ZX_ERR_INVALID_ARGS;
    struct job *j = container_of(obj, struct job, base);
    hal_lock_acquire(&j->lock);
    j->kill_on_oom = kill;
    hal_lock_release(&j->lock);
    return ZX_OK;
}
PROPERTY(ZX_PROP_JOB_KILL_ON_OOM, sizeof(size_t), get_kill_on_oom, set_kill_on_oom);
