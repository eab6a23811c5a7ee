/*: # Threads

A thread is created in a process (NEW), started with an entry point, a stack and two arguments
(RUNNING), and ends by `thread_exit`, by its process's end, or by a kill (DYING, then DEAD).
Starting it starts what runs it (task/thread_loop.c: a kernel thread of its own), which holds a
reference to the thread, and the thread one to its process, so neither disappears while code runs on
their behalf. */
#include "task/task.h"

#include "kernel/frame.h"
#include "task/address_space.h"
#include "kernel/kmalloc.h"

static void thread_destroy(struct kobject *obj)
{
    struct thread *t = container_of(obj, struct thread, base);
    if (t->state == ZX_THREAD_STATE_NEW) /* never started: leave the process's list */
        process_thread_ended(t->process, t);
    exceptionate_unbind(&t->exceptionate);
    kobject_unref(&t->process->base);
    frame_free(t->ctx_frame);
    kfree(t);
}

const struct kobject_type thread_type = {
    .name = "thread",
    .type = ZX_OBJ_TYPE_THREAD,
    .default_rights = ZX_RIGHTS_BASIC | ZX_RIGHTS_IO | ZX_RIGHTS_PROPERTY | ZX_RIGHT_DESTROY |
                      ZX_RIGHT_SIGNAL | ZX_RIGHT_MANAGE_THREAD,
    .destroy = thread_destroy,
};

/* A system call copies from or to a page the page table does not allow yet: fault it in as the
   thread's own access would. */
static zx_status_t thread_fault_in(struct zx_caller *caller, vaddr_t va, unsigned access)
{
    return address_space_fault(container_of(caller, struct thread, caller)->process, va, access);
}

zx_status_t thread_create(struct process *p, const char *name, struct thread **out)
{
    _Static_assert(sizeof(struct hal_context) <= PAGE_SIZE, "a register set fits a frame");
    struct thread *t = kzalloc(sizeof *t);
    paddr_t frame = t ? frame_alloc() : 0;
    if (!frame) {
        kfree(t);
        return ZX_ERR_NO_MEMORY;
    }
    t->ctx_frame = frame;
    t->ctx = hal_pmem_ptr(frame);
    kobject_init(&t->base, &thread_type);
    kobject_set_name(&t->base, name, ZX_MAX_NAME_LEN);
    t->caller = (struct zx_caller){
        .handles = &p->handles,
        .memory = &p->memory,
        .fault_in = thread_fault_in,
    };
    t->waits = (struct wait_self){.cancelled = &t->kill};
    t->state = ZX_THREAD_STATE_NEW;
    hal_lock_acquire(&p->lock);
    if (p->state >= PROCESS_DYING) {
        hal_lock_release(&p->lock);
        kobject_discard(&t->base);
        frame_free(frame);
        kfree(t);
        return ZX_ERR_BAD_STATE;
    }
    kobject_ref(&p->base);
    t->process = p;
    t->base.related_koid = p->base.koid;
    t->next_in_process = p->threads;
    p->threads = t;
    hal_lock_release(&p->lock);
    *out = t;
    return ZX_OK;
}

/* The checks of a start, and t RUNNING (and its process, if this is its first thread). */
static zx_status_t mark_started(struct thread *t, vaddr_t entry)
{
    struct process *p = t->process;
    hal_lock_acquire(&p->lock);
    zx_status_t status = ZX_OK;
    if (t->state != ZX_THREAD_STATE_NEW || p->state >= PROCESS_DYING)
        status = ZX_ERR_BAD_STATE;
    else if (entry != 0 && (entry < HAL_USER_BASE || entry >= HAL_USER_END))
        status = ZX_ERR_INVALID_ARGS; /* 0 is allowed, and faults: Zircon's way to test a crash */
    if (status == ZX_OK) {
        t->state = ZX_THREAD_STATE_RUNNING;
        if (p->state == PROCESS_INITIAL) {
            p->state = PROCESS_RUNNING;
            p->start_time = (zx_time_t)hal_timer_now();
        }
    }
    hal_lock_release(&p->lock);
    return status;
}

/* Start what runs t, whose registers are ready. */
static zx_status_t run(struct thread *t)
{
    sched_tick_start();
    kobject_ref(&t->base); /* the runner's */
    if (thread_loop_start(t) != ZX_OK) {
        kobject_unref(&t->base);
        hal_lock_acquire(&t->process->lock);
        t->state = ZX_THREAD_STATE_NEW;
        hal_lock_release(&t->process->lock);
        return ZX_ERR_NO_RESOURCES;
    }
    return ZX_OK;
}

zx_status_t thread_start(struct thread *t, vaddr_t entry, vaddr_t stack, uint64_t arg1,
                         uint64_t arg2)
{
    zx_status_t status = mark_started(t, entry);
    if (status != ZX_OK)
        return status;
    hal_context_init(t->ctx, entry, stack);
    hal_context_set_arg(t->ctx, 0, arg1);
    hal_context_set_arg(t->ctx, 1, arg2);
    return run(t);
}

zx_status_t thread_start_as(struct thread *t, const struct hal_context *regs)
{
    zx_status_t status = mark_started(t, hal_context_pc(regs));
    if (status != ZX_OK)
        return status;
    *t->ctx = *regs;
    return run(t);
}

void thread_kill(struct thread *t)
{
    __atomic_store_n(&t->kill, true, __ATOMIC_SEQ_CST);
    thread_loop_poke(t);
}

struct thread *thread_current(void)
{
    return container_of(zx_caller_current(), struct thread, caller);
}
