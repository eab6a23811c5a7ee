/*: # object_get_info for tasks

The task topics, registered with `INFO_TOPIC` like chapter 2's handle topics, each with its object's
type and the rights it needs, which the system call checks in Zircon's order (`ZX_ERR_WRONG_TYPE`,
then `ZX_ERR_ACCESS_DENIED`): reading a task's record needs `ZX_RIGHT_INSPECT`, listing its children
needs `ZX_RIGHT_ENUMERATE`.

- `ZX_INFO_PROCESS` (version 1 of topic 3, the only one Fuchsia still defines): the return code, the
  start time, and whether it has started and exited.
- `ZX_INFO_THREAD`: the state; `DYING` from the moment a thread is told to stop until it has; while
  it waits, `BLOCKED_` and what for, as the wait recorded it (object/wait.h), with, for an exception
  handler (`BLOCKED_EXCEPTION`), the kind of channel it waits on.
- `ZX_INFO_JOB`: the return code, whether it has exited (it is dead: killed, and empty), and its
  `ZX_PROP_JOB_KILL_ON_OOM`.
- `ZX_INFO_PROCESS_THREADS`, `ZX_INFO_JOB_CHILDREN`, `ZX_INFO_JOB_PROCESSES`: arrays of koids,
  newest first. A buffer too small for all is not an error: `actual` says how many were written and
  `avail` how many there are, so a caller can ask again with room for them. */
#include "syscall/info.h"
#include "task/task.h"
#include "zircon/object_info.h"

/* The object as a task of the given type, if the handle has the rights. */
static zx_status_t process_info(const struct info_request *req)
{
    struct process *p = container_of(req->obj, struct process, base);
    zx_info_process_t info = {0};
    hal_lock_acquire(&p->lock);
    if (p->start_time) { /* set by the start; a process killed unstarted has none */
        info.flags |= ZX_INFO_PROCESS_FLAG_STARTED;
        info.start_time = p->start_time;
    }
    if (p->state == PROCESS_DEAD) {
        info.flags |= ZX_INFO_PROCESS_FLAG_EXITED;
        info.return_code = p->return_code;
    }
    hal_lock_release(&p->lock);
    return info_single_record(req, &info, sizeof info);
}
INFO_TOPIC(ZX_INFO_PROCESS, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_INSPECT, process_info);

static zx_status_t thread_info(const struct info_request *req)
{
    struct thread *t = container_of(req->obj, struct thread, base);
    zx_info_thread_t info = {0};
    hal_lock_acquire(&t->process->lock);
    info.state = t->state;
    info.wait_exception_channel_type = t->exception_channel_type;
    hal_lock_release(&t->process->lock);
    uint32_t blocked = wait_blocked_reason(&t->waits);
    if (info.state == ZX_THREAD_STATE_RUNNING && blocked)
        info.state = blocked;
    if (info.state != ZX_THREAD_STATE_NEW && info.state != ZX_THREAD_STATE_DEAD &&
        __atomic_load_n(&t->kill, __ATOMIC_SEQ_CST))
        info.state = ZX_THREAD_STATE_DYING;
    if (info.state != ZX_THREAD_STATE_BLOCKED_EXCEPTION)
        info.wait_exception_channel_type = ZX_EXCEPTION_CHANNEL_TYPE_NONE;
    info.cpu_affinity_mask[0] = 1;
    return info_single_record(req, &info, sizeof info);
}
INFO_TOPIC(ZX_INFO_THREAD, ZX_OBJ_TYPE_THREAD, ZX_RIGHT_INSPECT, thread_info);

static zx_status_t job_info(const struct info_request *req)
{
    struct job *j = container_of(req->obj, struct job, base);
    zx_info_job_t info = {0};
    hal_lock_acquire(&j->lock);
    info.return_code = j->return_code;
    info.exited = j->state == JOB_DEAD;
    info.kill_on_oom = j->kill_on_oom;
    hal_lock_release(&j->lock);
    return info_single_record(req, &info, sizeof info);
}
INFO_TOPIC(ZX_INFO_JOB, ZX_OBJ_TYPE_JOB, ZX_RIGHT_INSPECT, job_info);

/* A list of koids, read in chunks: list(owner, skip, out, max, &total) copies, under the owner's
   lock, up to max koids after the first skip, and counts them all. Chunks keep both the kernel's
   stack and the time under a lock small; a list that changes between two chunks gives an answer
   that mixes the two. */
typedef size_t (*koid_list)(void *owner, size_t skip, zx_koid_t *out, size_t max, size_t *total);

#define KOID_CHUNK 32

static zx_status_t koid_records(const struct info_request *req, koid_list list, void *owner)
{
    zx_koid_t chunk[KOID_CHUNK];
    size_t room = req->buffer_size / sizeof(zx_koid_t), actual = 0, avail = 0;
    for (;;) {
        size_t max = room - actual < KOID_CHUNK ? room - actual : KOID_CHUNK;
        size_t n = list(owner, actual, chunk, max, &avail);
        if (n && user_copy_out(req->buffer + actual * sizeof(zx_koid_t), chunk,
                               n * sizeof(zx_koid_t)) != ZX_OK)
            return ZX_ERR_INVALID_ARGS;
        actual += n;
        if (n < KOID_CHUNK || actual == room)
            break;
    }
    if (avail < actual)
        avail = actual;
    if (req->actual && user_copy_out(req->actual, &actual, sizeof actual) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    if (req->avail && user_copy_out(req->avail, &avail, sizeof avail) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    return ZX_OK;
}

/* The walk every list shares: e runs over the list, n counts. */
#define COPY_KOIDS(lock, head, next)                                                               \
    size_t n = 0, copied = 0;                                                                      \
    hal_lock_acquire(lock);                                                                        \
    for (__typeof__(head) e = (head); e; e = e->next, n++) {                                       \
        if (n >= skip && copied < max)                                                             \
            out[copied++] = e->base.koid;                                                          \
    }                                                                                              \
    hal_lock_release(lock);                                                                        \
    *total = n;                                                                                    \
    return copied

static size_t thread_koids(void *owner, size_t skip, zx_koid_t *out, size_t max, size_t *total)
{
    struct process *p = owner;
    COPY_KOIDS(&p->lock, p->threads, next_in_process);
}

static size_t child_koids(void *owner, size_t skip, zx_koid_t *out, size_t max, size_t *total)
{
    struct job *j = owner;
    COPY_KOIDS(&j->lock, j->children, next_sibling);
}

static size_t process_koids(void *owner, size_t skip, zx_koid_t *out, size_t max, size_t *total)
{
    struct job *j = owner;
    COPY_KOIDS(&j->lock, j->processes, next_in_job);
}

static zx_status_t process_threads(const struct info_request *req)
{
    return koid_records(req, thread_koids, container_of(req->obj, struct process, base));
}
INFO_TOPIC(ZX_INFO_PROCESS_THREADS, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_ENUMERATE, process_threads);

static zx_status_t job_children(const struct info_request *req)
{
    return koid_records(req, child_koids, container_of(req->obj, struct job, base));
}
INFO_TOPIC(ZX_INFO_JOB_CHILDREN, ZX_OBJ_TYPE_JOB, ZX_RIGHT_ENUMERATE, job_children);

static zx_status_t job_processes(const struct info_request *req)
{
    return koid_records(req, process_koids, container_of(req->obj, struct job, base));
}
INFO_TOPIC(ZX_INFO_JOB_PROCESSES, ZX_OBJ_TYPE_JOB, ZX_RIGHT_ENUMERATE, job_processes);
