/*: # The console as a terminal: a test program

A Linux program that checks, from the outside, what fs/tty.c, fs/tty_ioctl.c and
fs/tty_session.c make of the console, printing TAP. It runs as the first process on the console,
so it leads the session the console controls. Its test (tests/tty-test.expect) types two lines once
the program asks for them: `hello terminal`, which a canonical read takes, and `xyz`, which is
still waiting when the program switches to raw mode and reads it a character at a time. What a
typed line cannot carry, control characters, the program types itself with `TIOCSTI`. Last, it
plays the shell to jobs of its own in the background, which write to the terminal or change it and
are stopped by `SIGTTOU` for it, and to a group no shell could continue, an orphaned one.

Each expectation is what Linux does, and the program passes on a Linux host too, run as the
leader of a session on a fresh pseudo-terminal with the same two lines typed:

    (sleep 1; printf 'hello terminal\nxyz\n'; sleep 3) |
        script -qfec "stty rows 24 cols 80; exec ./tty-test" /dev/null

(There `^C` also throws away the output not yet read from the pseudo-terminal, so the lines printed
just before it may be missing from the log; Zinc's console writes at once and has none to throw
away.) */
#define _GNU_SOURCE /* TIOCSTI and friends */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "tap.h"

#define FAILS_WITH(call, e) ((call) == -1 && errno == (e))

static void type(const char *chars)
{
    for (; *chars; chars++)
        ioctl(0, TIOCSTI, chars);
}

static void settings(void)
{
    struct termios t;
    check(isatty(0) && isatty(1) && isatty(2), "descriptors 0, 1 and 2 are a terminal");
    check(tcgetattr(0, &t) == 0, "tcgetattr");
    check((t.c_lflag & (ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN)) ==
              (ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN),
          "canonical mode, echo and signals by default");
    check((t.c_iflag & ICRNL) && (t.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR),
          "ICRNL and ONLCR by default");
    check(t.c_cc[VINTR] == 3 && t.c_cc[VQUIT] == 034 && t.c_cc[VERASE] == 0177 &&
              t.c_cc[VKILL] == 025 && t.c_cc[VEOF] == 4 && t.c_cc[VSUSP] == 032 &&
              t.c_cc[VWERASE] == 027 && t.c_cc[VMIN] == 1 && t.c_cc[VTIME] == 0,
          "the default special characters: ^C ^\\ ^? ^U ^D ^Z ^W, VMIN 1");
    struct winsize w;
    check(ioctl(1, TIOCGWINSZ, &w) == 0 && w.ws_row > 0 && w.ws_col > 0, "TIOCGWINSZ");
    int fd = open("/dev/null", O_RDONLY);
    check(!isatty(fd) && errno == ENOTTY, "/dev/null is no terminal: ENOTTY");
    close(fd);
}

static void session(void)
{
    check(getsid(0) == getpid(), "the first process leads its session");
    check(tcgetpgrp(0) == getpgrp(), "its group is the terminal's foreground group");
    check(tcgetsid(0) == getsid(0), "the terminal's session is its session");
    int fd = open("/dev/tty", O_RDWR);
    check(fd >= 0 && isatty(fd), "/dev/tty opens its controlling terminal");
    close(fd);
    check(ioctl(0, TIOCSCTTY, 0) == 0, "TIOCSCTTY on its own controlling terminal");
    check(FAILS_WITH(tcsetpgrp(0, 99999), ESRCH) || FAILS_WITH(tcsetpgrp(0, 99999), EPERM),
          "tcsetpgrp to no group fails");
}

static void typed_lines(void)
{
    char buf[64];
    printf("tty-test: type a line\n");
    fflush(stdout);
    ssize_t n = read(0, buf, sizeof buf);
    /* Print nothing until the second line is there, and so echoed: it would mix with the output. */
    struct pollfd p = {.fd = 0, .events = POLLIN};
    int second_line = poll(&p, 1, 5000) == 1 && (p.revents & POLLIN);
    check(n == 15 && !memcmp(buf, "hello terminal\n", 15), "a canonical read takes one line");
    check(second_line, "poll: the second line comes");
    int waiting = -1;
    check(ioctl(0, FIONREAD, &waiting) == 0 && waiting == 4, "FIONREAD counts it");

    struct termios cooked, raw;
    tcgetattr(0, &cooked);
    raw = cooked;
    raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    check(tcsetattr(0, TCSANOW, &raw) == 0, "tcsetattr: raw mode");
    struct termios now;
    check(tcgetattr(0, &now) == 0 && !(now.c_lflag & (ICANON | ECHO)), "tcgetattr says raw");
    char c = 0;
    check(read(0, &c, 1) == 1 && c == 'x', "a raw read of one character");
    n = read(0, buf, sizeof buf);
    check(n == 3 && !memcmp(buf, "yz\n", 3), "a raw read takes what is there");
    raw.c_cc[VMIN] = 0;
    tcsetattr(0, TCSANOW, &raw);
    check(read(0, buf, sizeof buf) == 0, "with VMIN 0 a read of nothing returns 0");
    check(tcsetattr(0, TCSAFLUSH, &cooked) == 0, "tcsetattr: canonical mode again");

    int flags = fcntl(0, F_GETFL);
    fcntl(0, F_SETFL, flags | O_NONBLOCK);
    check(FAILS_WITH(read(0, buf, sizeof buf), EAGAIN), "no line yet: a non-blocking read waits");
    fcntl(0, F_SETFL, flags);
}

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
    interrupted = sig;
}

static void control_characters(void)
{
    char buf[64];
    type("ab\177c\n");
    ssize_t n = read(0, buf, sizeof buf);
    check(n == 3 && !memcmp(buf, "ac\n", 3), "^? erases a character");
    type("one two\027three\n");
    n = read(0, buf, sizeof buf);
    check(n == 10 && !memcmp(buf, "one three\n", 10), "^W erases a word");
    type("\004");
    check(read(0, buf, sizeof buf) == 0, "^D on an empty line: the end of the file");
    signal(SIGINT, on_interrupt);
    type("lost\003");
    printf("\n"); /* after the echo of ^C, as a shell does */
    check(interrupted == SIGINT, "^C sends SIGINT to the foreground group");
    int waiting = -1;
    check(ioctl(0, FIONREAD, &waiting) == 0 && waiting == 0, "and drops the line");
    signal(SIGINT, SIG_DFL);
    type("dropped\n");
    check(tcflush(0, TCIFLUSH) == 0 && ioctl(0, FIONREAD, &waiting) == 0 && waiting == 0,
          "tcflush drops a line not yet read");
    check(FAILS_WITH(tcflush(0, 7), EINVAL), "tcflush of no queue: EINVAL");
}

/* Run fn in a child: its exit status (0 when all of its claims held). */
static int in_child(int (*fn)(void))
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(fn());
    int status = -1;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

static int outside_the_session(void)
{
    if (setsid() < 0)
        return 1;
    if (!FAILS_WITH(open("/dev/tty", O_RDWR), ENXIO))
        return 2;
    if (!FAILS_WITH(tcgetpgrp(0), ENOTTY))
        return 3;
    if (!FAILS_WITH(ioctl(0, TIOCSCTTY, 0), EPERM)) /* another session's */
        return 4;
    return 0;
}

static int not_a_leader(void)
{
    return FAILS_WITH(ioctl(0, TIOCSCTTY, 0), EPERM) ? 0 : 1;
}

/* A new session takes the terminal from the first process's (root may), then gives it up. */
static int steal_and_leave(void)
{
    signal(SIGHUP, SIG_IGN); /* what giving it up sends the foreground group: this one */
    if (setsid() < 0)
        return 1;
    if (ioctl(0, TIOCSCTTY, 1) != 0 || tcgetpgrp(0) != getpgrp())
        return 2;
    if (ioctl(0, TIOCNOTTY) != 0)
        return 3;
    return FAILS_WITH(open("/dev/tty", O_RDWR), ENXIO) ? 0 : 4;
}

static int waits(void)
{
    pause();
    return 0;
}

/* A group whose only process has ended, but is not reaped yet, still exists, as on Linux: a shell's
   later child of a pipeline joins it, and the shell gives it the terminal. */
static void zombie_group(void)
{
    pid_t leader = fork();
    if (leader == 0) {
        setpgid(0, 0);
        _exit(0);
    }
    siginfo_t info;
    waitid(P_PID, leader, &info, WEXITED | WNOWAIT); /* it has ended, and is not reaped */
    pid_t member = fork();
    if (member == 0)
        _exit(setpgid(0, leader) == 0 && getpgrp() == leader ? 0 : 1);
    int status = -1;
    waitpid(member, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "a process joins a group whose only other process is a zombie");
    check(tcsetpgrp(0, leader) == 0, "and the terminal goes to that group");
    tcsetpgrp(0, getpgrp());
    waitpid(leader, NULL, 0);
}

static void job_control(void)
{
    check(in_child(outside_the_session) == 0,
          "a new session has no controlling terminal: /dev/tty ENXIO, tcgetpgrp ENOTTY");
    check(in_child(not_a_leader) == 0, "TIOCSCTTY by a process that leads no session: EPERM");
    signal(SIGTTOU, SIG_IGN); /* as shells do: it may then take the terminal back */
    pid_t job = fork();
    if (job == 0)
        _exit(waits());
    setpgid(job, job);
    check(tcsetpgrp(0, job) == 0 && tcgetpgrp(0) == job, "tcsetpgrp: a job to the foreground");
    check(tcsetpgrp(0, getpgrp()) == 0 && tcgetpgrp(0) == getpgrp(), "and back");
    kill(job, SIGKILL);
    waitpid(job, NULL, 0);
    check(in_child(steal_and_leave) == 0,
          "another session takes the terminal (TIOCSCTTY 1), then leaves it (TIOCNOTTY)");
    check(FAILS_WITH(open("/dev/tty", O_RDWR), ENXIO), "the first process has lost it");
    check(ioctl(0, TIOCSCTTY, 0) == 0 && tcgetpgrp(0) == getpgrp(), "and takes it back");
    zombie_group();
}

/* A background job: fn run in a group of its own, which the terminal's foreground is not, with
   SIGTTOU back to its default (the test ignores it, as shells do, and a child inherits that). */
static pid_t background(int (*fn)(void))
{
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGTTOU, SIG_DFL);
        setpgid(0, 0);
        _exit(fn());
    }
    setpgid(pid, pid);
    return pid;
}

/* Has the job stopped, on signal sig? If it ended instead, it is reaped. */
static int stopped_by(pid_t job, int sig)
{
    int status = -1;
    return waitpid(job, &status, WUNTRACED) == job && WIFSTOPPED(status) && WSTOPSIG(status) == sig;
}

/* Wait for the job to end: its exit status, 100 when it did not exit, 101 when it stopped. */
static int exit_status(pid_t job)
{
    int status = -1;
    if (waitpid(job, &status, WUNTRACED) == job && WIFSTOPPED(status)) {
        kill(job, SIGKILL);
        waitpid(job, NULL, 0);
        return 101;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

/* Continue a stopped job in the foreground, as a shell's fg does: its exit status once it ends. */
static int to_foreground(pid_t job)
{
    tcsetpgrp(0, job);
    kill(-job, SIGCONT);
    int status = exit_status(job);
    tcsetpgrp(0, getpgrp());
    return status;
}

static const char job_line[] = "# a background job writes\n";

static int writes(void)
{
    return write(1, job_line, sizeof job_line - 1) == sizeof job_line - 1 ? 0 : 1;
}

static int writes_ignoring(void)
{
    signal(SIGTTOU, SIG_IGN);
    return writes();
}

static int writes_blocking(void)
{
    sigset_t ttou;
    sigemptyset(&ttou);
    sigaddset(&ttou, SIGTTOU);
    sigprocmask(SIG_BLOCK, &ttou, NULL);
    return writes();
}

static int sets_termios(void)
{
    struct termios t;
    return tcgetattr(0, &t) == 0 && tcsetattr(0, TCSANOW, &t) == 0 ? 0 : 1;
}

static int sets_foreground(void)
{
    return tcsetpgrp(0, getpgrp()) == 0 ? 0 : 1;
}

static int flushes(void)
{
    return tcflush(0, TCIFLUSH) == 0 ? 0 : 1;
}

static int drains(void)
{
    return tcdrain(1) == 0 ? 0 : 1;
}

static int sets_termios_ignoring(void)
{
    signal(SIGTTOU, SIG_IGN);
    return sets_termios();
}

static int sets_window_size(void)
{
    struct winsize w;
    return ioctl(0, TIOCGWINSZ, &w) == 0 && ioctl(0, TIOCSWINSZ, &w) == 0 ? 0 : 1;
}

static void set_tostop(int on)
{
    struct termios t;
    tcgetattr(0, &t);
    t.c_lflag = on ? t.c_lflag | TOSTOP : t.c_lflag & ~TOSTOP;
    tcsetattr(0, TCSANOW, &t);
}

/* Does a background job doing fn stop on SIGTTOU, and then, in the foreground, do it? */
static int stops_then_succeeds(int (*fn)(void))
{
    pid_t job = background(fn);
    return stopped_by(job, SIGTTOU) && to_foreground(job) == 0;
}

static void background_output(void)
{
    check(exit_status(background(writes)) == 0, "without TOSTOP a background job writes");
    set_tostop(1);
    check(stops_then_succeeds(writes),
          "with TOSTOP a background write stops the job (SIGTTOU), and is made in the foreground");
    check(exit_status(background(writes_ignoring)) == 0,
          "with TOSTOP a background job that ignores SIGTTOU writes");
    check(exit_status(background(writes_blocking)) == 0,
          "with TOSTOP a background job that blocks SIGTTOU writes");
    set_tostop(0);
    check(stops_then_succeeds(sets_termios), "a background tcsetattr stops the job (SIGTTOU)");
    check(stops_then_succeeds(sets_foreground), "a background tcsetpgrp stops the job (SIGTTOU)");
    check(stops_then_succeeds(flushes), "a background tcflush stops the job (SIGTTOU)");
    check(stops_then_succeeds(drains), "a background tcdrain stops the job (SIGTTOU)");
    check(exit_status(background(sets_termios_ignoring)) == 0,
          "a background job that ignores SIGTTOU may tcsetattr");
    check(exit_status(background(sets_window_size)) == 0,
          "a background TIOCSWINSZ goes ahead, as on Linux");
}

/* The failures of an orphaned group, as bits of an exit status. */
enum {
    ORPHAN_SETUP = 1,
    ORPHAN_READ = 2,
    ORPHAN_WRITE = 4,
    ORPHAN_TCSETATTR = 8,
    ORPHAN_TCSETPGRP = 16,
    ORPHAN_IGNORING = 32,
};

/* A new session takes the terminal and puts a job in its foreground: the session leader's own
   group is then a background group that no shell could continue, since no member's parent is in
   the session (the leader's is in the first process's): an orphaned group. */
static int orphaned(void)
{
    struct termios t;
    char c;
    signal(SIGTTOU, SIG_DFL);
    if (setsid() < 0 || ioctl(0, TIOCSCTTY, 1) != 0 || tcgetattr(0, &t) != 0)
        return ORPHAN_SETUP;
    pid_t front = fork();
    if (front == 0) {
        setpgid(0, 0);
        alarm(10);
        _exit(waits());
    }
    setpgid(front, front);
    t.c_lflag |= TOSTOP;
    if (tcsetattr(0, TCSANOW, &t) != 0 || tcsetpgrp(0, front) != 0)
        return ORPHAN_SETUP;
    int failed = 0;
    if (!FAILS_WITH(read(0, &c, 1), EIO))
        failed |= ORPHAN_READ;
    if (!FAILS_WITH(write(1, job_line, sizeof job_line - 1), EIO))
        failed |= ORPHAN_WRITE;
    if (!FAILS_WITH(tcsetattr(0, TCSANOW, &t), EIO))
        failed |= ORPHAN_TCSETATTR;
    if (!FAILS_WITH(tcsetpgrp(0, getpgrp()), ENOTTY))
        failed |= ORPHAN_TCSETPGRP;
    signal(SIGTTOU, SIG_IGN);
    t.c_lflag &= ~TOSTOP;
    if (writes() || tcsetattr(0, TCSANOW, &t) != 0)
        failed |= ORPHAN_IGNORING;
    kill(front, SIGKILL);
    waitpid(front, NULL, 0);
    return failed;
}

static void orphaned_group(void)
{
    pid_t leader = fork();
    if (leader == 0)
        _exit(orphaned());
    int failed = exit_status(leader);
    ioctl(0, TIOCSCTTY, 0); /* the terminal is free again: its session's leader has ended */
    set_tostop(0);
    check(failed < 100 && !(failed & ORPHAN_SETUP),
          "a new session takes the terminal and gives its foreground to a job");
    check(failed < 100 && !(failed & ORPHAN_READ), "an orphaned group's read: EIO");
    check(failed < 100 && !(failed & ORPHAN_WRITE), "its write under TOSTOP: EIO");
    check(failed < 100 && !(failed & ORPHAN_TCSETATTR), "its tcsetattr: EIO");
    check(failed < 100 && !(failed & ORPHAN_TCSETPGRP), "its tcsetpgrp: ENOTTY");
    check(failed < 100 && !(failed & ORPHAN_IGNORING),
          "ignoring SIGTTOU, it writes and sets the terminal");
    check(tcgetpgrp(0) == getpgrp(), "the first process takes the terminal back");
}

int main(void)
{
    settings();
    session();
    typed_lines();
    control_characters();
    job_control();
    background_output();
    orphaned_group();
    return tap_done();
}
