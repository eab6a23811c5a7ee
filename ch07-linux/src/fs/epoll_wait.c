/*: # epoll's wait

`epoll_pwait` runs the poll engine of fs/poll.h on a set it fills afresh at every round
(`take_due`): the watches that are due (fs/epoll.c: every level-triggered one, an edge-triggered
one once an event came), each taking its event as it goes in. Besides the files of those entries,
the wait sleeps on the epoll's own event, which any watch's event signals, so that an
edge-triggered watch that is not in the set still wakes it. The signal is cleared before the
round reads the watches' marks: an event after that sets it again, and the wait does not sleep
through it.

The report writes at most `maxevents` of the ready entries. An edge-triggered watch that was
ready but found no room keeps its event for the next wait, as Linux keeps it on its ready list;
one that was taken and found not ready has lost it, as Linux drops it. */
#include <linux/eventpoll.h>

#include "fs/epoll.h"
#include "fs/poll.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* The round's entries: the due watches of the epoll whose file is s->owner. True if a watch holds
   bytes unread, whose growth no signal would announce: it must be looked at again soon. */
static bool take_due(struct poll_set *s)
{
    struct epoll *ep = ((struct file *)s->owner)->private;
    kobject_signal(ep->event, ZX_EVENT_SIGNALED, 0);
    bool look_again_soon = false;
    size_t count = 0;
    hal_lock_acquire(&ep->lock);
    epoll_forget_closed(ep);
    for (struct watch *w = ep->watches; w && count < FD_MAX; w = w->next) {
        if (epoll_watch_due(w, true))
            s->entries[count++] = (struct poll_entry){.fd = w->fd, .events = (uint16_t)w->events};
        else if (w->events && w->rx_seen)
            look_again_soon = true;
    }
    hal_lock_release(&ep->lock);
    s->count = count;
    return look_again_soon;
}

static struct watch *find(struct epoll *ep, int fd)
{
    struct watch *w = ep->watches;
    while (w && w->fd != fd)
        w = w->next;
    return w;
}

/* The report of a wait: the ready entries' words into the program's array (user[0], at most nfds
   of them), one-shot watches disabled; how many were written. An epoll that is left with a ready
   descriptor keeps its signal set, for whoever else waits on it. */
static int64_t report_epoll(struct poll_set *s, int64_t ready)
{
    struct file *file = s->owner;
    struct epoll *ep = file->private;
    int64_t written = 0;
    bool still_ready = false;
    hal_lock_acquire(&ep->lock);
    for (size_t i = 0; ready > 0 && i < s->count; i++) {
        struct watch *w = s->entries[i].revents ? find(ep, s->entries[i].fd) : NULL;
        if (!w || !w->events)
            continue; /* removed, or fired, while the wait went on */
        if (written == s->nfds) {
            /* no room: due again at the next wait */
            __atomic_store_n(&w->happened, 1, __ATOMIC_RELEASE);
            still_ready = true;
            continue;
        }
        struct epoll_event e = {.events = s->entries[i].revents, .data = w->data};
        if (copy_to_user(s->user[0] + written * sizeof e, &e, sizeof e)) {
            written = -EFAULT;
            break;
        }
        if (w->oneshot)
            w->events = 0;
        still_ready |= !w->edge && !w->oneshot;
        written++;
    }
    hal_lock_release(&ep->lock);
    if (still_ready)
        kobject_signal(ep->event, 0, ZX_EVENT_SIGNALED);
    file_unref(file);
    return ready < 0 ? ready : written;
}

/* epoll_pwait(epfd, events, maxevents, timeout in ms, sigmask, sigsetsize) */
static int64_t linux_epoll_pwait(const uint64_t *arg)
{
    int maxevents = (int)arg[2];
    if (maxevents <= 0)
        return -EINVAL;
    struct file *file = fd_get(linux_current()->files, (int)arg[0]);
    if (!file)
        return -EBADF;
    if (!is_epoll(file)) {
        file_unref(file);
        return -EINVAL;
    }
    struct poll_set *s = poll_set_create(FD_MAX); /* room for every descriptor; take_due counts */
    if (!s) {
        file_unref(file);
        return -ENOMEM;
    }
    struct epoll *ep = file->private;
    s->deadline = poll_deadline_ms((int)arg[3]);
    s->user[0] = arg[1];
    s->nfds = maxevents;
    s->owner = file; /* the report lets go of it */
    s->round = take_due;
    s->also = ep->event;
    s->also_signals = ZX_EVENT_SIGNALED;
    s->report = report_epoll;
    return poll_set_run(s);
}
LINUX_SYSCALL(epoll_pwait, linux_epoll_pwait);

#ifdef __NR_epoll_wait /* x86_64 only: epoll_pwait without a signal mask */
static int64_t linux_epoll_wait(const uint64_t *arg)
{
    const uint64_t no_mask[6] = {arg[0], arg[1], arg[2], arg[3], 0, 0};
    return linux_epoll_pwait(no_mask);
}
LINUX_SYSCALL(epoll_wait, linux_epoll_wait);
#endif
