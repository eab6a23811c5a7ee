/*: # The console as a Linux file

A Linux program's descriptors 0, 1 and 2 start out on the console, the kernel's serial line, as a
terminal: `isatty` asks with the `TCGETS` ioctl and gets a terminal's settings, `TIOCGWINSZ` says 80
by 24. What the program writes goes to `console_write`, like the kernel's own messages.

Reading takes what the serial line has received. Chapter 1's console keeps typed characters in a
ring without telling anyone, so a read that finds nothing has no object to wait on: it answers
`-EAGAIN` with no `wait_on`, and the system call (linux/block.c) looks again a few milliseconds
later. `poll` looks the same way (fs/poll.h); since the ring cannot be peeked at, a poll that asks
takes one character out and keeps it, `waiting`, for the next read.

`/dev/tty` is the process's *controlling terminal*, which would be the console once a session
can own one (job control, the second part of this chapter). No process has one yet, so opening it
fails with `ENXIO`, as on Linux for a process without one: a shell that finds none turns job
control off. */
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <string.h>

#include "fs/device.h"
#include "kernel/console.h"
#include "linux/uaccess.h"

static struct hal_lock waiting_lock = HAL_LOCK_INIT;
static char waiting; /* a character poll took out of the ring; the lock */
static bool is_waiting;

static int64_t console_file_read(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    size_t n = 0;
    hal_lock_acquire(&waiting_lock);
    if (is_waiting) {
        *(char *)buf = waiting;
        is_waiting = false;
        n = 1;
    }
    hal_lock_release(&waiting_lock);
    n += console_read((char *)buf + n, len - n);
    return n ? (int64_t)n : -EAGAIN;
}

/* Always writable; readable once a character has come. */
static unsigned console_poll(struct file *f)
{
    hal_lock_acquire(&waiting_lock);
    if (!is_waiting)
        is_waiting = console_read(&waiting, 1) == 1;
    bool readable = is_waiting;
    hal_lock_release(&waiting_lock);
    return POLLOUT | POLLWRNORM | (readable ? POLLIN | POLLRDNORM : 0);
}

static int64_t console_file_write(struct file *f, const void *buf, size_t len, uint64_t *pos)
{
    console_write(buf, len);
    return (int64_t)len;
}

static int64_t console_ioctl(struct file *f, unsigned cmd, uint64_t arg)
{
    if (cmd == TCGETS) {
        struct termios t = {
            .c_iflag = ICRNL | IXON,
            .c_oflag = OPOST | ONLCR,
            .c_cflag = B38400 | CS8 | CREAD | HUPCL,
            .c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN,
        };
        return copy_to_user(arg, &t, sizeof t);
    }
    if (cmd == TCSETS || cmd == TCSETSW || cmd == TCSETSF)
        return 0; /* accepted; the serial line has no modes to change */
    if (cmd == TIOCGWINSZ) {
        struct winsize {
            uint16_t rows, cols, xpixel, ypixel;
        } w = {24, 80, 0, 0};
        return copy_to_user(arg, &w, sizeof w);
    }
    return -ENOTTY;
}

static const struct file_ops console_ops = {
    .read = console_file_read,
    .write = console_file_write,
    .poll = console_poll,
    .ioctl = console_ioctl,
};
DEVICE(console, 5, 1, &console_ops);

static int no_controlling_terminal(const struct device *d, uint32_t flags)
{
    return -ENXIO;
}
DEVICE(tty, 5, 0, &console_ops, .open = no_controlling_terminal);
