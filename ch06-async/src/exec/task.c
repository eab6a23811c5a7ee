/*: # The states of a task

Every change of state happens under the executor's lock, so the diagram in exec/task.h is followed
exactly, whatever CPU or interrupt handler the wake comes from. */
#include "exec/executor.h"

void task_spawn(struct executor *ex, struct task *t, struct future *future)
{
    task_spawn_released(ex, t, future, NULL);
}

void task_spawn_released(struct executor *ex, struct task *t, struct future *future,
                         void (*release)(struct task *t))
{
    *t = (struct task){.release = release, .future = future, .ex = ex, .state = TASK_QUEUED};
    hal_lock_acquire(&ex->lock);
    ex->unfinished++;
    executor_enqueue_locked(ex, t);
    hal_lock_release(&ex->lock);
}

void task_wake(struct task *t)
{
    struct executor *ex = t->ex;
    hal_lock_acquire(&ex->lock);
    if (t->state == TASK_IDLE) {
        t->state = TASK_QUEUED;
        executor_enqueue_locked(ex, t);
    } else if (t->state == TASK_RUNNING) {
        t->state = TASK_RUNNING_WOKEN;
    }
    /* QUEUED, RUNNING_WOKEN: it will be polled once more anyway. DONE: never again. */
    hal_lock_release(&ex->lock);
}

static void wake_task(void *arg)
{
    task_wake(arg);
}

struct waker task_waker(struct task *t)
{
    return (struct waker){.wake = wake_task, .arg = t};
}

void task_polled_locked(struct task *t, enum poll result)
{
    if (result == POLL_READY) {
        __atomic_store_n(&t->state, TASK_DONE, __ATOMIC_RELEASE); /* task_done reads it unlocked */
        executor_task_done_locked(t->ex);
    } else if (t->state == TASK_RUNNING_WOKEN) {
        t->state = TASK_QUEUED;
        executor_enqueue_locked(t->ex, t);
    } else {
        t->state = TASK_IDLE;
    }
}

bool task_done(struct task *t)
{
    return __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == TASK_DONE;
}
