/*: # Tests of signals

Handlers, masks, siginfo, faults turned into signals, `SIGCHLD`, `sigsuspend`, `SA_RESTART` and the
default actions, checked case by case against what Linux does (the program passes on Linux first).
It prints TAP. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

static volatile sig_atomic_t got, got_signo, got_code, got_pid;
static volatile void *got_addr;
static sigjmp_buf escape;
static volatile int *volatile nowhere = (int *)16; /* the compiler cannot see it is bad */

static void count(int sig)
{
    got++;
    got_signo = sig;
}

static void record(int sig, siginfo_t *info, void *context)
{
    got++;
    got_signo = sig;
    got_code = info->si_code;
    got_pid = info->si_pid;
    got_addr = info->si_addr;
    (void)context;
}

static void leave(int sig, siginfo_t *info, void *context)
{
    got_signo = sig;
    got_code = info->si_code;
    got_addr = info->si_addr;
    (void)context;
    siglongjmp(escape, 1);
}

static void on(int sig, void (*handler)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = flags;
    sigaction(sig, &sa, NULL);
}

static void on_info(int sig, void (*handler)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = flags | SA_SIGINFO;
    sigaction(sig, &sa, NULL);
}

static void nap(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) && errno == EINTR)
        ;
}

static void test_handlers(void)
{
    got = 0;
    on(SIGUSR1, count, 0);
    kill(getpid(), SIGUSR1);
    check(got == 1 && got_signo == SIGUSR1, "a handler runs before kill returns");

    got = 0;
    on_info(SIGUSR2, record, 0);
    kill(getpid(), SIGUSR2);
    check(got == 1 && got_code == SI_USER && got_pid == getpid(),
          "SA_SIGINFO: si_code SI_USER and the sender's pid");

    double x = 1.5;
    got = 0;
    kill(getpid(), SIGUSR1);
    check(got == 1 && x * 2 == 3.0, "registers survive a handler");
}

static void test_masks(void)
{
    sigset_t set, old, pending;
    got = 0;
    on(SIGUSR1, count, 0);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    kill(getpid(), SIGUSR1);
    sigpending(&pending);
    check(got == 0 && sigismember(&pending, SIGUSR1), "a blocked signal stays pending");
    sigprocmask(SIG_SETMASK, &old, NULL);
    check(got == 1, "and is taken when unblocked");
    errno = 0;
    check(sigprocmask(42, &set, NULL) == -1 && errno == EINVAL, "sigprocmask: a bad how is EINVAL");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = count;
    check(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL,
          "sigaction: SIGKILL cannot be caught");
}

static void test_faults(void)
{
    on_info(SIGSEGV, leave, 0);
    got_signo = 0;
    if (!sigsetjmp(escape, 1))
        *nowhere = 1;
    check(got_signo == SIGSEGV && got_addr == (void *)16 && got_code == SEGV_MAPERR,
          "a fault is SIGSEGV to a handler, with the address; nothing there: SEGV_MAPERR");
    static const char constant[64] = "read only";
    got_signo = 0;
    if (!sigsetjmp(escape, 1))
        *(volatile char *)constant = 'x';
    check(got_signo == SIGSEGV && got_addr == constant && got_code == SEGV_ACCERR,
          "a write to read-only memory: SIGSEGV, SEGV_ACCERR");
    signal(SIGSEGV, SIG_DFL);
}

static void test_children(void)
{
    got = 0;
    on(SIGCHLD, count, 0);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, &old);
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    while (!got)
        sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);
    check(got == 1 && got_signo == SIGCHLD, "sigsuspend until the child's SIGCHLD");
    int status;
    waitpid(pid, &status, 0);
    signal(SIGCHLD, SIG_DFL);

    pid = fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    kill(pid, SIGTERM);
    check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
          "SIGTERM's default action ends the process");

    pid = fork();
    if (pid == 0) {
        signal(SIGTERM, SIG_IGN);
        kill(getpid(), SIGTERM);
        _exit(7);
    }
    check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 7,
          "an ignored signal does nothing");

    pid = fork();
    if (pid == 0) {
        on(SIGUSR1, count, SA_RESETHAND);
        kill(getpid(), SIGUSR1);
        kill(getpid(), SIGUSR1);
        _exit(8);
    }
    check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1,
          "SA_RESETHAND: the second signal takes the default action");
    int p[2];
    pipe(p);
    close(p[0]);
    pid = fork();
    if (pid == 0) {
        write(p[1], "x", 1);
        _exit(9);
    }
    check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
          "a write to a pipe nobody reads is SIGPIPE");
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    check(write(p[1], "x", 1) == -1 && errno == EPIPE, "and EPIPE once SIGPIPE is ignored");
    close(p[1]);
    signal(SIGPIPE, SIG_DFL);

    errno = 0;
    check(kill(pid, SIGTERM) == -1 && errno == ESRCH, "kill: a reaped pid is ESRCH");
    check(kill(getpid(), 1000) == -1 && errno == EINVAL, "kill: a bad signal is EINVAL");
    check(kill(getpid(), 0) == 0, "kill: signal 0 only checks");
    check(kill(INT_MIN, 0) == -1 && errno == ESRCH, "kill: pid INT_MIN, a group with no number, "
          "is ESRCH");
}

/* A child that signals its parent after a while, and one that ends later still. */
static pid_t signal_parent_after(long ms, int sig)
{
    pid_t pid = fork();
    if (pid == 0) {
        nap(ms);
        kill(getppid(), sig);
        _exit(0);
    }
    return pid;
}

static pid_t end_after(long ms)
{
    pid_t pid = fork();
    if (pid == 0) {
        nap(ms);
        _exit(3);
    }
    return pid;
}

static void test_interrupted_calls(void)
{
    int status;
    on(SIGUSR1, count, 0);
    pid_t slow = end_after(400), sender = signal_parent_after(100, SIGUSR1);
    errno = 0;
    check(waitpid(slow, &status, 0) == -1 && errno == EINTR, "a handler interrupts waitpid: EINTR");
    waitpid(slow, &status, 0);
    waitpid(sender, &status, 0);

    on(SIGUSR1, count, SA_RESTART);
    slow = end_after(400);
    sender = signal_parent_after(100, SIGUSR1);
    check(waitpid(slow, &status, 0) == slow && WEXITSTATUS(status) == 3,
          "with SA_RESTART, waitpid goes on");
    waitpid(sender, &status, 0);

    sender = signal_parent_after(100, SIGUSR1);
    struct timespec ts = {2, 0};
    errno = 0;
    check(nanosleep(&ts, &ts) == -1 && errno == EINTR,
          "nanosleep is interrupted even with SA_RESTART");
    waitpid(sender, &status, 0);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_handlers();
    test_masks();
    test_faults();
    test_children();
    test_interrupted_calls();
    return tap_done();
}
