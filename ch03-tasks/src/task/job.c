/*: # Jobs

A job is a node of the tree that holds every process. The root job is made at boot; userboot gets a
handle to it. A job lives through three states, as in Zircon:

- **ready**: new processes and child jobs may be made in it;
- **killing**: `task_kill` was called; nothing new can be made in it, and what is in it is being
  killed;
- **dead**: a killed job with nothing left in it. It closes its exception channel, leaves its
  parent's list and asserts `ZX_JOB_TERMINATED`, which may end a parent that was being killed too.
  So jobs die from the bottom of the tree up, each after everything in it.

Three signals follow the lists, whatever the state: `ZX_JOB_NO_PROCESSES` while the job has no
process, `ZX_JOB_NO_JOBS` while it has no child job, `ZX_JOB_NO_CHILDREN` while it has neither. A
process leaves its job's list when it dies (process.c), a child job when it dies or when its last
reference goes.

Leaving takes two steps, with `ZX_TASK_TERMINATED` between them: off the list (so that whoever sees
the task terminated finds it gone from the list), then the job's signals and death (so that whoever
sees the job empty, or dead, finds the task terminated). Between the steps the task is counted as
*leaving*, and a job with a task still leaving is neither empty nor dead: without that count, a
kill that finished its sweep on one CPU saw the lists empty while a process on another was between
its steps, and the job, and every job above it, said `ZX_TASK_TERMINATED` before that process did.

The tree has a height limit, Fuchsia's: the root may have children 32 levels deep, each job one
level less than its parent, and a job at level 0 may hold processes but no child job
(`ZX_ERR_OUT_OF_RANGE`). The limit also bounds the kernel's own recursion over the tree (killing a
job kills its child jobs, recursively).

Lock order: a parent job's lock before a child's; a job's lock is never held while a process lock is
taken. */
#include "task/task.h"

#include "kernel/init.h"
#include "kernel/kmalloc.h"
#include "kernel/panic.h"

#define JOB_ROOT_HEIGHT 32

#define JOB_LIST_SIGNALS (ZX_JOB_NO_JOBS | ZX_JOB_NO_PROCESSES | ZX_JOB_NO_CHILDREN)

static struct job *root;

/* Under j's lock: the signals that say which of its lists are empty, counting what is leaving. */
static void update_signals(struct job *j)
{
    zx_signals_t set = j->children || j->jobs_leaving ? 0 : ZX_JOB_NO_JOBS;
    set |= j->processes || j->processes_leaving ? 0 : ZX_JOB_NO_PROCESSES;
    if (set == (ZX_JOB_NO_JOBS | ZX_JOB_NO_PROCESSES))
        set |= ZX_JOB_NO_CHILDREN;
    kobject_signal(&j->base, JOB_LIST_SIGNALS & ~set, set);
}

/* j's lists changed, and if left is one of its counts of tasks leaving, one of those has finished
   leaving: its signals follow, and a killed job with nothing left in it is dead. True if this call
   made it so: the caller then ends it with job_end. */
static bool lists_changed(struct job *j, uint32_t *left)
{
    hal_lock_acquire(&j->lock);
    if (left)
        --*left;
    update_signals(j);
    bool dead = j->state == JOB_KILLING && !j->children && !j->processes && !j->jobs_leaving &&
                !j->processes_leaving;
    if (dead)
        j->state = JOB_DEAD;
    hal_lock_release(&j->lock);
    return dead;
}

/* Under the list's lock: take item off the list at head, linked through next, if it is there. */
#define UNLINK(head, item, next)                                                                   \
    for (__typeof__(item) *link_ = &(head); *link_; link_ = &(*link_)->next)                       \
        if (*link_ == (item)) {                                                                    \
            *link_ = (item)->next;                                                                 \
            break;                                                                                 \
        }

/* The first step of a child's leaving; lists_changed(parent, &parent->jobs_leaving) the second. */
static void unlink_child(struct job *parent, struct job *child)
{
    hal_lock_acquire(&parent->lock);
    UNLINK(parent->children, child, next_sibling);
    parent->jobs_leaving++;
    hal_lock_release(&parent->lock);
}

/* j is dead: it says so, and leaves its parent, which may be dead in its turn. A loop, not a
   recursion, up the tree, and in the same order as for a process: off the list first (whoever sees
   a job terminated finds it gone from the list), then ZX_JOB_TERMINATED, then the parent's signals
   and death (whoever sees the parent's NO_JOBS, or the parent terminated, finds the child
   terminated). */
static void job_end(struct job *j)
{
    kobject_ref(&j->base);
    while (j) {
        exceptionate_unbind(&j->exceptionate);
        struct job *parent = j->parent;
        if (parent)
            unlink_child(parent, j);
        kobject_signal(&j->base, 0, ZX_TASK_TERMINATED);
        bool parent_dead = parent && lists_changed(parent, &parent->jobs_leaving);
        if (parent_dead)
            kobject_ref(&parent->base);
        kobject_unref(&j->base);
        j = parent_dead ? parent : NULL;
    }
}

static void job_destroy(struct kobject *obj)
{
    struct job *j = container_of(obj, struct job, base);
    exceptionate_unbind(&j->exceptionate);
    if (j->parent) {
        /* Its last handle went while it was alive: it leaves the tree now, and its parent, being
           killed, may have been waiting for just that. */
        unlink_child(j->parent, j);
        if (lists_changed(j->parent, &j->parent->jobs_leaving))
            job_end(j->parent);
        kobject_unref(&j->parent->base);
    }
    kfree(j);
}

const struct kobject_type job_type = {
    .name = "job",
    .type = ZX_OBJ_TYPE_JOB,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHTS_IO | ZX_RIGHTS_PROPERTY | ZX_RIGHTS_POLICY |
                      ZX_RIGHT_ENUMERATE | ZX_RIGHT_DESTROY | ZX_RIGHT_SIGNAL |
                      ZX_RIGHT_MANAGE_JOB | ZX_RIGHT_MANAGE_PROCESS | ZX_RIGHT_MANAGE_THREAD,
    .destroy = job_destroy,
};

zx_status_t job_create(struct job *parent, struct job **out)
{
    if (parent && parent->height == 0)
        return ZX_ERR_OUT_OF_RANGE;
    struct job *j = kzalloc(sizeof *j);
    if (!j)
        return ZX_ERR_NO_MEMORY;
    kobject_init(&j->base, &job_type);
    hal_lock_init(&j->lock);
    j->state = JOB_READY;
    j->height = parent ? parent->height - 1 : JOB_ROOT_HEIGHT;
    update_signals(j);
    if (parent) {
        hal_lock_acquire(&parent->lock);
        if (parent->state != JOB_READY) {
            hal_lock_release(&parent->lock);
            kobject_discard(&j->base);
            kfree(j);
            return ZX_ERR_BAD_STATE;
        }
        kobject_ref(&parent->base);
        j->parent = parent;
        j->base.related_koid = parent->base.koid;
        j->next_sibling = parent->children;
        parent->children = j;
        update_signals(parent);
        hal_lock_release(&parent->lock);
    }
    *out = j;
    return ZX_OK;
}

zx_status_t job_add_process(struct job *j, struct process *p)
{
    hal_lock_acquire(&j->lock);
    zx_status_t status = j->state == JOB_READY ? ZX_OK : ZX_ERR_BAD_STATE;
    if (status == ZX_OK) {
        p->next_in_job = j->processes;
        j->processes = p;
        update_signals(j);
    }
    hal_lock_release(&j->lock);
    return status;
}

void job_remove_process(struct job *j, struct process *p)
{
    hal_lock_acquire(&j->lock);
    UNLINK(j->processes, p, next_in_job);
    j->processes_leaving++;
    hal_lock_release(&j->lock);
}

void job_process_gone(struct job *j)
{
    if (lists_changed(j, &j->processes_leaving))
        job_end(j);
}

void job_kill(struct job *job)
{
    /* Mark it first, so nothing new is made in it; then kill what is there, one by one, without
       holding the lock while a process dies (that takes the lock again to leave the list). What was
       killed leaves the lists when it is dead, and the last to leave ends the job; if nothing was
       there, it ends here. */
    hal_lock_acquire(&job->lock);
    if (job->state != JOB_READY) {
        hal_lock_release(&job->lock);
        return;
    }
    job->state = JOB_KILLING;
    job->return_code = ZX_TASK_RETCODE_SYSCALL_KILL;
    hal_lock_release(&job->lock);
    for (;;) {
        hal_lock_acquire(&job->lock);
        struct process *p = job->processes;
        while (p && p->state >= PROCESS_DYING)
            p = p->next_in_job;
        struct job *child = job->children;
        while (child && child->state != JOB_READY)
            child = child->next_sibling;
        struct kobject *victim = p ? &p->base : child ? &child->base : NULL;
        if (victim)
            kobject_ref(victim);
        hal_lock_release(&job->lock);
        if (!victim)
            break;
        if (p)
            process_kill(p, ZX_TASK_RETCODE_SYSCALL_KILL);
        else
            job_kill(child); /* as deep as the tree, which is at most JOB_ROOT_HEIGHT */
        kobject_unref(victim);
    }
    if (lists_changed(job, NULL))
        job_end(job);
}

struct job *job_root(void)
{
    return root;
}

static void job_root_init(void)
{
    if (job_create(NULL, &root) != ZX_OK)
        panic("no memory for the root job");
    ksnprintf(root->base.name, sizeof root->base.name, "root");
}
INIT_STEP(job_root_init, INIT_KERNEL);
