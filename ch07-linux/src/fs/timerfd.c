/*: # timerfd: a timer as a file

`timerfd_create` makes a file that becomes readable when a timer expires (timerfd_create(2)), so a
program can wait for a time and for its descriptors in the same `poll` or `epoll`. A read returns
an unsigned 64-bit count: how many times the timer expired since it was set or last read (more
than one for a periodic timer read late), and waits (or answers `-EAGAIN`) while that is zero.

Under it is chapter 5's timer object, which asserts `ZX_TIMER_SIGNALED` at a deadline: that signal
is what a reader or a poll waits on. The count is not kept by anybody as time passes: it is worked
out when asked, from the first expiry not yet read (`next`) and the interval. After a read, or a
`timerfd_settime`, the timer object is set for the new `next`.

The clock is `CLOCK_MONOTONIC`, `CLOCK_BOOTTIME` (the same here) or `CLOCK_REALTIME`, which runs at
a fixed distance from it (linux/time.c): an absolute time on any of them is one monotonic deadline.
*/
#include <linux/timerfd.h>
#include <string.h>

#include "fs/fd_table.h"
#include "kernel/kmalloc.h"
#include "linux/clock.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/timer.h"

#define NS 1000000000ull

struct timerfd {
    struct hal_lock lock; /* guards next and interval */
    uint64_t next;        /* the first expiry not yet read (monotonic), or 0: disarmed */
    uint64_t interval;    /* 0 for a timer that expires once */
    uint64_t clock;       /* the clock its absolute times are on */
    struct kobject *timer;
};

/* How many expiries came by now; with take, they are read: next moves past them. Under the lock. */
static uint64_t expiries(struct timerfd *t, uint64_t now, bool take)
{
    if (!t->next || now < t->next)
        return 0;
    uint64_t n = t->interval ? 1 + (now - t->next) / t->interval : 1;
    if (take) {
        t->next = t->interval ? t->next + n * t->interval : 0;
        if (t->next)
            timer_obj_set(t->timer, (zx_time_t)t->next, 0);
        else
            timer_obj_cancel(t->timer);
    }
    return n;
}

static int64_t timerfd_read(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    struct timerfd *t = f->private;
    if (len < sizeof(uint64_t))
        return -EINVAL;
    hal_lock_acquire(&t->lock);
    uint64_t n = expiries(t, hal_timer_now(), true);
    hal_lock_release(&t->lock);
    if (!n)
        return -EAGAIN;
    memcpy(buf, &n, sizeof n);
    return sizeof n;
}

static unsigned timerfd_poll(struct file *f)
{
    struct timerfd *t = f->private;
    hal_lock_acquire(&t->lock);
    uint64_t n = expiries(t, hal_timer_now(), false);
    hal_lock_release(&t->lock);
    return n ? POLLIN | POLLRDNORM : 0;
}

static struct kobject *timerfd_wait_on(struct file *f, unsigned events, zx_signals_t *signals)
{
    struct timerfd *t = f->private;
    *signals = events & (POLLIN | POLLRDNORM) ? ZX_TIMER_SIGNALED : 0;
    return *signals ? t->timer : NULL;
}

static void timerfd_release(struct file *f)
{
    struct timerfd *t = f->private;
    timer_obj_cancel(t->timer);
    kobject_unref(t->timer);
    kfree(t);
}

static const struct file_ops timerfd_ops = {
    .read = timerfd_read,
    .poll = timerfd_poll,
    .wait_on = timerfd_wait_on,
    .release = timerfd_release,
};

/* The timer of descriptor fd, with a reference to its file in *file; NULL with -EBADF or
   -EINVAL in *err. */
static struct timerfd *timerfd_of(int fd, struct file **file, int *err)
{
    *file = fd_get(linux_current()->files, fd);
    *err = *file ? -EINVAL : -EBADF;
    if (*file && (*file)->ops == &timerfd_ops)
        return (*file)->private;
    if (*file)
        file_unref(*file);
    return NULL;
}

static struct __kernel_timespec timespec_of(uint64_t ns)
{
    return (struct __kernel_timespec){(int64_t)(ns / NS), (int64_t)(ns % NS)};
}

/* The setting as timerfd_gettime answers it: the time left until next, and the interval. Under the
   lock. */
static struct __kernel_itimerspec setting(struct timerfd *t)
{
    uint64_t now = hal_timer_now(), left = 0;
    if (t->next && t->next > now)
        left = t->next - now;
    else if (t->next && t->interval) /* expired, unread: the time to the next period */
        left = t->interval - (now - t->next) % t->interval;
    return (struct __kernel_itimerspec){timespec_of(t->interval), timespec_of(left)};
}

/* timerfd_settime(fd, flags, new_value, old_value) */
static int64_t linux_timerfd_settime(const uint64_t *arg)
{
    struct __kernel_itimerspec want;
    uint64_t value, interval;
    if (arg[1] & ~(uint64_t)(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET))
        return -EINVAL;
    if (copy_from_user(&want, arg[2], sizeof want))
        return -EFAULT;
    if (linux_timespec_ns(&want.it_value, &value) ||
        linux_timespec_ns(&want.it_interval, &interval))
        return -EINVAL;
    struct file *f;
    int err;
    struct timerfd *t = timerfd_of((int)arg[0], &f, &err);
    if (!t)
        return err;
    hal_lock_acquire(&t->lock);
    struct __kernel_itimerspec old = setting(t);
    t->interval = value ? interval : 0;
    t->next = value ? linux_clock_deadline(t->clock, value, arg[1] & TFD_TIMER_ABSTIME) : 0;
    if (t->next == HAL_NO_DEADLINE)
        t->next = 0; /* further than the clock counts: never */
    if (t->next)
        timer_obj_set(t->timer, (zx_time_t)t->next, 0);
    else
        timer_obj_cancel(t->timer);
    hal_lock_release(&t->lock);
    file_unref(f);
    return arg[3] ? copy_to_user(arg[3], &old, sizeof old) : 0;
}
LINUX_SYSCALL(timerfd_settime, linux_timerfd_settime);

static int64_t linux_timerfd_gettime(const uint64_t *arg)
{
    struct file *f;
    int err;
    struct timerfd *t = timerfd_of((int)arg[0], &f, &err);
    if (!t)
        return err;
    hal_lock_acquire(&t->lock);
    struct __kernel_itimerspec now = setting(t);
    hal_lock_release(&t->lock);
    file_unref(f);
    return copy_to_user(arg[1], &now, sizeof now);
}
LINUX_SYSCALL(timerfd_gettime, linux_timerfd_gettime);

static int64_t linux_timerfd_create(const uint64_t *arg)
{
    uint64_t clock = arg[0], flags = arg[1];
    if (clock != LINUX_CLOCK_REALTIME && clock != LINUX_CLOCK_MONOTONIC &&
        clock != LINUX_CLOCK_BOOTTIME)
        return -EINVAL;
    if (flags & ~(uint64_t)(TFD_CLOEXEC | TFD_NONBLOCK))
        return -EINVAL;
    struct timerfd *t = kzalloc(sizeof *t);
    if (!t || timer_obj_create(ZX_TIMER_SLACK_CENTER, &t->timer) != ZX_OK) {
        kfree(t);
        return -ENOMEM;
    }
    hal_lock_init(&t->lock);
    t->clock = clock;
    struct file *f = file_create(&timerfd_ops, O_RDONLY | (flags & TFD_NONBLOCK), t);
    if (!f) {
        kobject_unref(t->timer);
        kfree(t);
        return -ENOMEM;
    }
    int fd = fd_install(linux_current()->files, f, 0, flags & TFD_CLOEXEC);
    file_unref(f);
    return fd;
}
LINUX_SYSCALL(timerfd_create, linux_timerfd_create);
