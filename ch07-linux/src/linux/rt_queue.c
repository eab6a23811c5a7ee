/*: # The queue of real-time signals: a list in the kernel heap

One list of instances for the whole kernel, each a block of the kernel heap, oldest first, under
the tree lock: sending appends, taking searches from the head for the first instance of the
process, thread and number asked for (the list is short: it is bounded), unlinks it and frees it.
The instances of one process and number keep the order they were sent in, whatever lies between
them. */
#include "linux/rt_queue.h"

#include <asm/errno.h>

#include "kernel/kmalloc.h"
#include "linux/signals.h"

struct rt_instance {
    struct rt_instance *next;
    const struct linux_process *lp;
    int tid, sig;
    struct signal_origin origin;
};

static struct {
    struct rt_instance *head, *tail;
    int count;
} queue;

int rt_queue_add(const struct linux_process *lp, int tid, int sig,
                 const struct signal_origin *origin)
{
    struct rt_instance *e = queue.count < LINUX_RT_QUEUED_MAX ? kzalloc(sizeof *e) : NULL;
    if (!e)
        return -EAGAIN;
    *e = (struct rt_instance){NULL, lp, tid, sig, *origin};
    if (queue.tail)
        queue.tail->next = e;
    else
        queue.head = e;
    queue.tail = e;
    queue.count++;
    return 0;
}

/* Unlink e, which follows prev (NULL: e is the head), and free it. */
static void unlink_instance(struct rt_instance *prev, struct rt_instance *e)
{
    if (prev)
        prev->next = e->next;
    else
        queue.head = e->next;
    if (queue.tail == e)
        queue.tail = prev;
    queue.count--;
    kfree(e);
}

static bool is_for(const struct rt_instance *e, const struct linux_process *lp, int tid, int sig)
{
    return e->lp == lp && e->tid == tid && e->sig == sig;
}

bool rt_queue_take(const struct linux_process *lp, int tid, int sig, struct signal_origin *origin,
                   bool *more)
{
    struct rt_instance *prev = NULL, *e = queue.head;
    for (; e && !is_for(e, lp, tid, sig); e = e->next)
        prev = e;
    *more = false;
    if (!e)
        return false;
    *origin = e->origin;
    for (struct rt_instance *later = e->next; later && !*more; later = later->next)
        *more = is_for(later, lp, tid, sig);
    unlink_instance(prev, e);
    return true;
}

static bool queued_for(const struct rt_instance *e, int whom)
{
    if (whom == RT_QUEUED_FOR_ANYONE)
        return true;
    return whom == RT_QUEUED_FOR_THREADS ? e->tid != 0 : e->tid == whom;
}

void rt_queue_drop(const struct linux_process *lp, uint64_t sigs, int whom)
{
    struct rt_instance *prev = NULL, *e = queue.head;
    while (e) {
        struct rt_instance *next = e->next;
        if (e->lp == lp && (sigs & SIG_BIT(e->sig)) && queued_for(e, whom))
            unlink_instance(prev, e);
        else
            prev = e;
        e = next;
    }
}
