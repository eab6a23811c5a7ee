/*: # Tests of stopping, continuing and the alternate signal stack

Job control's signals seen from a parent: a child stopped and continued (every thread of it),
what `waitpid` and `waitid` report of it and when `SIGCHLD` says so, the signals that discard each
other, a call (and a vfork) that a stop interrupts; then `sigaltstack`: its errors, a handler
running on the alternate stack, and a stack overflow caught there. Each case passes on Linux
first. It prints TAP. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "tap.h"

static volatile sig_atomic_t got, got_code, got_status, got_pid;

static void nap(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) && errno == EINTR)
        continue;
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

/* A child that runs setup (if any), then does nothing until a signal ends it; returned once it
   has run setup, so that what it set up holds for every signal sent to it. */
static pid_t waiting_child(void (*setup)(void))
{
    int p[2];
    char c;
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        if (setup)
            setup();
        write(p[1], "r", 1);
        for (;;)
            pause();
    }
    read(p[0], &c, 1);
    close(p[0]);
    close(p[1]);
    return pid;
}

/* A child that writes a byte to fd every 10 ms. */
static pid_t ticking_child(int fd)
{
    pid_t pid = fork();
    if (pid == 0)
        for (;;) {
            write(fd, "t", 1);
            nap(10);
        }
    return pid;
}

static int readable_within(int fd, int ms)
{
    struct pollfd p = {fd, POLLIN, 0};
    return poll(&p, 1, ms) == 1;
}

/* Read what fd has now. */
static void drain(int fd)
{
    char buf[64];
    while (readable_within(fd, 0))
        read(fd, buf, sizeof buf);
}

static void end_child(pid_t pid)
{
    int status;
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
}

static void test_stop_and_continue(void)
{
    int p[2], status = 0;
    pipe(p);
    pid_t pid = ticking_child(p[1]);
    kill(pid, SIGSTOP);
    check(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
              WSTOPSIG(status) == SIGSTOP,
          "SIGSTOP stops a child: waitpid with WUNTRACED sees WIFSTOPPED, SIGSTOP");
    drain(p[0]);
    check(!readable_within(p[0], 150), "a stopped child runs no code");
    check(waitpid(pid, &status, WUNTRACED | WNOHANG) == 0, "a stop is reported once");
    kill(pid, SIGCONT);
    check(waitpid(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status),
          "SIGCONT continues it: waitpid with WCONTINUED sees WIFCONTINUED");
    check(readable_within(p[0], 2000), "and it runs again");
    check(waitpid(pid, &status, WCONTINUED | WNOHANG) == 0, "a continue is reported once");
    kill(pid, SIGCONT);
    check(waitpid(pid, &status, WCONTINUED | WNOHANG) == 0,
          "SIGCONT to a running child reports nothing");
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGKILL);
    check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
          "SIGKILL ends a stopped child");
    close(p[0]);
    close(p[1]);
}

static int tick_fd;

static void *tick(void *arg)
{
    (void)arg;
    for (;;) {
        write(tick_fd, "t", 1);
        nap(10);
    }
    return NULL;
}

/* A child whose second thread ticks, while the first waits. */
static void test_threads_stop(void)
{
    int p[2], status = 0;
    pipe(p);
    tick_fd = p[1];
    pid_t pid = fork();
    if (pid == 0) {
        pthread_t t;
        pthread_create(&t, NULL, tick, NULL);
        for (;;)
            pause();
    }
    check(readable_within(p[0], 2000), "a child's second thread ticks");
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    nap(20); /* Zinc reports the stop when the first thread stops, the others a moment later */
    drain(p[0]);
    check(!readable_within(p[0], 150), "a stop stops every thread");
    kill(pid, SIGCONT);
    check(readable_within(p[0], 2000), "and a continue continues them");
    end_child(pid);
    close(p[0]);
    close(p[1]);
}

static void test_wait_reports(void)
{
    int status = 0;
    pid_t pid = waiting_child(NULL);
    kill(pid, SIGSTOP);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    check(waitid(P_PID, pid, &info, WSTOPPED | WNOWAIT) == 0 && info.si_pid == pid &&
              info.si_code == CLD_STOPPED && info.si_status == SIGSTOP,
          "waitid WSTOPPED: CLD_STOPPED and the signal");
    check(waitpid(pid, &status, WNOHANG) == 0, "waitpid without WUNTRACED does not see a stop");
    check(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
          "waitid's WNOWAIT left the stop to report");
    kill(pid, SIGCONT);
    memset(&info, 0, sizeof info);
    check(waitid(P_PID, pid, &info, WCONTINUED) == 0 && info.si_pid == pid &&
              info.si_code == CLD_CONTINUED && info.si_status == SIGCONT,
          "waitid WCONTINUED: CLD_CONTINUED and SIGCONT");
    end_child(pid);
}

static void record_child(int sig, siginfo_t *info, void *context)
{
    got++;
    got_code = info->si_code;
    got_status = info->si_status;
    got_pid = info->si_pid;
    (void)sig;
    (void)context;
}

/* Wait up to 2 s for a SIGCHLD: Linux sends the one of a continue once the child runs, which may
   be after the parent's wait has seen the continue. */
static void await_sigchld(void)
{
    for (int i = 0; i < 200 && !got; i++)
        nap(10);
}

static void test_sigchld(void)
{
    int status;
    on_info(SIGCHLD, record_child, SA_RESTART);
    pid_t pid = waiting_child(NULL);
    got = 0;
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    await_sigchld();
    check(got == 1 && got_code == CLD_STOPPED && got_status == SIGSTOP && got_pid == pid,
          "SIGCHLD tells of a stop: CLD_STOPPED, the signal and the child");
    got = 0;
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    await_sigchld();
    check(got == 1 && got_code == CLD_CONTINUED && got_status == SIGCONT,
          "SIGCHLD tells of a continue: CLD_CONTINUED");
    end_child(pid);

    on_info(SIGCHLD, record_child, SA_RESTART | SA_NOCLDSTOP);
    pid = waiting_child(NULL);
    got = 0;
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    nap(100);
    check(got == 0, "SA_NOCLDSTOP: no SIGCHLD for a stop or a continue");
    end_child(pid);
    check(got == 1 && got_code == CLD_KILLED, "SA_NOCLDSTOP: still one for the end");
    signal(SIGCHLD, SIG_DFL);
}

static volatile sig_atomic_t caught_tstp;

static void note_tstp(int sig)
{
    caught_tstp = sig;
}

static void exit_4(int sig)
{
    (void)sig;
    _exit(4);
}

/* A group of its own, with its parent outside: not an orphaned group, which Linux would not let
   SIGTSTP stop. */
static void new_group(void)
{
    setpgid(0, 0);
}

static void ignore_sigcont(void)
{
    signal(SIGCONT, SIG_IGN);
}

static void catch_sigcont(void)
{
    on(SIGCONT, exit_4, 0);
}

static void catch_sigusr1(void)
{
    on(SIGUSR1, exit_4, 0);
}

static void test_other_stop_signals(void)
{
    int status = 0;
    pid_t pid = waiting_child(new_group);
    kill(pid, SIGTSTP);
    check(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
              WSTOPSIG(status) == SIGTSTP,
          "SIGTSTP's default action stops too");
    end_child(pid);

    pid = fork();
    if (pid == 0) {
        on(SIGTSTP, note_tstp, 0);
        raise(SIGTSTP);
        _exit(caught_tstp == SIGTSTP ? 5 : 6);
    }
    check(waitpid(pid, &status, WUNTRACED) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 5,
          "a caught SIGTSTP runs its handler and stops nothing");

    pid = waiting_child(ignore_sigcont);
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGCONT);
    check(waitpid(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status),
          "SIGCONT continues a child that ignores it");
    end_child(pid);

    pid = waiting_child(catch_sigcont);
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGCONT);
    check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 4,
          "a caught SIGCONT runs its handler once the child runs");

    pid = waiting_child(catch_sigusr1);
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGUSR1);
    nap(100);
    check(waitpid(pid, &status, WNOHANG) == 0, "a stopped child takes no other signal");
    kill(pid, SIGCONT);
    check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 4,
          "it takes it once continued");
}

/* Whether, in a child that blocks both and raises first then second, only second is pending. */
static int pending_after(int first, int second)
{
    pid_t pid = fork();
    if (pid == 0) {
        on(SIGCONT, exit_4, 0); /* caught, so that a SIGCONT can be pending */
        sigset_t set, pending;
        sigemptyset(&set);
        sigaddset(&set, first);
        sigaddset(&set, second);
        sigprocmask(SIG_BLOCK, &set, NULL);
        raise(first);
        raise(second);
        sigpending(&pending);
        _exit(!sigismember(&pending, first) && sigismember(&pending, second) ? 0 : 1);
    }
    int status = 0;
    return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void test_discards(void)
{
    check(pending_after(SIGTSTP, SIGCONT), "SIGCONT discards a pending stop signal");
    check(pending_after(SIGCONT, SIGTSTP), "a stop signal discards a pending SIGCONT");
}

static void test_interrupted_call(void)
{
    int p[2], status = 0;
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[1]);
        char c = 0;
        ssize_t n = read(p[0], &c, 1);
        _exit(n == 1 && c == 'x' ? 0 : n < 0 && errno == EINTR ? 2 : 3);
    }
    close(p[0]);
    nap(50); /* long enough for the child to be in its read, most of the time */
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    write(p[1], "x", 1);
    check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "a read the stop interrupted goes on after the continue");
    close(p[1]);
}

/* A parent stopped and continued while vfork waits for its child's end: one child, one vfork. */
static void test_vfork_stopped(void)
{
    int status;
    pid_t parent = getpid(), helper = fork();
    if (helper == 0) {
        nap(100);
        kill(parent, SIGSTOP);
        nap(100);
        kill(parent, SIGCONT);
        _exit(0);
    }
    pid_t child = vfork();
    if (child == 0) {
        struct timespec ts = {0, 400000000}; /* no more than a vfork child may do: a call */
        nanosleep(&ts, NULL);
        _exit(7);
    }
    int reaped = 0, sevens = 0;
    pid_t pid;
    while ((pid = waitpid(-1, &status, 0)) > 0) {
        reaped++;
        sevens += WIFEXITED(status) && WEXITSTATUS(status) == 7;
    }
    check(child > 0 && reaped == 2 && sevens == 1,
          "a stop while vfork waits: the call goes on, and makes no second child");
}

/* The alternate stack, and what a handler saw of it. */
static char alt[16384] __attribute__((aligned(16))), other[16384];
static volatile uintptr_t handler_local;
static stack_t seen, seen_in_frame;
static volatile int change_refused;

static int on_alt(uintptr_t a)
{
    return a >= (uintptr_t)alt && a < (uintptr_t)alt + sizeof alt;
}

static void look_around(int sig, siginfo_t *info, void *context)
{
    char here;
    handler_local = (uintptr_t)&here;
    sigaltstack(NULL, &seen);
    stack_t ss = {.ss_sp = other, .ss_size = sizeof other};
    change_refused = sigaltstack(&ss, NULL) == -1 && errno == EPERM;
    seen_in_frame = ((ucontext_t *)context)->uc_stack;
    (void)sig;
    (void)info;
}

/* The call itself: musl's sigaltstack checks a few errors before the kernel can. */
static long raw_sigaltstack(const stack_t *ss, stack_t *old)
{
    return syscall(SYS_sigaltstack, ss, old);
}

static void test_altstack_calls(void)
{
    stack_t ss, old;
    memset(&old, 0, sizeof old);
    check(sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE,
          "sigaltstack: none at first (SS_DISABLE)");
    ss = (stack_t){.ss_sp = alt, .ss_size = 1024};
    errno = 0;
    check(raw_sigaltstack(&ss, NULL) == -1 && errno == ENOMEM,
          "sigaltstack: one smaller than MINSIGSTKSZ is ENOMEM");
    ss = (stack_t){.ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 42};
    errno = 0;
    check(raw_sigaltstack(&ss, NULL) == -1 && errno == EINVAL, "sigaltstack: bad flags are EINVAL");
    errno = 0;
    check(raw_sigaltstack((stack_t *)16, NULL) == -1 && errno == EFAULT,
          "sigaltstack: a bad pointer to the new stack is EFAULT");
    errno = 0;
    check(raw_sigaltstack(NULL, (stack_t *)16) == -1 && errno == EFAULT,
          "sigaltstack: a bad pointer for the old one is EFAULT");
    ss = (stack_t){.ss_sp = alt, .ss_size = sizeof alt};
    memset(&old, 0, sizeof old);
    check(sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &old) == 0 && old.ss_sp == alt &&
              old.ss_size == sizeof alt && old.ss_flags == 0,
          "sigaltstack: the stack set is the one read back");
    pid_t child = fork();
    if (child == 0) {
        memset(&old, 0, sizeof old);
        _exit(sigaltstack(NULL, &old) == 0 && old.ss_sp == alt && old.ss_size == sizeof alt ? 0
                                                                                            : 1);
    }
    int status;
    check(waitpid(child, &status, 0) == child && status == 0,
          "sigaltstack: a forked child keeps its parent's");
}

static void test_altstack_handlers(void)
{
    on_info(SIGUSR1, look_around, SA_ONSTACK);
    handler_local = 0;
    raise(SIGUSR1);
    check(on_alt(handler_local), "SA_ONSTACK: the handler runs on the alternate stack");
    check(seen.ss_flags == SS_ONSTACK, "where sigaltstack says SS_ONSTACK");
    check(change_refused, "and refuses to change it: EPERM");
    check(seen_in_frame.ss_sp == alt && seen_in_frame.ss_size == sizeof alt &&
              seen_in_frame.ss_flags == 0,
          "the frame's uc_stack is the alternate stack");

    on_info(SIGUSR1, look_around, 0);
    handler_local = 0;
    raise(SIGUSR1);
    check(handler_local && !on_alt(handler_local) && seen.ss_flags == 0,
          "without SA_ONSTACK the handler runs on the usual stack");

    stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt, .ss_flags = SS_AUTODISARM}, old;
    sigaltstack(&ss, NULL);
    on_info(SIGUSR1, look_around, SA_ONSTACK);
    handler_local = 0;
    raise(SIGUSR1);
    memset(&old, 0, sizeof old);
    sigaltstack(NULL, &old);
    check(on_alt(handler_local) && seen.ss_flags == SS_DISABLE && !change_refused,
          "SS_AUTODISARM: the handler runs there, the stack forgotten meanwhile");
    check(old.ss_sp == alt && old.ss_flags == (int)SS_AUTODISARM,
          "SS_AUTODISARM: the stack is back after the handler");

    ss = (stack_t){.ss_flags = SS_DISABLE};
    memset(&old, 0, sizeof old);
    check(sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE,
          "SS_DISABLE: no alternate stack any more");
    handler_local = 0;
    raise(SIGUSR1);
    check(handler_local && !on_alt(handler_local), "then SA_ONSTACK runs on the usual stack");
    signal(SIGUSR1, SIG_DFL);
}

static void overflow_caught(int sig, siginfo_t *info, void *context)
{
    char here;
    (void)info;
    (void)context;
    _exit(sig == SIGSEGV && on_alt((uintptr_t)&here) ? 0 : 2);
}

/* Deeper and deeper, with no way for the compiler to make it a loop. */
static int recurse(int depth)
{
    volatile char pad[1024];
    pad[0] = (char)depth;
    return depth < 1 << 30 ? recurse(depth + 1) + pad[0] : 0;
}

static void test_stack_overflow(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit small = {1 << 20, 1 << 20}; /* a quick overflow (Zinc's stack is 8 MiB) */
        setrlimit(RLIMIT_STACK, &small);
        stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt};
        sigaltstack(&ss, NULL);
        on_info(SIGSEGV, overflow_caught, SA_ONSTACK);
        _exit(recurse(0) ? 3 : 4);
    }
    int status = 0;
    check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "a stack overflow's SIGSEGV is caught on the alternate stack");

    pid = fork();
    if (pid == 0) {
        on_info(SIGSEGV, overflow_caught, 0);
        _exit(recurse(0) ? 3 : 4);
    }
    check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
          "without an alternate stack, it ends the process");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_stop_and_continue();
    test_threads_stop();
    test_wait_reports();
    test_sigchld();
    test_other_stop_signals();
    test_discards();
    test_interrupted_call();
    test_vfork_stopped();
    test_altstack_calls();
    test_altstack_handlers();
    test_stack_overflow();
    return tap_done();
}
