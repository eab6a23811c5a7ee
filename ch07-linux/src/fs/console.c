/*: # The console, a terminal

A Linux program's descriptors 0, 1 and 2 start out on the console, the kernel's serial line, and it
is a terminal (fs/tty.h): what is typed is edited, echoed and turned into signals by the line
discipline before a program reads it, and `tcgetattr`, `tcsetattr`, `TIOCGWINSZ` and the ioctls of
job control work on it. Its line writes with `console_write`, like the kernel's own messages, and
signals the foreground group of the session it controls (fs/tty_session.c); `/dev/tty` opens it
for a process whose controlling terminal it is, and fails with `ENXIO` for any other.

Chapter 1's console keeps typed characters in a ring and tells no one that they came, and it has
one reader: the terminal. A *listener*, a task of the kernel's executor (exec/kernel_executor.h)
started when the console is first opened, looks at the ring every few milliseconds and hands what
it finds to `tty_receive`: every 10 ms while keys come, less and less often, down to every 80 ms,
while none do, since each look wakes a CPU (under QEMU's emulator, looking every 10 ms for ever
made the busybox suite a tenth slower). So `^C` reaches a program that is not reading, and a reader
has an object to wait on after all: the terminal's event, which it sets as input becomes readable.

Chapter 1's line is not a bare wire either. Its far end is a terminal emulator, the host's (through
LibOS, or QEMU's standard input and output), which turns each newline it is sent into carriage
return and newline; and chapter 1 already turns the carriage return typed for Enter into a newline.
So the console's settings say `ONLCR` and `ICRNL`, as a Linux terminal's do, but the terminal
leaves the newline on output to the far end (`far_end_adds_cr`): it would otherwise arrive as
`\r\r\n`, and every log of a test would carry carriage returns.

On a Linux machine whose console is its first serial line, that line is also `/dev/ttyS0`, and
asking it `TIOCGSERIAL` says so: a program that looks for the console's real name does that (busybox
`cttyhack`, which an init's table uses to give a shell the console as its controlling terminal). So
Zinc's console has that name too, and answers as a 16550A UART, which QEMU's serial lines are. */
#include <asm/errno.h>
#include <asm/ioctls.h>
#include <linux/serial.h>

#include "exec/kernel_executor.h"
#include "exec/sleep.h"
#include "fs/device.h"
#include "fs/tty.h"
#include "kernel/console.h"
#include "kernel/init.h"
#include "linux/uaccess.h"

/* How long the listener waits between two looks at the ring: soon after a key, for the keys that
   follow it, and longer and longer while none comes, since every look wakes a CPU. */
#define LISTEN_MIN_NS 10000000ull /* 10 ms: quicker than a typist */
#define LISTEN_MAX_NS 80000000ull /* 80 ms: still too soon for a person to notice */

static void line_write(struct tty *tty, const char *buf, size_t len)
{
    console_write(buf, len);
}

static const struct tty_line console_line = {
    .write = line_write,
    .signal = tty_signal_foreground,
    .far_end_adds_cr = true,
};

static struct tty console_tty;

/* The listener: a future that sleeps, hands what came to the terminal, and sleeps again. */
static struct {
    struct future base;
    struct sleep_future nap;
    struct task task;
    uint64_t interval; /* until the next look */
    uint32_t started;  /* atomic (a word: riscv64 has no byte-wide exchange) */
} listener;

static enum poll listen(struct future *f, struct waker w)
{
    while (future_poll(&listener.nap.base, w) == POLL_READY) {
        char chars[64];
        size_t n, got = 0;
        while ((n = console_read(chars, sizeof chars)) > 0) {
            tty_receive(&console_tty, chars, n);
            got += n;
        }
        uint64_t longer = listener.interval * 2;
        listener.interval = got ? LISTEN_MIN_NS : longer < LISTEN_MAX_NS ? longer : LISTEN_MAX_NS;
        sleep_future_init(&listener.nap, hal_timer_now() + listener.interval);
    }
    return POLL_PENDING;
}

static void start_listening(void)
{
    if (__atomic_exchange_n(&listener.started, 1, __ATOMIC_SEQ_CST))
        return;
    listener.base.poll = listen;
    listener.interval = LISTEN_MIN_NS;
    sleep_future_init(&listener.nap, 0);
    task_spawn(&kernel_executor, &listener.task, &listener.base);
}

static void console_init(void)
{
    tty_init(&console_tty, &console_line); /* without memory for its event, it cannot open */
}
INIT_STEP(console_init, INIT_LATE);

static int64_t console_file_read(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    int err = tty_check_read(&console_tty);
    return err ? err : tty_read(&console_tty, buf, len);
}

static int64_t console_file_write(struct file *f, const void *buf, size_t len, uint64_t *pos)
{
    int err = tty_check_write(&console_tty);
    return err ? err : tty_write(&console_tty, buf, len);
}

/* Always writable; readable when a read would not wait. */
static unsigned console_poll(struct file *f)
{
    return POLLOUT | POLLWRNORM | (tty_can_read(&console_tty) ? POLLIN | POLLRDNORM : 0);
}

static struct kobject *console_wait_on(struct file *f, unsigned events, zx_signals_t *signals)
{
    if (!(events & (POLLIN | POLLRDNORM)))
        return NULL; /* a write never waits */
    *signals = TTY_READABLE;
    return console_tty.readable;
}

#define PORT_16550A 4 /* Linux's <linux/serial_core.h> */

/* What TIOCGSERIAL says of the line: the first serial port, a 16550A at 115200 baud. */
static int64_t serial_info(uint64_t arg)
{
    struct serial_struct line = {.type = PORT_16550A, .xmit_fifo_size = 16, .baud_base = 115200};
    return copy_to_user(arg, &line, sizeof line);
}

static int64_t console_ioctl(struct file *f, unsigned cmd, uint64_t arg)
{
    if (cmd == TIOCGSERIAL)
        return serial_info(arg);
    return tty_ioctl(&console_tty, cmd, arg);
}

static const struct file_ops console_ops = {
    .read = console_file_read,
    .write = console_file_write,
    .poll = console_poll,
    .wait_on = console_wait_on,
    .ioctl = console_ioctl,
};

static int console_open(const struct device *d, uint32_t flags)
{
    if (!console_tty.readable)
        return -ENOMEM;
    start_listening();
    return tty_opened(&console_tty, flags);
}
DEVICE(console, 5, 1, &console_ops, .open = console_open);
DEVICE(ttyS0, 4, 64, &console_ops, .open = console_open);

static int controlling_terminal_open(const struct device *d, uint32_t flags)
{
    return tty_is_controlling(&console_tty) ? 0 : -ENXIO;
}
DEVICE(tty, 5, 0, &console_ops, .open = controlling_terminal_open);
