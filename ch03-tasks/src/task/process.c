/*: # Processes

A process is created empty (INITIAL), starts with its first thread (RUNNING), and ends when its last
started thread ends or it is killed (DYING while its threads stop, then DEAD). As in Zircon, a
thread that was created but never started does not keep its process alive: it has never run, and
nothing could ever start it once the last running thread is gone. At death it closes every handle it
still holds, which may be the last handle of other objects, frees its memory, leaves its job and
signals `ZX_TASK_TERMINATED`; the object itself lives on while others hold handles to it, to tell
its return code.

Lock order: a process's lock, then its threads' kernel state; a job's lock is never held while a
process lock is taken. */
#include "task/task.h"

#include "kernel/blob.h"
#include "kernel/kmalloc.h"
#include "task/address_space.h"
#include "task/elf.h"

static void process_die(struct process *p);

static void process_destroy(struct kobject *obj)
{
    struct process *p = container_of(obj, struct process, base);
    if (p->state != PROCESS_DEAD) /* never started: nobody will ever start it now */
        process_die(p);
    kobject_unref(&p->job->base);
    kfree(p);
}

const struct kobject_type process_type = {
    .name = "process",
    .type = ZX_OBJ_TYPE_PROCESS,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHTS_IO | ZX_RIGHTS_PROPERTY | ZX_RIGHT_ENUMERATE |
                      ZX_RIGHT_DESTROY | ZX_RIGHT_SIGNAL | ZX_RIGHT_GET_POLICY |
                      ZX_RIGHT_MANAGE_PROCESS | ZX_RIGHT_MANAGE_THREAD,
    .destroy = process_destroy,
};

zx_status_t process_create(struct job *job, const char *name, struct process **out)
{
    struct process *p = kzalloc(sizeof *p);
    if (!p)
        return ZX_ERR_NO_MEMORY;
    if (uspace_create(&p->memory)) {
        kfree(p);
        return ZX_ERR_NO_MEMORY;
    }
    kobject_init(&p->base, &process_type);
    kobject_set_name(&p->base, name, ZX_MAX_NAME_LEN);
    handle_table_init(&p->handles);
    hal_lock_init(&p->lock);
    p->personality = &zircon_personality;
    const struct address_space_provider *asp = address_space_provider();
    zx_status_t status = asp ? asp->attach(p) : ZX_OK;
    if (status != ZX_OK) {
        kobject_discard(&p->base);
        uspace_destroy(&p->memory);
        kfree(p);
        return status;
    }
    kobject_ref(&job->base);
    p->job = job;
    p->base.related_koid = job->base.koid;
    if (job_add_process(job, p) != ZX_OK) {
        kobject_unref(&job->base);
        if (asp)
            asp->detach(p);
        uspace_destroy(&p->memory);
        kobject_discard(&p->base);
        kfree(p);
        return ZX_ERR_BAD_STATE;
    }
    *out = p;
    return ZX_OK;
}

/* The end: release what the process holds and tell the world. Runs once, with no thread left. */
static void process_die(struct process *p)
{
    if (p->personality->process_exit)
        p->personality->process_exit(p);
    handle_table_destroy(&p->handles);
    exceptionate_unbind(&p->exceptionate);
    const struct address_space_provider *asp = address_space_provider();
    if (asp)
        asp->detach(p);
    uspace_destroy(&p->memory);
    /* Off the job's list first, so that whoever sees the process terminated finds it gone from the
       list; the job's signals after, so that whoever sees its NO_PROCESSES finds the process
       terminated; and a killed job that this left empty ends after the process, never before. */
    job_remove_process(p->job, p);
    kobject_signal(&p->base, 0, ZX_TASK_TERMINATED);
    job_process_gone(p->job);
}

/* With p's lock held: threads never started have no kernel thread to notice the end of their
   process, so they end here, at once. If kill, the others are told to stop; they will, at their
   next return to the kernel. */
static void end_unstarted_threads(struct process *p, bool kill)
{
    for (struct thread **link = &p->threads; *link;) {
        struct thread *t = *link;
        if (t->state == ZX_THREAD_STATE_NEW) {
            *link = t->next_in_process;
            t->state = ZX_THREAD_STATE_DEAD;
            kobject_signal(&t->base, 0, ZX_TASK_TERMINATED);
        } else {
            if (kill)
                thread_kill(t);
            link = &t->next_in_process;
        }
    }
}

zx_status_t process_for_each_handle(struct process *p,
                                    void (*fn)(const struct handle *h, void *arg), void *arg)
{
    /* Death comes only after the state becomes DEAD, under the process's lock, and the table is
       freed after it: holding the lock keeps the table. */
    hal_lock_acquire(&p->lock);
    bool dead = p->state == PROCESS_DEAD;
    hal_lock_acquire(&p->handles.lock);
    for (uint32_t c = 0; !dead && c < HANDLE_TABLE_CHUNKS; c++) {
        for (uint32_t i = 0; p->handles.chunk[c] && i < HANDLE_TABLE_CHUNK; i++)
            if (p->handles.chunk[c][i].obj)
                fn(&p->handles.chunk[c][i], arg);
    }
    hal_lock_release(&p->handles.lock);
    hal_lock_release(&p->lock);
    return dead ? ZX_ERR_BAD_STATE : ZX_OK;
}

void process_kill(struct process *p, int64_t return_code)
{
    hal_lock_acquire(&p->lock);
    if (p->state >= PROCESS_DYING) {
        hal_lock_release(&p->lock);
        return;
    }
    p->return_code = return_code;
    end_unstarted_threads(p, true); /* the last started thread to stop ends the process */
    bool no_threads = !p->threads;
    p->state = no_threads ? PROCESS_DEAD : PROCESS_DYING;
    hal_lock_release(&p->lock);
    if (no_threads)
        process_die(p);
}

void process_thread_ended(struct process *p, struct thread *t)
{
    hal_lock_acquire(&p->lock);
    for (struct thread **link = &p->threads; *link; link = &(*link)->next_in_process) {
        if (*link == t) {
            *link = t->next_in_process;
            break;
        }
    }
    t->state = ZX_THREAD_STATE_DEAD;
    bool started_left = false;
    for (struct thread *other = p->threads; other; other = other->next_in_process)
        started_left |= other->state != ZX_THREAD_STATE_NEW;
    /* A process not yet started loses an unstarted thread and waits for its start all the same. */
    bool last = !started_left && (p->state == PROCESS_RUNNING || p->state == PROCESS_DYING);
    if (last) {
        end_unstarted_threads(p, false);
        p->state = PROCESS_DEAD;
    }
    /* Under the lock, as the list changes: whoever sees the thread TERMINATED finds it gone from
       the process's list, and the thread ends before its process does, even when the process's
       last thread ends on another CPU at the same time (that one waits for the lock). */
    kobject_signal(&t->base, 0, ZX_TASK_TERMINATED);
    hal_lock_release(&p->lock);
    if (last)
        process_die(p);
}

zx_status_t process_load(struct process *p, const char *name, vaddr_t *entry, vaddr_t *stack)
{
    const struct blob *program = blob_find(name);
    if (!program)
        return ZX_ERR_NOT_FOUND;
    hal_lock_acquire(&p->lock);
    bool fresh = p->state == PROCESS_INITIAL && !p->loaded;
    p->loaded = true;
    hal_lock_release(&p->lock);
    if (!fresh)
        return ZX_ERR_BAD_STATE;
    const struct address_space_provider *asp = address_space_provider();
    if (asp && asp->load)
        return asp->load(p, program->start, program->end - program->start, entry, stack);
    zx_status_t status = elf_load(&p->memory, program->start, program->end - program->start, entry);
    if (status == ZX_OK && uspace_map_new(&p->memory, USER_STACK_TOP - USER_STACK_SIZE,
                                          USER_STACK_SIZE, HAL_MMU_READ | HAL_MMU_WRITE))
        status = ZX_ERR_NO_MEMORY;
    *stack = USER_STACK_TOP;
    return status;
}
