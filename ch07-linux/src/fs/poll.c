/*: # Waiting on many files: the engine, `poll` and `ppoll`

A round looks at every entry: a descriptor that is no longer open answers `POLLNVAL`, an open file
its `poll` (or "readable and writable" for a file with none), keeping the events that count. If
none holds and the deadline has not passed, the round gathers what to wait on and waits; the wait's
end runs the next round.

Each file's `wait_on` must name only signals that make its `poll` report one of the events asked:
a level-triggered signal that is set while the file is not ready would wake the wait again at once,
for ever.

epoll's set (fs/epoll_wait.c) changes while it waits: its `round` chooses the entries afresh at the
start of every round, and its wait watches one object more, `also`, the epoll's own event. */
#include "fs/poll.h"

#include <linux/time_types.h>
#include <string.h>

#include "kernel/frame.h"
#include "kernel/kmalloc.h"
#include "linux/clock.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

_Static_assert(sizeof(struct poll_set) <= PAGE_SIZE, "a poll set fits a frame");
_Static_assert(FD_MAX * sizeof(struct poll_entry) <= 2048, "its entries fit a heap block");

#define NS 1000000000ull
#define POLL_AGAIN_NS 10000000ull /* 10 ms, as linux/block.c: how soon to look at a file again */

/* What a file with no poll of its own answers. */
#define ALWAYS_READY (POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM)

struct poll_set *poll_set_create(size_t count)
{
    paddr_t frame = frame_alloc();
    if (!frame)
        return NULL;
    struct poll_set *s = hal_pmem_ptr(frame);
    memset(s, 0, sizeof *s); /* no compound literal: a frame's worth would go on the stack */
    s->count = count;
    s->frame = frame;
    if (count && !(s->entries = kzalloc(count * sizeof *s->entries))) {
        frame_free(frame);
        return NULL;
    }
    return s;
}

void poll_set_destroy(struct poll_set *s)
{
    kfree(s->entries);
    frame_free(s->frame);
}

/* Look at every entry once: how many have events. */
static int look(struct poll_set *s)
{
    struct fd_table *t = linux_current()->files;
    int ready = 0;
    for (size_t i = 0; i < s->count; i++) {
        struct poll_entry *e = &s->entries[i];
        e->revents = 0;
        if (e->fd < 0)
            continue;
        struct file *f = fd_get(t, e->fd);
        unsigned events = !f ? POLLNVAL : f->ops->poll ? f->ops->poll(f) : ALWAYS_READY;
        if (f)
            file_unref(f);
        e->revents = events & e->events;
        ready += e->revents != 0;
    }
    return ready;
}

/* Put obj on s's wait, for signals, with a reference that the wait holds. */
static void wait_for(struct poll_set *s, struct kobject *obj, zx_signals_t signals)
{
    struct wait_many_item *item = &s->items[s->wait.count];
    *item = (struct wait_many_item){.obj = obj, .waitfor = signals};
    kobject_ref(obj);
    s->wait.items[s->wait.count++] = item;
}

/* Put on s's wait the objects its files name, and its `also`: whether some file must be looked at
   again soon, having nothing (or no room) to wait on. */
static bool gather(struct poll_set *s)
{
    struct fd_table *t = linux_current()->files;
    bool look_again_soon = false;
    s->wait.count = 0;
    if (s->also)
        wait_for(s, s->also, s->also_signals);
    for (size_t i = 0; i < s->count; i++) {
        struct file *f = s->entries[i].fd < 0 ? NULL : fd_get(t, s->entries[i].fd);
        if (!f)
            continue;
        zx_signals_t signals;
        struct kobject *obj =
            f->ops->wait_on ? f->ops->wait_on(f, s->entries[i].events, &signals) : NULL;
        if (!f->ops->wait_on || (obj && s->wait.count == POLL_WATCH_MAX)) {
            look_again_soon = true;
        } else if (obj) {
            wait_for(s, obj, signals);
        }
        file_unref(f);
    }
    return look_again_soon;
}

/* The call ends with ready (or -errno): the report, the remaining time, and the set is freed. */
static int64_t finish(struct poll_set *s, int64_t ready)
{
    int64_t result = s->report(s, ready);
    uint64_t now = hal_timer_now(), left = s->deadline > now ? s->deadline - now : 0;
    if (s->time_back == TIME_BACK_TIMESPEC) {
        struct __kernel_timespec ts = {(int64_t)(left / NS), (int64_t)(left % NS)};
        copy_to_user(s->timeout, &ts, sizeof ts); /* a failure here is ignored, as by Linux */
    } else if (s->time_back == TIME_BACK_TIMEVAL) {
        struct __kernel_old_timeval tv = {(int64_t)(left / NS), (int64_t)(left % NS / 1000)};
        copy_to_user(s->timeout, &tv, sizeof tv);
    }
    poll_set_destroy(s);
    return result;
}

static zx_status_t woken(struct wait_many *m, zx_status_t status)
{
    struct poll_set *s = container_of(m, struct poll_set, wait);
    for (size_t i = 0; i < m->count; i++)
        kobject_unref(m->items[i]->obj);
    if (status == ZX_ERR_CANCELED)
        return (zx_status_t)finish(s, -EINTR);
    return (zx_status_t)poll_set_run(s);
}

int64_t poll_set_run(struct poll_set *s)
{
    bool look_again_soon = s->round && s->round(s);
    int ready = look(s);
    uint64_t now = hal_timer_now();
    if (ready || now >= s->deadline)
        return finish(s, ready);
    uint64_t deadline = s->deadline;
    if ((gather(s) || look_again_soon) && deadline - now > POLL_AGAIN_NS)
        deadline = now + POLL_AGAIN_NS;
    return object_wait_many(&s->wait, deadline, woken);
}

uint64_t poll_deadline_ms(int ms)
{
    if (ms < 0)
        return HAL_NO_DEADLINE;
    return ms == 0 ? 0 : linux_clock_deadline(LINUX_CLOCK_MONOTONIC, (uint64_t)ms * 1000000, false);
}

int poll_deadline_timespec(uaddr_t addr, uint64_t *deadline)
{
    return linux_timespec_deadline(addr, LINUX_CLOCK_MONOTONIC, false, deadline);
}

int poll_deadline_timeval(uaddr_t addr, uint64_t *deadline)
{
    struct __kernel_old_timeval tv;
    if (copy_from_user(&tv, addr, sizeof tv))
        return -EFAULT;
    if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
        return -EINVAL;
    struct __kernel_timespec ts = {tv.tv_sec, tv.tv_usec * 1000};
    uint64_t ns;
    linux_timespec_ns(&ts, &ns); /* valid: checked above */
    *deadline = linux_clock_deadline(LINUX_CLOCK_MONOTONIC, ns, false);
    return 0;
}

/*: ## poll and ppoll

An array of `struct pollfd`: each entry's `revents` is written back, and the result is how many
entries have any. `POLLERR`, `POLLHUP` and `POLLNVAL` count whether asked or not. At most `FD_MAX`
entries (Linux's limit is the descriptor limit): more is `-EINVAL`. `ppoll`'s signal mask waits
for chapter 7's signals; it is accepted and not used. */

struct linux_pollfd {
    int32_t fd;
    int16_t events, revents;
};

static int64_t report_poll(struct poll_set *s, int64_t ready)
{
    for (size_t i = 0; ready >= 0 && i < s->count; i++) {
        int16_t revents = (int16_t)s->entries[i].revents;
        uaddr_t at = s->user[0] + i * sizeof(struct linux_pollfd);
        if (copy_to_user(at + __builtin_offsetof(struct linux_pollfd, revents), &revents,
                         sizeof revents))
            ready = -EFAULT;
    }
    return ready;
}

/* poll's array at addr, nfds long, until deadline. */
static int64_t poll_array(uaddr_t addr, uint64_t nfds, uint64_t deadline, uaddr_t timeout)
{
    if (nfds > FD_MAX)
        return -EINVAL;
    struct poll_set *s = poll_set_create(nfds);
    if (!s)
        return -ENOMEM;
    for (size_t i = 0; i < nfds; i++) {
        struct linux_pollfd p;
        if (copy_from_user(&p, addr + i * sizeof p, sizeof p)) {
            poll_set_destroy(s);
            return -EFAULT;
        }
        s->entries[i] = (struct poll_entry){
            .fd = p.fd, .events = (uint16_t)p.events | POLLERR | POLLHUP | POLLNVAL};
    }
    s->deadline = deadline;
    s->user[0] = addr;
    s->timeout = timeout;
    s->time_back = timeout ? TIME_BACK_TIMESPEC : TIME_NOT_BACK;
    s->report = report_poll;
    return poll_set_run(s);
}

#ifdef __NR_poll /* x86_64 only; riscv64's C library calls ppoll */
/* poll(fds, nfds, timeout in milliseconds: negative for none) */
static int64_t linux_poll(const uint64_t *arg)
{
    return poll_array(arg[0], arg[1], poll_deadline_ms((int)arg[2]), 0);
}
LINUX_SYSCALL(poll, linux_poll);
#endif

/* ppoll(fds, nfds, timeout as a struct timespec or NULL, sigmask, sigsetsize) */
static int64_t linux_ppoll(const uint64_t *arg)
{
    uint64_t deadline = HAL_NO_DEADLINE;
    int error = arg[2] ? poll_deadline_timespec(arg[2], &deadline) : 0;
    return error ? error : poll_array(arg[0], arg[1], deadline, arg[2]);
}
LINUX_SYSCALL(ppoll, linux_ppoll);
