/*: # A terminal's ioctls

What `tcgetattr`, `tcsetattr` and the window size calls of a C library come down to. `TCSETS`,
`TCSETSW` and `TCSETSF` all set the settings; the second would first wait until the output is
written, which here it always is (the line writes as it is given), and the third also drops the
input not yet read (`tcsetattr(..., TCSAFLUSH)`, which programs use on entering raw mode so that
nothing typed before counts). `TIOCSWINSZ` tells the foreground group of a new size with `SIGWINCH`,
as Linux does, so that a full-screen program draws again. `FIONREAD` says how much a read would get:
in canonical mode, only the finished lines.

`TCFLSH` (`tcflush`) drops the input not yet read; output, written as it is given, has nothing to
drop. `TCSBRK` is `tcdrain`, which waits until the output is written (with an argument of 0,
`tcsendbreak`, a break, which the console's line has no way to send): both have nothing to do.

The ioctls that change the terminal are for its foreground group: one from a background group
stops that group with `SIGTTOU`, as fs/tty_session.c explains, before anything is done. The ioctls
of job control, about the session and its foreground group, are in fs/tty_session.c. */
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/signal.h>
#include <string.h>

#include "fs/tty.h"
#include "linux/uaccess.h"

static int64_t get_termios(struct tty *tty, uint64_t arg)
{
    hal_lock_acquire(&tty->lock);
    struct termios t = tty->termios;
    hal_lock_release(&tty->lock);
    return copy_to_user(arg, &t, sizeof t);
}

static int64_t set_termios(struct tty *tty, uint64_t arg, bool flush)
{
    struct termios t;
    int err = tty_check_change(tty);
    if (err)
        return err;
    if (copy_from_user(&t, arg, sizeof t))
        return -EFAULT;
    tty_set_termios(tty, &t, flush);
    return 0;
}

static int64_t set_window_size(struct tty *tty, uint64_t arg)
{
    struct window_size size;
    if (copy_from_user(&size, arg, sizeof size))
        return -EFAULT;
    hal_lock_acquire(&tty->lock);
    bool changed = memcmp(&size, &tty->size, sizeof size) != 0;
    tty->size = size;
    hal_lock_release(&tty->lock);
    if (changed)
        tty->line->signal(tty, SIGWINCH);
    return 0;
}

/* TCFLSH: what arg names, of TCIFLUSH, TCOFLUSH and TCIOFLUSH. */
static int64_t flush(struct tty *tty, uint64_t arg)
{
    int err = tty_check_change(tty);
    if (err)
        return err;
    if (arg != TCIFLUSH && arg != TCOFLUSH && arg != TCIOFLUSH)
        return -EINVAL;
    if (arg != TCOFLUSH)
        tty_flush_input(tty);
    return 0;
}

static int64_t get_window_size(struct tty *tty, uint64_t arg)
{
    hal_lock_acquire(&tty->lock);
    struct window_size size = tty->size;
    hal_lock_release(&tty->lock);
    return copy_to_user(arg, &size, sizeof size);
}

int64_t tty_ioctl(struct tty *tty, unsigned cmd, uint64_t arg)
{
    switch (cmd) {
    case TCGETS:
        return get_termios(tty, arg);
    case TCSETS:
    case TCSETSW:
        return set_termios(tty, arg, false);
    case TCSETSF:
        return set_termios(tty, arg, true);
    case TIOCGWINSZ:
        return get_window_size(tty, arg);
    case TIOCSWINSZ:
        return set_window_size(tty, arg);
    case TCFLSH:
        return flush(tty, arg);
    case TCSBRK:
    case TCSBRKP:
        return tty_check_change(tty);
    case FIONREAD: {
        int n = tty_input_count(tty);
        return copy_to_user(arg, &n, sizeof n);
    }
    case TIOCSTI: {
        char c;
        if (copy_from_user(&c, arg, 1))
            return -EFAULT;
        tty_receive(tty, &c, 1);
        return 0;
    }
    default:
        return tty_session_ioctl(tty, cmd, arg);
    }
}
