/*: # Blocking Linux system calls: the waits

Two operations in the two halves of object/waiter.h. A wait on an object holds a reference to the
object until it is finished, because the system call that armed it has returned (in chapter 6) and
with it the file that held the object: another thread may close that descriptor meanwhile. */
#include "linux/block.h"

#include <asm/errno.h>
#include <linux/time_types.h>

#include "kernel/kmalloc.h"
#include "linux/uaccess.h"
#include "object/wait.h"

#define POLL_AGAIN_NS 10000000ull /* 10 ms: how soon a call with nothing to wait on looks again */

/* What a wait that did not get its signal makes the call return. */
static int64_t outcome(zx_status_t ended)
{
    return ended == ZX_ERR_TIMED_OUT ? -ETIMEDOUT : -EINTR;
}

/* A wait for a signal, and what the call returns once it came. */
struct object_wait {
    struct signal_wait wait;
    int64_t then; /* WAIT_RESTART: run the call again */
};

static zx_status_t signalled(struct signal_wait *w, zx_status_t status, zx_signals_t observed)
{
    struct object_wait *ow = container_of(w, struct object_wait, wait);
    int64_t then = ow->then;
    kobject_unref(w->obj);
    kfree(ow);
    if (then != WAIT_RESTART)
        return (zx_status_t)then; /* the call's work is done: a cut-short wait does not undo it */
    return (zx_status_t)(status == ZX_OK ? then : outcome(status));
}

static int64_t wait_for(struct kobject *obj, zx_signals_t signals, uint64_t deadline, int64_t then)
{
    struct object_wait *ow = kzalloc(sizeof *ow);
    if (!ow)
        return -ENOMEM;
    ow->then = then;
    kobject_ref(obj);
    return object_wait(&ow->wait, obj, NULL, 0, signals, deadline, ZX_THREAD_STATE_BLOCKED_WAIT_ONE,
                       signalled);
}

/* A wait for nothing but time: the deadline is the object. */
struct timed_wait {
    struct wait_op op;
    bool then_restart; /* run the call again, rather than return 0 */
    uaddr_t left;      /* if not 0: where a sleep cut short stores the time it had left */
};

/* Store at w->left the time from now to w's deadline, as nanosleep's struct timespec. A bad
   address is -EFAULT, as Linux says it, in place of the -EINTR. */
static int64_t store_time_left(const struct timed_wait *w)
{
    uint64_t now = hal_timer_now(), deadline = w->op.deadline;
    uint64_t left = deadline == HAL_NO_DEADLINE ? 0 : deadline > now ? deadline - now : 0;
    struct __kernel_timespec ts = {(int64_t)(left / 1000000000), (int64_t)(left % 1000000000)};
    return copy_to_user(w->left, &ts, sizeof ts) ? -EFAULT : -EINTR;
}

static zx_status_t timed_out(struct wait_op *op, zx_status_t ended)
{
    struct timed_wait *w = container_of(op, struct timed_wait, op);
    bool restart = w->then_restart;
    int64_t interrupted = ended == ZX_ERR_CANCELED && w->left ? store_time_left(w) : -EINTR;
    kfree(w);
    if (ended == ZX_ERR_CANCELED)
        return (zx_status_t)interrupted;
    return restart ? WAIT_RESTART : 0;
}

static int64_t wait_until(uint64_t deadline, bool then_restart, uaddr_t left)
{
    struct timed_wait *w = kzalloc(sizeof *w);
    if (!w)
        return -ENOMEM;
    w->then_restart = then_restart;
    w->left = left;
    wait_op_init(&w->op, deadline, ZX_THREAD_STATE_BLOCKED_SLEEPING, timed_out);
    return wait_then(&w->op);
}

int64_t linux_block_on(struct kobject *obj, zx_signals_t signals, uint64_t deadline)
{
    if (!obj) {
        uint64_t soon = hal_timer_now() + POLL_AGAIN_NS;
        if (deadline != HAL_NO_DEADLINE && deadline <= hal_timer_now())
            return -ETIMEDOUT;
        return wait_until(deadline < soon ? deadline : soon, true, 0);
    }
    return wait_for(obj, signals, deadline, WAIT_RESTART);
}

int64_t linux_block_then(struct kobject *obj, zx_signals_t signals, int64_t value)
{
    return wait_for(obj, signals, HAL_NO_DEADLINE, value);
}

int64_t linux_sleep_until(uint64_t deadline)
{
    return wait_until(deadline, false, 0);
}

int64_t linux_sleep_until_or_left(uint64_t deadline, uaddr_t left)
{
    return wait_until(deadline, false, left);
}
