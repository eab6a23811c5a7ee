/*: # eventfd: a counter as a file

`eventfd2(initval, flags)` makes a file that holds one unsigned 64-bit counter (eventfd(2)). A
write of eight bytes adds their value to it; a read of eight bytes returns the counter and sets it
to zero, or, with `EFD_SEMAPHORE`, returns 1 and takes one off. A read finds nothing while the
counter is zero, and a write that would take it past 2^64 - 2 finds no room: both wait, or answer
`-EAGAIN` on a non-blocking file. Threads and processes use it to wake each other through `poll`,
and libraries use it as the one descriptor that says "something happened".

What a waiter waits on is a Zircon event (object/event.h) that the file keeps beside the counter:
its user signal 0 is asserted while the counter is above zero (readable), and user signal 1 while
one more can be added (writable). Every change of the counter sets both signals again under the
file's lock, so a waiter woken by a signal always finds what it waited for. A write of a large
value may not fit where one more would: the largest value a write found no room for is kept until
the next read, and the file is not writable while that value does not fit, so the writer waits for
a read rather than being woken at once, again and again (a write of a random value did that, and
spun in the kernel beyond the reach even of SIGKILL). */
#include <asm/fcntl.h>
#include <string.h>

#include "fs/fd_table.h"
#include "kernel/kmalloc.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "object/event.h"

/* eventfd(2)'s flags, which Linux's UAPI headers do not export (C libraries define them). */
#define EFD_SEMAPHORE 1
#define EFD_CLOEXEC O_CLOEXEC
#define EFD_NONBLOCK O_NONBLOCK

#define COUNTER_MAX 0xfffffffffffffffeull
#define READABLE ZX_USER_SIGNAL_0
#define WRITABLE ZX_USER_SIGNAL_1

struct eventfd {
    struct hal_lock lock; /* guards count, and keeps the event's signals in step with it */
    uint64_t count;
    uint64_t unfit; /* the largest value a write found no room for since the last read */
    bool semaphore;
    struct kobject *event;
};

/* Set the event's signals from the counter; under the lock. */
static void signal_count(struct eventfd *e)
{
    bool room = e->count < COUNTER_MAX && e->unfit <= COUNTER_MAX - e->count;
    zx_signals_t set = (e->count ? READABLE : 0) | (room ? WRITABLE : 0);
    kobject_signal(e->event, (READABLE | WRITABLE) & ~set, set);
}

static int64_t eventfd_read(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    struct eventfd *e = f->private;
    if (len < sizeof(uint64_t))
        return -EINVAL;
    hal_lock_acquire(&e->lock);
    uint64_t value = e->semaphore && e->count ? 1 : e->count;
    e->count -= value;
    if (value)
        e->unfit = 0; /* there is more room: let every waiting write try again */
    signal_count(e);
    hal_lock_release(&e->lock);
    if (!value)
        return -EAGAIN;
    memcpy(buf, &value, sizeof value);
    return sizeof value;
}

static int64_t eventfd_write(struct file *f, const void *buf, size_t len, uint64_t *pos)
{
    struct eventfd *e = f->private;
    uint64_t value;
    if (len < sizeof value)
        return -EINVAL;
    memcpy(&value, buf, sizeof value);
    if (value == UINT64_MAX)
        return -EINVAL;
    hal_lock_acquire(&e->lock);
    bool fits = value <= COUNTER_MAX - e->count;
    if (fits)
        e->count += value;
    else if (value > e->unfit)
        e->unfit = value;
    signal_count(e);
    hal_lock_release(&e->lock);
    return fits ? (int64_t)sizeof value : -EAGAIN;
}

static unsigned eventfd_poll(struct file *f)
{
    struct eventfd *e = f->private;
    hal_lock_acquire(&e->lock);
    unsigned events =
        (e->count ? POLLIN | POLLRDNORM : 0) | (e->count < COUNTER_MAX ? POLLOUT | POLLWRNORM : 0);
    hal_lock_release(&e->lock);
    return events;
}

static struct kobject *eventfd_wait_on(struct file *f, unsigned events, zx_signals_t *signals)
{
    struct eventfd *e = f->private;
    *signals = (events & (POLLIN | POLLRDNORM) ? READABLE : 0) |
               (events & (POLLOUT | POLLWRNORM) ? WRITABLE : 0);
    return *signals ? e->event : NULL;
}

static void eventfd_release(struct file *f)
{
    struct eventfd *e = f->private;
    kobject_unref(e->event);
    kfree(e);
}

static const struct file_ops eventfd_ops = {
    .read = eventfd_read,
    .write = eventfd_write,
    .poll = eventfd_poll,
    .wait_on = eventfd_wait_on,
    .release = eventfd_release,
};

static int64_t linux_eventfd2(const uint64_t *arg)
{
    uint64_t flags = arg[1];
    if (flags & ~(uint64_t)(EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE))
        return -EINVAL;
    struct eventfd *e = kzalloc(sizeof *e);
    if (!e || event_create(&e->event) != ZX_OK) {
        kfree(e);
        return -ENOMEM;
    }
    hal_lock_init(&e->lock);
    e->count = (uint32_t)arg[0]; /* the initial value is an unsigned int */
    e->semaphore = flags & EFD_SEMAPHORE;
    signal_count(e);
    struct file *f = file_create(&eventfd_ops, O_RDWR | (flags & EFD_NONBLOCK ? O_NONBLOCK : 0), e);
    if (!f) {
        kobject_unref(e->event);
        kfree(e);
        return -ENOMEM;
    }
    int fd = fd_install(linux_current()->files, f, 0, flags & EFD_CLOEXEC);
    file_unref(f);
    return fd;
}
LINUX_SYSCALL(eventfd2, linux_eventfd2);

#ifdef __NR_eventfd /* x86_64 only: the older call, without flags */
static int64_t linux_eventfd(const uint64_t *arg)
{
    const uint64_t with_no_flags[2] = {arg[0], 0};
    return linux_eventfd2(with_no_flags);
}
LINUX_SYSCALL(eventfd, linux_eventfd);
#endif
