/*: # Jobs

A job is a node of the tree that holds every process. The root job is made at boot; userboot gets a handle
to it. Killing a job kills its processes and its child jobs, and no new child can be made in it after. */
#include "task/task.h"

#include "kernel/init.h"
#include "kernel/kmalloc.h"
#include "kernel/panic.h"

static struct job *root;

static void job_destroy(struct kobject *obj)
{
    struct job *j = container_of(obj, struct job, base);
    exceptionate_unbind(&j->exceptionate);
    if (j->parent) {
        hal_lock_acquire(&j->parent->lock);
        for (struct job **link = &j->parent->children; *link; link = &(*link)->next_sibling) {
            if (*link == j) {
                *link = j->next_sibling;
                break;
            }
        }
        hal_lock_release(&j->parent->lock);
        kobject_unref(&j->parent->base);
    }
    kfree(j);
}

const struct kobject_type job_type = {
    .name = "job",
    .type = ZX_OBJ_TYPE_JOB,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHTS_IO | ZX_RIGHTS_PROPERTY | ZX_RIGHTS_POLICY |
                      ZX_RIGHT_ENUMERATE | ZX_RIGHT_DESTROY | ZX_RIGHT_SIGNAL | ZX_RIGHT_MANAGE_JOB |
                      ZX_RIGHT_MANAGE_PROCESS | ZX_RIGHT_MANAGE_THREAD,
    .destroy = job_destroy,
};

zx_status_t job_create(struct job *parent, struct job **out)
{
    struct job *j = kzalloc(sizeof *j);
    if (!j)
        return ZX_ERR_NO_MEMORY;
    kobject_init(&j->base, &job_type);
    hal_lock_init(&j->lock);
    if (parent) {
        hal_lock_acquire(&parent->lock);
        if (parent->killed) {
            hal_lock_release(&parent->lock);
            kfree(j);
            return ZX_ERR_BAD_STATE;
        }
        kobject_ref(&parent->base);
        j->parent = parent;
        j->next_sibling = parent->children;
        parent->children = j;
        hal_lock_release(&parent->lock);
    }
    *out = j;
    return ZX_OK;
}

static void mark_killed(struct job *job)
{
    hal_lock_acquire(&job->lock);
    job->killed = true;
    job->return_code = ZX_TASK_RETCODE_SYSCALL_KILL;
    hal_lock_release(&job->lock);
}

void job_kill(struct job *top)
{
    /* A loop, not a recursion, for a program chooses how deeply jobs nest: kill the processes of
       the job we are at, go down into a child not killed yet, and climb back through `parent` once
       a job has nothing left alive below it. Each job is marked first, so nothing new is made in
       it; no lock is held while a process dies (that takes the lock again to leave the list). A
       reference keeps the job we are at; it keeps its parent. */
    struct job *job = top;
    kobject_ref(&job->base);
    mark_killed(job);
    for (;;) {
        hal_lock_acquire(&job->lock);
        struct process *p = job->processes;
        while (p && p->state >= PROCESS_DYING)
            p = p->next_in_job;
        struct job *child = job->children;
        while (child && child->killed)
            child = child->next_sibling;
        struct kobject *next = p ? &p->base : child ? &child->base : NULL;
        if (next)
            kobject_ref(next);
        hal_lock_release(&job->lock);
        if (p) {
            process_kill(p, ZX_TASK_RETCODE_SYSCALL_KILL);
            kobject_unref(&p->base);
        } else if (child) { /* down */
            mark_killed(child);
            job = child;
        } else { /* up */
            kobject_signal(&job->base, 0, ZX_TASK_TERMINATED);
            struct job *parent = job == top ? NULL : job->parent;
            if (parent)
                kobject_ref(&parent->base);
            kobject_unref(&job->base);
            if (!parent)
                return;
            job = parent;
        }
    }
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
