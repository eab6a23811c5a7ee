/*: # epoll: a poll set that stays

`poll` hands the kernel its whole list of descriptors at every call; a server watching a thousand
connections pays for the thousand each time. `epoll` keeps the list in the kernel instead, in a
file of its own (epoll(7)): `epoll_create1` makes the file, `epoll_ctl` adds, changes and removes
the descriptors it watches (each with the events that count and a 64-bit word the program gets
back), and `epoll_pwait` waits until some are ready and returns their words (fs/epoll_wait.c).

Zinc's epoll is a front for the poll engine of fs/poll.h: a wait copies the watched descriptors
that are due into a poll set, runs it, and its report turns the ready entries into
`struct epoll_event`s. What is Linux's and not poll's:

- **`EPOLLONESHOT`**: a descriptor reported once is disabled until `EPOLL_CTL_MOD` arms it again.
- **`EPOLLET`**, edge triggering: a descriptor is reported when something *happens* to it (data
  arrives, room appears, the other end goes), once, and not again while nothing new happens, even
  if data is left unread; so a program reads until `EAGAIN` before it waits again.
- Linux's epoll watches an open file, and forgets it when the file is closed. Zinc's watches a
  descriptor number, and forgets it when a wait finds the number closed. The two differ only for a
  program that closes a watched descriptor and opens another at the same number without
  `EPOLL_CTL_DEL`.

## Events, in Zircon's terms

Linux learns of an event through the file's wait queue: whoever changes the file wakes it, and
epoll's callback on that queue puts the watch on a ready list. A Zinc file has no queue; it names,
through `wait_on`, the kernel object and signals that announce it may be ready (a pipe's socket and
`READABLE`). So each watch puts an *edge-triggered observer* on that object (object/observer.h),
for as long as it lives: the object's lock calls it when one of those signals rises, and it only
marks the watch (`happened`) and signals the epoll's own event, never blocking. An edge-triggered
watch is due for a wait only once that mark is set; the wait that takes it clears it, and if the
file is then ready it is reported, else forgotten until the next event (Linux drops such a watch
from its ready list the same way). A level-triggered watch is always due.

A signal rises only when it was clear: a pipe that receives more data while it still holds some
changes no signal at all, where Linux's writer wakes the queue at every write. For a file on a
Zircon socket (pipes, socket pairs) the watch therefore also remembers how many bytes the socket
held to read, and how many its peer had yet to read, when it last looked (`zx_info_socket_t`, the
socket's public account of itself): more to read, or room made on the other side, is an event too.
A wait that sleeps while such a watch has bytes unread looks again every few milliseconds, which
only a program that did not read until `EAGAIN` pays for. A file with no object to name is served
level-triggered.

## An epoll that can be waited on

The epoll's event is also what the epoll file names in its own `wait_on`, so `poll`, `select` and
another epoll sleep until one of the watched files may be ready; its `poll` clears the signal
before it looks and sets it again when it finds a descriptor ready, so the signal is never left set
over an epoll that is not (which would wake a waiter for ever). One epoll may watch another (Linux
allows five levels, and must then refuse cycles), here one level deep: an epoll that watches
epolls may not be watched by one, which rules out cycles too (`ELOOP`), and an epoll may not watch
itself (`EINVAL`). Such a watch holds the inner epoll's file, so that the outer one asks the very
file it checked, never whatever file a re-used descriptor number names later. */
#include <asm/fcntl.h>
#include <linux/eventpoll.h>

#include "fs/epoll.h"
#include "fs/fd_table.h"
#include "kernel/kmalloc.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/event.h"
#include "object/socket.h"

/* The events a program may ask for, and those that count whether asked or not. */
#define ASKABLE                                                                                    \
    (EPOLLIN | EPOLLPRI | EPOLLOUT | EPOLLRDNORM | EPOLLRDBAND | EPOLLWRNORM | EPOLLWRBAND |       \
     EPOLLMSG | EPOLLRDHUP | EPOLLERR | EPOLLHUP)
#define ALWAYS (EPOLLERR | EPOLLHUP)
#define FLAGS (EPOLLET | EPOLLONESHOT | EPOLLWAKEUP | EPOLLEXCLUSIVE)

static const struct file_ops epoll_ops;

bool is_epoll(const struct file *f)
{
    return f->ops == &epoll_ops;
}

/*: ## Events */

/* The observer's call, under the object's lock: mark the watch, wake the epoll's waiters. */
static bool on_event(struct observer *o, zx_signals_t signals)
{
    struct watch *w = container_of(o, struct watch, observer);
    __atomic_store_n(&w->happened, 1, __ATOMIC_RELEASE);
    kobject_signal(w->ep->event, 0, ZX_EVENT_SIGNALED);
    return true;
}

/* Observe the object target names for w's events, if it names one. */
static void observe(struct watch *w, struct file *target)
{
    zx_signals_t signals = 0;
    struct kobject *obj =
        target->ops->wait_on ? target->ops->wait_on(target, w->events, &signals) : NULL;
    if (!obj || !signals)
        return;
    kobject_ref(obj);
    w->obj = obj;
    w->observer = (struct observer){.watched = signals, .edge = true, .on_change = on_event};
    observer_add(obj, &w->observer);
}

/* Take w's observer off; once observer_remove returns, on_event no longer runs for w. */
static void unobserve(struct watch *w)
{
    if (!w->obj)
        return;
    observer_remove(w->obj, &w->observer);
    kobject_unref(w->obj);
    w->obj = NULL;
}

/* The bytes w's socket holds to read and its peer has yet to read; false if it is no socket. */
static bool socket_bytes(const struct watch *w, size_t *rx, size_t *tx)
{
    if (!w->obj || w->obj->type != &socket_type)
        return false;
    zx_info_socket_t info;
    socket_info(w->obj, &info);
    *rx = info.rx_buf_size;
    *tx = info.tx_buf_size;
    return true;
}

bool epoll_watch_due(struct watch *w, bool take)
{
    if (!w->events || !w->edge || !w->obj)
        return w->events != 0;
    size_t rx = 0, tx = 0;
    bool grew = socket_bytes(w, &rx, &tx) && (rx > w->rx_seen || tx < w->tx_seen);
    if (!take)
        return grew || __atomic_load_n(&w->happened, __ATOMIC_ACQUIRE);
    w->rx_seen = rx;
    w->tx_seen = tx;
    bool happened = __atomic_exchange_n(&w->happened, 0, __ATOMIC_ACQ_REL);
    return happened || grew;
}

/*: ## The list */

/* Unlink *link's watch and free it; under the lock. */
static void drop(struct watch **link)
{
    struct watch *w = *link;
    *link = w->next;
    unobserve(w);
    if (w->nested) {
        __atomic_fetch_sub(&((struct epoll *)w->nested->private)->watched_by, 1, __ATOMIC_RELAXED);
        __atomic_fetch_sub(&w->ep->watches_epolls, 1, __ATOMIC_RELAXED);
        file_unref(w->nested);
    }
    kfree(w);
}

void epoll_forget_closed(struct epoll *ep)
{
    struct fd_table *t = linux_current()->files;
    for (struct watch **link = &ep->watches; *link;) {
        struct file *f = fd_get(t, (*link)->fd);
        bool open = f && (!(*link)->nested || f == (*link)->nested);
        if (f)
            file_unref(f);
        if (open)
            link = &(*link)->next;
        else
            drop(link);
    }
}

/* Set w to e's events and word, watching target's object for them; an event is due at once, so
   that a file already ready is reported, as Linux checks a new watch's file. */
static void arm(struct watch *w, const struct epoll_event *e, struct file *target)
{
    unobserve(w);
    w->events = (e->events & ASKABLE) | ALWAYS;
    w->oneshot = e->events & EPOLLONESHOT;
    w->edge = e->events & EPOLLET;
    w->data = e->data;
    observe(w, target);
    w->rx_seen = w->tx_seen = 0;
    socket_bytes(w, &w->rx_seen, &w->tx_seen);
    __atomic_store_n(&w->happened, 1, __ATOMIC_RELEASE);
}

/* A new watch of target at fd, first in ep's list: 0 or -ENOMEM. */
static int add(struct epoll *ep, int fd, struct file *target, const struct epoll_event *e)
{
    struct watch *w = kzalloc(sizeof *w);
    if (!w)
        return -ENOMEM;
    w->ep = ep;
    w->fd = fd;
    if (is_epoll(target)) {
        file_ref(target);
        w->nested = target;
        __atomic_fetch_add(&((struct epoll *)target->private)->watched_by, 1, __ATOMIC_RELAXED);
        __atomic_fetch_add(&ep->watches_epolls, 1, __ATOMIC_RELAXED);
    }
    arm(w, e, target);
    w->next = ep->watches;
    ep->watches = w;
    return 0;
}

/* epoll_ctl's work on ep for descriptor fd, whose file is target: 0 or -errno. */
static int change(struct epoll *ep, int op, int fd, struct file *target,
                  const struct epoll_event *e)
{
    hal_lock_acquire(&ep->lock);
    epoll_forget_closed(ep); /* a watch of a number since closed (and re-used) is gone */
    struct watch **link = &ep->watches;
    while (*link && (*link)->fd != fd)
        link = &(*link)->next;
    int result = 0;
    if (op == EPOLL_CTL_ADD)
        result = *link ? -EEXIST : add(ep, fd, target, e);
    else if (!*link)
        result = -ENOENT;
    else if (op == EPOLL_CTL_DEL)
        drop(link);
    else
        arm(*link, e, target);
    hal_lock_release(&ep->lock);
    return result;
}

/* Makes the check of nesting and the watch that passed it one step. */
static struct hal_lock nesting_lock = HAL_LOCK_INIT;

/* epoll_ctl on ep for an epoll target: one level deep, and never itself. */
static int change_nested(struct epoll *ep, int op, int fd, struct file *target,
                         const struct epoll_event *e)
{
    struct epoll *inner = target->private;
    if (inner == ep)
        return -EINVAL;
    hal_lock_acquire(&nesting_lock);
    int result = 0;
    if (op == EPOLL_CTL_ADD && (__atomic_load_n(&inner->watches_epolls, __ATOMIC_RELAXED) ||
                                __atomic_load_n(&ep->watched_by, __ATOMIC_RELAXED)))
        result = -ELOOP;
    else
        result = change(ep, op, fd, target, e);
    hal_lock_release(&nesting_lock);
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
    else if (!is_epoll(file))
        result = -EINVAL;
    else if (!target->ops->poll)
        result = -EPERM; /* a regular file is always ready: Linux refuses to watch one */
    else if (op != EPOLL_CTL_ADD && op != EPOLL_CTL_MOD && op != EPOLL_CTL_DEL)
        result = -EINVAL;
    else if (op != EPOLL_CTL_DEL && (e.events & ~(uint32_t)(ASKABLE | FLAGS)))
        result = -EINVAL;
    else if (is_epoll(target))
        result = change_nested(file->private, op, fd, target, &e);
    else
        result = change(file->private, op, fd, target, &e);
    if (file)
        file_unref(file);
    if (target)
        file_unref(target);
    return result;
}
LINUX_SYSCALL(epoll_ctl, linux_epoll_ctl);

/*: ## The file */

/* Is w's file ready for its events? Under ep's lock. An inner epoll is asked through the file the
   watch holds; a number that names another epoll now is not asked (it may be this one, whose lock
   is held). */
static bool watch_ready(struct watch *w)
{
    if (w->nested)
        return w->nested->ops->poll(w->nested) & w->events;
    struct file *target = fd_get(linux_current()->files, w->fd);
    bool ready = target && !is_epoll(target) && (target->ops->poll(target) & w->events);
    if (target)
        file_unref(target);
    return ready;
}

/* Readable when one of its due descriptors is ready. The signal is cleared before the look, and
   set again if the look finds one ready: an event that comes meanwhile sets it too. */
static unsigned epoll_poll(struct file *f)
{
    struct epoll *ep = f->private;
    kobject_signal(ep->event, ZX_EVENT_SIGNALED, 0);
    bool ready = false;
    hal_lock_acquire(&ep->lock);
    for (struct watch *w = ep->watches; w && !ready; w = w->next)
        ready = epoll_watch_due(w, false) && watch_ready(w);
    hal_lock_release(&ep->lock);
    if (ready)
        kobject_signal(ep->event, 0, ZX_EVENT_SIGNALED);
    return ready ? POLLIN | POLLRDNORM : 0;
}

static struct kobject *epoll_wait_on(struct file *f, unsigned events, zx_signals_t *signals)
{
    struct epoll *ep = f->private;
    *signals = events & (POLLIN | POLLRDNORM) ? ZX_EVENT_SIGNALED : 0;
    return *signals ? ep->event : NULL;
}

static void epoll_release(struct file *f)
{
    struct epoll *ep = f->private;
    while (ep->watches)
        drop(&ep->watches);
    kobject_unref(ep->event);
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
    if (!ep || event_create(&ep->event) != ZX_OK) {
        kfree(ep);
        return -ENOMEM;
    }
    struct file *f = file_create(&epoll_ops, O_RDONLY, ep);
    if (!f) {
        kobject_unref(ep->event);
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
