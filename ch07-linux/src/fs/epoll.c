/*: # epoll: a poll set that stays

`poll` hands the kernel its whole list of descriptors at every call; a server watching a thousand
connections pays for the thousand each time. `epoll` keeps the list in the kernel instead, in a
file of its own (epoll(7)): `epoll_create1` makes the file, `epoll_ctl` adds, changes and removes
the descriptors it watches (each with the events that count and a 64-bit word the program gets
back), and `epoll_pwait` waits until some are ready and returns their words.

Zinc's epoll is a front for the poll engine of fs/poll.h. A wait copies the watched descriptors
into a poll set, runs it, and its report turns the ready entries into `struct epoll_event`s,
at most `maxevents` of them. What is Linux's and not poll's:

- **`EPOLLONESHOT`**: a descriptor reported once is disabled until `EPOLL_CTL_MOD` arms it again.
- **`EPOLLET`**, edge triggering, is accepted and served level-triggered. A program written for
  edges reads until `EAGAIN` before it waits again, so it sees the same data and only wakes more
  often; the kernel would need to remember every file's past readiness to do better.
- Linux's epoll watches an open file, and forgets it when the file is closed. Zinc's watches a
  descriptor number, and forgets it when a wait finds the number closed. The two differ only for a
  program that closes a watched descriptor and opens another at the same number without
  `EPOLL_CTL_DEL`.

The epoll file itself can be polled (`poll` on an epoll descriptor): it is readable when one of its
descriptors is ready. It names no object to wait on, so a poll of it looks again every few
milliseconds. One epoll may not watch another (`EINVAL`): Linux allows it, to a depth of five, and
must then refuse cycles (`ELOOP`), where asking one epoll whether it is ready would ask itself. */
#include <asm/fcntl.h>
#include <linux/eventpoll.h>

#include "fs/fd_table.h"
#include "fs/poll.h"
#include "kernel/kmalloc.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* The events a program may ask for, and those that count whether asked or not. */
#define ASKABLE                                                                                    \
    (EPOLLIN | EPOLLPRI | EPOLLOUT | EPOLLRDNORM | EPOLLRDBAND | EPOLLWRNORM | EPOLLWRBAND |       \
     EPOLLMSG | EPOLLRDHUP | EPOLLERR | EPOLLHUP)
#define ALWAYS (EPOLLERR | EPOLLHUP)
#define FLAGS (EPOLLET | EPOLLONESHOT | EPOLLWAKEUP | EPOLLEXCLUSIVE)

struct watch {
    struct watch *next;
    int fd;
    uint32_t events; /* asked, with ALWAYS; 0 for a one-shot watch that has fired */
    bool oneshot;
    uint64_t data;
};

struct epoll {
    struct hal_lock lock; /* guards the list */
    struct watch *watches;
};

static const struct file_ops epoll_ops;

static struct watch *find(struct epoll *ep, int fd)
{
    struct watch *w = ep->watches;
    while (w && w->fd != fd)
        w = w->next;
    return w;
}

/* Forget the watches of descriptors that are no longer open; under the lock. */
static void forget_closed(struct epoll *ep, struct fd_table *t)
{
    for (struct watch **link = &ep->watches; *link;) {
        struct watch *w = *link;
        struct file *f = fd_get(t, w->fd);
        if (f) {
            file_unref(f);
            link = &w->next;
        } else {
            *link = w->next;
            kfree(w);
        }
    }
}

/*: ## The wait */

/* The report of a wait: the ready entries' words into the program's array (user[0], at most nfds
   of them), one-shot watches disabled; how many were written. */
static int64_t report_epoll(struct poll_set *s, int64_t ready)
{
    struct file *file = s->owner;
    struct epoll *ep = file->private;
    int64_t written = 0;
    hal_lock_acquire(&ep->lock);
    for (size_t i = 0; ready > 0 && i < s->count && written < s->nfds; i++) {
        struct watch *w = s->entries[i].revents ? find(ep, s->entries[i].fd) : NULL;
        if (!w || !w->events)
            continue; /* removed, or fired, while the wait went on */
        struct epoll_event e = {.events = s->entries[i].revents, .data = w->data};
        if (copy_to_user(s->user[0] + written * sizeof e, &e, sizeof e)) {
            written = -EFAULT;
            break;
        }
        if (w->oneshot)
            w->events = 0;
        written++;
    }
    hal_lock_release(&ep->lock);
    file_unref(file);
    return ready < 0 ? ready : written;
}

/* A poll set of ep's armed watches, NULL if memory ran out. */
static struct poll_set *armed_set(struct epoll *ep)
{
    hal_lock_acquire(&ep->lock);
    forget_closed(ep, linux_current()->files);
    size_t count = 0;
    for (struct watch *w = ep->watches; w; w = w->next)
        count += w->events != 0;
    struct poll_set *s = poll_set_create(count < FD_MAX ? count : FD_MAX);
    size_t i = 0;
    for (struct watch *w = ep->watches; s && w && i < s->count; w = w->next)
        if (w->events)
            s->entries[i++] = (struct poll_entry){.fd = w->fd, .events = (uint16_t)w->events};
    hal_lock_release(&ep->lock);
    return s;
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
    if (file->ops != &epoll_ops) {
        file_unref(file);
        return -EINVAL;
    }
    struct poll_set *s = armed_set(file->private);
    if (!s) {
        file_unref(file);
        return -ENOMEM;
    }
    s->deadline = poll_deadline_ms((int)arg[3]);
    s->user[0] = arg[1];
    s->nfds = maxevents;
    s->owner = file; /* the report lets go of it */
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

/*: ## The list */

/* epoll_ctl's work on ep for descriptor fd, whose file is target: 0 or -errno. */
static int change(struct epoll *ep, int op, int fd, const struct epoll_event *e)
{
    hal_lock_acquire(&ep->lock);
    struct watch *w = find(ep, fd);
    int result = 0;
    if (op == EPOLL_CTL_ADD && w)
        result = -EEXIST;
    else if (op != EPOLL_CTL_ADD && !w)
        result = -ENOENT;
    else if (op == EPOLL_CTL_ADD && !(w = kzalloc(sizeof *w)))
        result = -ENOMEM;
    else if (op == EPOLL_CTL_ADD) {
        w->fd = fd;
        w->next = ep->watches;
        ep->watches = w;
    }
    if (!result && op == EPOLL_CTL_DEL) {
        struct watch **link = &ep->watches;
        while (*link != w)
            link = &(*link)->next;
        *link = w->next;
        kfree(w);
    } else if (!result) {
        w->events = (e->events & ASKABLE) | ALWAYS;
        w->oneshot = e->events & EPOLLONESHOT;
        w->data = e->data;
    }
    hal_lock_release(&ep->lock);
    return result;
}

/* epoll_ctl(epfd, op, fd, event) */
static int64_t linux_epoll_ctl(const uint64_t *arg)
{
    int op = (int)arg[1], fd = (int)arg[2];
    struct epoll_event e = {0};
    if (op != EPOLL_CTL_DEL && copy_from_user(&e, arg[3], sizeof e))
        return -EFAULT;
    struct fd_table *t = linux_current()->files;
    struct file *file = fd_get(t, (int)arg[0]), *target = fd_get(t, fd);
    int result = 0;
    if (!file || !target)
        result = -EBADF;
    else if (file->ops != &epoll_ops || target->ops == &epoll_ops)
        result = -EINVAL; /* not an epoll; or an epoll (itself, perhaps) to watch */
    else if (!target->ops->poll)
        result = -EPERM; /* a regular file is always ready: Linux refuses to watch one */
    else if (op != EPOLL_CTL_ADD && op != EPOLL_CTL_MOD && op != EPOLL_CTL_DEL)
        result = -EINVAL;
    else if (op != EPOLL_CTL_DEL && (e.events & ~(uint32_t)(ASKABLE | FLAGS)))
        result = -EINVAL;
    else
        result = change(file->private, op, fd, &e);
    if (file)
        file_unref(file);
    if (target)
        file_unref(target);
    return result;
}
LINUX_SYSCALL(epoll_ctl, linux_epoll_ctl);

/*: ## The file */

/* Readable when one of its armed descriptors is ready. */
static unsigned epoll_poll(struct file *f)
{
    struct epoll *ep = f->private;
    struct fd_table *t = linux_current()->files;
    bool ready = false;
    hal_lock_acquire(&ep->lock);
    for (struct watch *w = ep->watches; w && !ready; w = w->next) {
        struct file *target = w->events ? fd_get(t, w->fd) : NULL;
        /* not an epoll, though epoll_ctl refused them: the number may have been re-used since,
           and asking this very file would take its lock again */
        if (target && target->ops != &epoll_ops)
            ready = target->ops->poll(target) & w->events;
        if (target)
            file_unref(target);
    }
    hal_lock_release(&ep->lock);
    return ready ? POLLIN | POLLRDNORM : 0;
}

/* Nothing to name: a poll of an epoll file looks at it again every few milliseconds. */
static struct kobject *epoll_wait_on(struct file *f, unsigned events, zx_signals_t *signals)
{
    *signals = 0;
    return NULL;
}

static void epoll_release(struct file *f)
{
    struct epoll *ep = f->private;
    while (ep->watches) {
        struct watch *w = ep->watches;
        ep->watches = w->next;
        kfree(w);
    }
    kfree(ep);
}

static const struct file_ops epoll_ops = {
    .poll = epoll_poll,
    .wait_on = epoll_wait_on,
    .release = epoll_release,
};

static int64_t linux_epoll_create1(const uint64_t *arg)
{
    if (arg[0] & ~(uint64_t)EPOLL_CLOEXEC)
        return -EINVAL;
    struct epoll *ep = kzalloc(sizeof *ep);
    struct file *f = ep ? file_create(&epoll_ops, O_RDONLY, ep) : NULL;
    if (!f) {
        kfree(ep);
        return -ENOMEM;
    }
    hal_lock_init(&ep->lock);
    int fd = fd_install(linux_current()->files, f, 0, arg[0] & EPOLL_CLOEXEC);
    file_unref(f);
    return fd;
}
LINUX_SYSCALL(epoll_create1, linux_epoll_create1);

#ifdef __NR_epoll_create /* x86_64 only: the size is a hint, which must be positive */
static int64_t linux_epoll_create(const uint64_t *arg)
{
    const uint64_t no_flags[1] = {0};
    return (int)arg[0] <= 0 ? -EINVAL : linux_epoll_create1(no_flags);
}
LINUX_SYSCALL(epoll_create, linux_epoll_create);
#endif
