/*: # The executor's loop

`executor_run` holds the executor's lock except while it polls or sleeps. A task taken from the
queue becomes RUNNING before the lock is dropped, so no other CPU takes it and a wake during the
poll marks it RUNNING_WOKEN (exec/task.c); after the poll, `task_polled_locked` decides where it
goes. */
#include "exec/executor.h"

void executor_init(struct executor *ex)
{
    *ex = (struct executor){0};
    hal_lock_init(&ex->lock);
}

void executor_enqueue_locked(struct executor *ex, struct task *t)
{
    t->next = NULL;
    if (ex->tail)
        ex->tail->next = t;
    else
        ex->head = t;
    ex->tail = t;
    /* Work for one sleeping CPU. */
    struct exec_cpu *cpu = ex->sleeping;
    if (cpu) {
        ex->sleeping = cpu->next;
        cpu->kicked = true;
        exec_cpu_kick(cpu);
    }
}

static struct task *dequeue_locked(struct executor *ex)
{
    struct task *t = ex->head;
    if (t) {
        ex->head = t->next;
        if (!ex->head)
            ex->tail = NULL;
    }
    return t;
}

void executor_task_done_locked(struct executor *ex)
{
    if (--ex->unfinished > 0)
        return;
    /* The last one: every sleeping CPU may return from executor_run. */
    for (struct exec_cpu *cpu = ex->sleeping; cpu; cpu = cpu->next) {
        cpu->kicked = true;
        exec_cpu_kick(cpu);
    }
    ex->sleeping = NULL;
}

/* Called and returns with ex->lock held. A CPU announces that it sleeps before it lets go of the
   lock, so that a task queued in between kicks it. If the deadline ended the sleep but a kick came
   after, the kick's token would make this CPU's next sleep, perhaps in other code on the same
   thread, return early: take it now. */
static void sleep_locked(struct executor *ex, struct exec_cpu *cpu, uint64_t deadline)
{
    cpu->kicked = false;
    cpu->next = ex->sleeping;
    ex->sleeping = cpu;
    hal_lock_release(&ex->lock);
    bool woken = exec_cpu_sleep(cpu, deadline);
    hal_lock_acquire(&ex->lock);
    if (!cpu->kicked) {
        struct exec_cpu **p = &ex->sleeping;
        while (*p != cpu)
            p = &(*p)->next;
        *p = cpu->next;
    } else if (!woken) {
        exec_cpu_forget_kick(cpu);
    }
}

bool executor_run(struct executor *ex, uint64_t deadline)
{
    struct exec_cpu cpu;
    exec_cpu_init(&cpu);
    hal_lock_acquire(&ex->lock);
    while (ex->unfinished > 0) {
        if (deadline != HAL_NO_DEADLINE && hal_timer_now() >= deadline)
            break;
        struct task *t = dequeue_locked(ex);
        if (!t) {
            sleep_locked(ex, &cpu, deadline);
            continue;
        }
        t->state = TASK_RUNNING;
        hal_lock_release(&ex->lock);
        enum poll result = future_poll(t->future, task_waker(t));
        hal_lock_acquire(&ex->lock);
        task_polled_locked(t, result);
        if (result == POLL_READY && t->release) { /* the last touch: t may go */
            hal_lock_release(&ex->lock);
            t->release(t);
            hal_lock_acquire(&ex->lock);
        }
    }
    bool finished = ex->unfinished == 0;
    hal_lock_release(&ex->lock);
    return finished;
}
