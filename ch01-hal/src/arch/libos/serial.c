/*: # LibOS: the serial line is standard output and input

When standard input is a terminal, it is the keyboard of Zinc's console, and the host's terminal
must not get in the way: by default it would echo each key, hold the keys back until Enter, and end
Zinc itself at `^C`. Zinc's own terminal (chapter 7) does all of that for its programs, and a shell
with line editing wants every key as it is pressed. So while Zinc runs, the host terminal is *raw*:
no echo, no lines (`ICANON`), no signals (`ISIG`: `^C` reaches Zinc as a character), no flow
control, keys as typed (no `ICRNL`: chapter 1's console turns the carriage return into a newline
itself). Output keeps the host's processing, which turns a newline into carriage return and newline,
as the kernel's own messages need.

Raw is no state to leave a person's terminal in, so the old settings come back on every way out:
an exit (a shutdown, or a panic, which shuts down: `atexit`); a fault of the kernel (context.c
calls `libos_serial_restore` before the process ends); and a host signal that ends the process
(`SIGHUP`, `SIGINT`, `SIGQUIT`, `SIGTERM`). Those signals every thread blocks, from the mask that
start-up sets before any thread exists, but one of their own that takes them with `sigwait`, puts
the terminal back, and ends the process with the signal as it would have ended. A handler could
not do it: it might run on a thread that is running a user program, whose thread pointer is the
program's and whose system calls the host hands to Zinc (context.c). Only `SIGKILL` leaves the
terminal raw; `stty sane` mends it. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include "libos.h"

static struct termios host_settings;
static bool host_raw; /* the host terminal is raw, and host_settings what it was */

void libos_serial_restore(void)
{
    if (host_raw)
        tcsetattr(STDIN_FILENO, TCSANOW, &host_settings);
}

static void *end_on_signal(void *ending)
{
    int sig;
    if (sigwait(ending, &sig) == 0) {
        libos_serial_restore();
        signal(sig, SIG_DFL);
        pthread_sigmask(SIG_UNBLOCK, ending, NULL);
        raise(sig);
    }
    return NULL;
}

void libos_serial_init(void)
{
    static sigset_t ending;
    pthread_t t;
    if (!isatty(STDIN_FILENO) || tcgetpgrp(STDIN_FILENO) != getpgrp() ||
        tcgetattr(STDIN_FILENO, &host_settings))
        return; /* no terminal, or one that belongs to another job: leave it be */
    sigemptyset(&ending);
    sigaddset(&ending, SIGHUP);
    sigaddset(&ending, SIGINT);
    sigaddset(&ending, SIGQUIT);
    sigaddset(&ending, SIGTERM);
    if (pthread_sigmask(SIG_BLOCK, &ending, NULL) ||
        pthread_create(&t, NULL, end_on_signal, &ending))
        return;
    pthread_detach(t);
    struct termios raw = host_settings;
    raw.c_lflag &= ~(ECHO | ICANON | ISIG | IEXTEN);
    raw.c_iflag &= ~(IXON | ICRNL);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    atexit(libos_serial_restore);
    host_raw = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
}

void hal_serial_write(const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(STDOUT_FILENO, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        buf += n;
        len -= n;
    }
}

size_t hal_serial_read(char *buf, size_t len)
{
    /* Read only what is waiting: a poll with no timeout first, so that this never blocks. */
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    if (poll(&p, 1, 0) != 1 || !(p.revents & POLLIN))
        return 0;
    ssize_t n = read(STDIN_FILENO, buf, len);
    return n > 0 ? (size_t)n : 0;
}
