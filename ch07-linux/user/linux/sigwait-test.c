/*: # Tests of queued signals, signal waits, timers and signalfd

`sigqueue` and the two calls under it, `rt_sigqueueinfo` and `rt_tgsigqueueinfo` (the sender's
siginfo reaches the receiver; forging a kernel's or `kill`'s code for another process is `EPERM`);
`sigwaitinfo` and `sigtimedwait` (a pending signal of the set taken with its siginfo, the timeout,
the interruption by a handler); `alarm`, `setitimer` and `getitimer` with `ITIMER_REAL`; and
`signalfd`, whose reads and polls see the pending signals of its mask; and the queueing of
real-time signals, each sent instance taken on its own, in order, up to a limit. Each case was
checked against Linux first (the program passes there). It prints TAP. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "elapsed.h"
#include "tap.h"

static volatile sig_atomic_t got, got_signo, got_code, got_pid, got_uid, got_value;

static void record(int sig, siginfo_t *info, void *context)
{
    got++;
    got_signo = sig;
    got_code = info->si_code;
    got_pid = info->si_pid;
    got_uid = (sig_atomic_t)info->si_uid;
    got_value = info->si_value.sival_int;
    (void)context;
}

static void catch_with_info(int sig)
{
    struct sigaction sa = {0};
    sa.sa_sigaction = record;
    sa.sa_flags = SA_SIGINFO;
    sigaction(sig, &sa, NULL);
    got = 0;
}

static sigset_t only(int sig)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    return set;
}

static void block(int sig)
{
    sigset_t set = only(sig);
    sigprocmask(SIG_BLOCK, &set, NULL);
}

static void unblock(int sig)
{
    sigset_t set = only(sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static long queueinfo(pid_t pid, int sig, int code)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_signo = sig;
    info.si_code = code;
    info.si_pid = getpid();
    return syscall(SYS_rt_sigqueueinfo, pid, sig, &info);
}

/* A child that sleeps until killed; its pid. */
static pid_t sleeper(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    return pid;
}

static void end(pid_t pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

/*: ## rt_sigqueueinfo and rt_tgsigqueueinfo */

static void test_sigqueue(void)
{
    catch_with_info(SIGUSR1);
    check(sigqueue(getpid(), SIGUSR1, (union sigval){.sival_int = 42}) == 0 && got == 1 &&
              got_code == SI_QUEUE && got_value == 42 && got_pid == getpid(),
          "sigqueue: the handler gets SI_QUEUE, the value and the sender's pid");

    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_code = -10;
    info.si_pid = 4321;
    info.si_uid = 77;
    info.si_value.sival_int = 7;
    got = 0;
    check(syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &info) == 0 && got == 1 &&
              got_code == -10 && got_pid == 4321 && got_uid == 77 && got_value == 7,
          "rt_sigqueueinfo: the siginfo the sender wrote reaches the handler");

    got = 0;
    check(queueinfo(getpid(), SIGUSR1, SI_USER) == 0 && got == 1 && got_code == SI_USER,
          "rt_sigqueueinfo: a process may give itself any code");

    pid_t child = sleeper();
    errno = 0;
    check(queueinfo(child, SIGUSR1, SI_USER) < 0 && errno == EPERM,
          "rt_sigqueueinfo: SI_USER for another process is EPERM");
    errno = 0;
    check(queueinfo(child, SIGUSR1, SI_TKILL) < 0 && errno == EPERM,
          "rt_sigqueueinfo: SI_TKILL for another process is EPERM");
    errno = 0;
    check(queueinfo(child, SIGUSR1, SI_KERNEL) < 0 && errno == EPERM,
          "rt_sigqueueinfo: SI_KERNEL for another process is EPERM");
    end(child);
    errno = 0;
    check(queueinfo(child, SIGUSR1, SI_QUEUE) < 0 && errno == ESRCH,
          "rt_sigqueueinfo: to a process that is gone is ESRCH");
    errno = 0;
    check(syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, (void *)16) < 0 && errno == EFAULT,
          "rt_sigqueueinfo: a bad siginfo pointer is EFAULT");

    memset(&info, 0, sizeof info);
    info.si_code = SI_QUEUE;
    info.si_value.sival_int = 99;
    got = 0;
    check(syscall(SYS_rt_tgsigqueueinfo, getpid(), gettid(), SIGUSR1, &info) == 0 && got == 1 &&
              got_code == SI_QUEUE && got_value == 99,
          "rt_tgsigqueueinfo: to the calling thread, with its value");
    signal(SIGUSR1, SIG_DFL);
}

/* The other thread: wait for SIGUSR2 (blocked in every thread) and keep its value. */
static void *take_usr2(void *arg)
{
    sigset_t set = only(SIGUSR2);
    siginfo_t info;
    int sig = sigwaitinfo(&set, &info);
    *(int *)arg = sig == SIGUSR2 && info.si_code == SI_QUEUE ? info.si_value.sival_int : -1;
    return NULL;
}

static volatile pid_t other_tid;

static void *say_tid_and_take_usr2(void *arg)
{
    other_tid = gettid();
    return take_usr2(arg);
}

static void test_tgsigqueueinfo_to_thread(void)
{
    block(SIGUSR2);
    int value = 0;
    other_tid = 0;
    pthread_t t;
    pthread_create(&t, NULL, say_tid_and_take_usr2, &value);
    while (!other_tid)
        pause_ms(1);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_code = SI_QUEUE;
    info.si_value.sival_int = 1234;
    long sent = syscall(SYS_rt_tgsigqueueinfo, getpid(), other_tid, SIGUSR2, &info);
    pthread_join(t, NULL);
    check(sent == 0 && value == 1234,
          "rt_tgsigqueueinfo: another thread's sigwaitinfo takes it, with its value");
    unblock(SIGUSR2);
}

/*: ## sigwaitinfo and sigtimedwait */

static void test_sigwaitinfo_pending(void)
{
    block(SIGUSR1);
    block(SIGUSR2);
    raise(SIGUSR2);
    sigset_t set = only(SIGUSR2), pending;
    siginfo_t info;
    memset(&info, 0, sizeof info);
    int sig = sigwaitinfo(&set, &info);
    check(sig == SIGUSR2 && info.si_signo == SIGUSR2 && info.si_pid == getpid(),
          "sigwaitinfo takes a pending blocked signal, with its siginfo");
    sigpending(&pending);
    check(!sigismember(&pending, SIGUSR2), "the signal taken is no longer pending");

    raise(SIGUSR2);
    raise(SIGUSR1);
    sigaddset(&set, SIGUSR1);
    int first = sigwaitinfo(&set, NULL), second = sigwaitinfo(&set, NULL);
    check(first == SIGUSR1 && second == SIGUSR2,
          "of several pending signals, the lowest is taken first");

    struct timespec zero = {0, 0}, start;
    errno = 0;
    check(sigtimedwait(&set, NULL, &zero) < 0 && errno == EAGAIN,
          "sigtimedwait with a zero timeout and none pending: EAGAIN at once");
    struct timespec short_time = {0, 50000000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    errno = 0;
    int r = sigtimedwait(&set, NULL, &short_time);
    long waited = ms_since(&start);
    check(r < 0 && errno == EAGAIN && waited >= 45 && waited < 2000,
          "sigtimedwait: the timeout passes, EAGAIN");
    struct timespec bad = {0, 2000000000};
    errno = 0;
    check(sigtimedwait(&set, NULL, &bad) < 0 && errno == EINVAL,
          "sigtimedwait: a malformed timeout is EINVAL");
    errno = 0;
    check(syscall(SYS_rt_sigtimedwait, (void *)16, NULL, &zero, 8) < 0 && errno == EFAULT,
          "rt_sigtimedwait: a bad set pointer is EFAULT");
    errno = 0;
    check(syscall(SYS_rt_sigtimedwait, &set, NULL, &zero, 4) < 0 && errno == EINVAL,
          "rt_sigtimedwait: a wrong set size is EINVAL");
    unblock(SIGUSR1);
    unblock(SIGUSR2);
}

static void test_sigwaitinfo_waits(void)
{
    block(SIGUSR1);
    pid_t parent = getpid(), child = fork();
    if (child == 0) {
        pause_ms(50);
        kill(parent, SIGUSR1);
        _exit(0);
    }
    sigset_t set = only(SIGUSR1);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    struct timespec five = {5, 0}, start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int sig = sigtimedwait(&set, &info, &five);
    check(sig == SIGUSR1 && info.si_code == SI_USER && info.si_pid == child &&
              ms_since(&start) < 4000,
          "sigtimedwait waits for a signal another process sends");
    waitpid(child, NULL, 0);

    catch_with_info(SIGUSR2);
    child = fork();
    if (child == 0) {
        pause_ms(50);
        kill(parent, SIGUSR2);
        _exit(0);
    }
    errno = 0; /* (the system call: musl's sigtimedwait calls it again after EINTR) */
    sig = syscall(SYS_rt_sigtimedwait, &set, &info, &five, 8);
    check(sig < 0 && errno == EINTR && got == 1 && got_signo == SIGUSR2,
          "sigtimedwait: an unblocked handled signal interrupts it, EINTR");
    waitpid(child, NULL, 0);
    signal(SIGUSR2, SIG_DFL);

    block(SIGCHLD);
    child = fork();
    if (child == 0)
        _exit(9);
    set = only(SIGCHLD);
    clock_gettime(CLOCK_MONOTONIC, &start);
    sig = sigtimedwait(&set, &info, &five); /* (a wake-up lost would show as the whole wait) */
    check(sig == SIGCHLD && info.si_code == CLD_EXITED && info.si_pid == child &&
              info.si_status == 9 && ms_since(&start) < 4000,
          "a blocked SIGCHLD is kept though ignored by default: sigwaitinfo takes it");
    waitpid(child, NULL, 0);
    unblock(SIGCHLD);
    unblock(SIGUSR1);
}

/*: ## alarm, setitimer and getitimer */

static void test_alarm(void)
{
    alarm(0);
    check(alarm(5) == 0 && alarm(0) == 5, "alarm answers the seconds the previous one had left");

    block(SIGALRM);
    struct itimerval it = {{0, 0}, {0, 50000}}, now;
    struct timespec start, five = {5, 0};
    /* The clock is read before the timer is set: a busy machine may stop the program for longer
       than the timer between two calls, so the time waited is measured from before the set. */
    clock_gettime(CLOCK_MONOTONIC, &start);
    setitimer(ITIMER_REAL, &it, NULL);
    getitimer(ITIMER_REAL, &now);
    check(now.it_value.tv_sec == 0 && now.it_value.tv_usec > 0 && now.it_value.tv_usec <= 50000 &&
              now.it_interval.tv_usec == 0,
          "getitimer: the time left, no more than was set");
    sigset_t set = only(SIGALRM);
    siginfo_t info;
    int sig = sigtimedwait(&set, &info, &five);
    long waited = ms_since(&start);
    check(sig == SIGALRM && info.si_code == SI_KERNEL && waited >= 40 && waited < 4000,
          "setitimer(ITIMER_REAL): SIGALRM when the time is up");
    getitimer(ITIMER_REAL, &now);
    check(now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0,
          "a timer without interval is disarmed once it fired");

    it = (struct itimerval){{0, 20000}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    int n = 0;
    while (n < 3 && sigtimedwait(&set, NULL, &five) == SIGALRM)
        n++;
    struct itimerval off = {{0, 0}, {0, 0}}, old;
    setitimer(ITIMER_REAL, &off, &old);
    check(n == 3 && old.it_interval.tv_usec == 20000, "an interval re-arms the timer");
    /* A fourth may have come before the timer was disarmed (a busy machine can take 20 ms between
       two calls): disarming does not take back a signal already pending, on Linux either, and a
       SIGALRM left pending would end the process when the cases below unblock it. */
    struct timespec zero = {0, 0};
    while (sigtimedwait(&set, NULL, &zero) == SIGALRM)
        ;
    getitimer(ITIMER_REAL, &now);
    check(now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0 && now.it_interval.tv_usec == 0,
          "setitimer with a zero value disarms it");
    it = (struct itimerval){{0, 0}, {0, 1000000}};
    errno = 0;
    check(setitimer(ITIMER_REAL, &it, NULL) < 0 && errno == EINVAL,
          "setitimer: a malformed time is EINVAL");
    unblock(SIGALRM);

    catch_with_info(SIGALRM);
    it = (struct itimerval){{0, 0}, {0, 30000}};
    setitimer(ITIMER_REAL, &it, NULL);
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (!got && ms_since(&start) < 5000)
        ; /* computing: no system call for the timer to come with */
    check(got == 1 && got_signo == SIGALRM, "SIGALRM reaches a process that is computing");

    got = 0;
    it.it_value.tv_usec = 100000;
    setitimer(ITIMER_REAL, &it, NULL);
    pid_t child = fork();
    if (child == 0) {
        getitimer(ITIMER_REAL, &now);
        _exit(now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0 ? 0 : 1);
    }
    int status;
    waitpid(child, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a fork's child has no timer");
    errno = 0;
    check(pause() < 0 && errno == EINTR && got == 1, "pause ends with the alarm's handler");
    signal(SIGALRM, SIG_DFL);
}

/*: ## signalfd */

static void test_signalfd(void)
{
    block(SIGUSR1);
    block(SIGUSR2);
    sigset_t set = only(SIGUSR1);
    int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    struct signalfd_siginfo si;
    errno = 0;
    check(fd >= 0 && read(fd, &si, sizeof si) < 0 && errno == EAGAIN,
          "signalfd: nothing pending, a non-blocking read is EAGAIN");
    struct pollfd p = {fd, POLLIN, 0};
    check(poll(&p, 1, 0) == 0, "signalfd: not readable while nothing of its mask is pending");
    raise(SIGUSR2);
    check(poll(&p, 1, 0) == 0, "signalfd: a signal outside its mask does not make it readable");
    sigqueue(getpid(), SIGUSR1, (union sigval){.sival_int = 5});
    check(poll(&p, 1, 0) == 1 && p.revents == POLLIN, "signalfd: readable once one is pending");
    memset(&si, 0, sizeof si);
    check(read(fd, &si, sizeof si) == sizeof si && si.ssi_signo == SIGUSR1 &&
              si.ssi_code == SI_QUEUE && si.ssi_pid == (uint32_t)getpid() && si.ssi_int == 5,
          "signalfd: a read takes it, as a struct signalfd_siginfo");
    errno = 0;
    check(read(fd, &si, 8) < 0 && errno == EINVAL, "signalfd: a read too small is EINVAL");
    sigset_t pending;
    sigpending(&pending);
    check(!sigismember(&pending, SIGUSR1) && sigismember(&pending, SIGUSR2),
          "signalfd: what it read is no longer pending, the rest is");

    set = only(SIGUSR2);
    check(signalfd(fd, &set, 0) == fd && read(fd, &si, sizeof si) == sizeof si &&
              si.ssi_signo == SIGUSR2,
          "signalfd on the descriptor again changes its mask");

    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd}, out;
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    pid_t parent = getpid(), child = fork();
    if (child == 0) {
        pause_ms(50);
        kill(parent, SIGUSR2);
        _exit(0);
    }
    int ready = epoll_wait(ep, &out, 1, 5000);
    check(ready == 1 && out.data.fd == fd && read(fd, &si, sizeof si) == sizeof si &&
              si.ssi_signo == SIGUSR2 && si.ssi_pid == (uint32_t)child,
          "signalfd: epoll_wait wakes when a signal of its mask comes");
    waitpid(child, NULL, 0);
    close(ep);
    close(fd);
    errno = 0;
    check(signalfd(0, &set, 0) < 0 && errno == EINVAL,
          "signalfd on a file that is not one: EINVAL");
    unblock(SIGUSR1);
    unblock(SIGUSR2);
}

/*: ## Real-time signals queue */

/* Take every instance of sig pending now, without waiting: how many, their values in values. */
static int take_all(int sig, int *values, int max)
{
    sigset_t set = only(sig);
    struct timespec zero = {0, 0};
    siginfo_t info;
    int n = 0;
    while (sigtimedwait(&set, &info, &zero) == sig) {
        if (n < max)
            values[n] = info.si_value.sival_int;
        n++;
    }
    return n;
}

/* Take one pending signal of set, waiting a second at most (not for ever: a test that fails must
   end). */
static int take_one(const sigset_t *set, siginfo_t *info)
{
    struct timespec second = {1, 0};
    return sigtimedwait(set, info, &second);
}

static void send_values(int sig, int from, int to)
{
    for (int v = from; v <= to; v++)
        sigqueue(getpid(), sig, (union sigval){.sival_int = v});
}

static void test_rt_queue(void)
{
    int values[8];
    block(SIGRTMIN);
    send_values(SIGRTMIN, 1, 3);
    check(take_all(SIGRTMIN, values, 8) == 3 && values[0] == 1 && values[1] == 2 && values[2] == 3,
          "three sigqueue of a blocked SIGRTMIN: three taken, in order, with their values");

    block(SIGUSR1);
    raise(SIGUSR1);
    raise(SIGUSR1);
    raise(SIGUSR1);
    check(take_all(SIGUSR1, values, 8) == 1, "a standard signal sent three times is taken once");
    unblock(SIGUSR1);

    block(SIGRTMIN + 2);
    sigqueue(getpid(), SIGRTMIN + 2, (union sigval){.sival_int = 20});
    sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = 10});
    sigqueue(getpid(), SIGRTMIN + 2, (union sigval){.sival_int = 21});
    sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = 11});
    sigset_t both = only(SIGRTMIN);
    sigaddset(&both, SIGRTMIN + 2);
    siginfo_t a, b, c, d;
    int sa = take_one(&both, &a), sb = take_one(&both, &b);
    int sc = take_one(&both, &c), sd = take_one(&both, &d);
    check(sa == SIGRTMIN && a.si_value.sival_int == 10 && sb == SIGRTMIN &&
              b.si_value.sival_int == 11 && sc == SIGRTMIN + 2 && c.si_value.sival_int == 20 &&
              sd == SIGRTMIN + 2 && d.si_value.sival_int == 21,
          "two real-time numbers: the lower first, each in the order sent");

    sigset_t pending;
    sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = 1});
    kill(getpid(), SIGRTMIN);
    sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = 3});
    int first = take_one(&both, &a), second = take_one(&both, &b);
    sigpending(&pending);
    int still = sigismember(&pending, SIGRTMIN);
    int third = take_one(&both, &c);
    sigpending(&pending);
    check(first == SIGRTMIN && a.si_code == SI_QUEUE && a.si_value.sival_int == 1 &&
              second == SIGRTMIN && b.si_code == SI_USER && third == SIGRTMIN &&
              c.si_code == SI_QUEUE && c.si_value.sival_int == 3 && still &&
              !sigismember(&pending, SIGRTMIN),
          "kill queues a real-time signal too; pending until the last instance is taken");
    syscall(SYS_tgkill, getpid(), gettid(), SIGRTMIN);
    syscall(SYS_tgkill, getpid(), gettid(), SIGRTMIN);
    check(take_all(SIGRTMIN, values, 8) == 2, "tgkill queues a real-time signal to a thread");
    unblock(SIGRTMIN + 2);
}

static volatile sig_atomic_t handled[8], handled_count;

static void record_value(int sig, siginfo_t *info, void *context)
{
    if (handled_count < 8)
        handled[handled_count] = info->si_value.sival_int;
    handled_count++;
    (void)sig, (void)context;
}

static void test_rt_queue_handler(void)
{
    struct sigaction sa = {0};
    sa.sa_sigaction = record_value;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN, &sa, NULL);
    handled_count = 0;
    block(SIGRTMIN);
    send_values(SIGRTMIN, 1, 3);
    unblock(SIGRTMIN);
    check(handled_count == 3 && handled[0] == 1 && handled[1] == 2 && handled[2] == 3,
          "unblocked, a real-time signal's handler runs once per instance, in order");
    signal(SIGRTMIN, SIG_DFL);

    block(SIGRTMIN);
    sigset_t set = only(SIGRTMIN);
    int fd = signalfd(-1, &set, SFD_NONBLOCK);
    send_values(SIGRTMIN, 4, 6);
    struct signalfd_siginfo si[4];
    memset(si, 0, sizeof si);
    check(read(fd, si, sizeof si) == 3 * sizeof si[0] && si[0].ssi_int == 4 && si[1].ssi_int == 5 &&
              si[2].ssi_int == 6 && si[2].ssi_code == SI_QUEUE,
          "signalfd: one read takes several instances of one real-time signal");
    close(fd);

    send_values(SIGRTMIN, 7, 8);
    syscall(SYS_tgkill, getpid(), gettid(), SIGRTMIN);
    signal(SIGRTMIN, SIG_IGN);
    signal(SIGRTMIN, SIG_DFL);
    int values[8];
    check(take_all(SIGRTMIN, values, 8) == 0,
          "ignoring a real-time signal drops its instances, the thread's too");
    unblock(SIGRTMIN);
}

/* In a child, which fills its queue: what held, as bits of its exit status. */
enum {
    LIMIT_EAGAIN = 1,
    LIMIT_KILL_OK = 2,
    LIMIT_TGKILL_EAGAIN = 4,
    LIMIT_ALL_TAKEN = 8
};

static int fill_the_queue(void)
{
    struct rlimit small = {200, 200}; /* Linux counts per user; Zinc has a fixed bound */
    setrlimit(RLIMIT_SIGPENDING, &small);
    block(SIGRTMIN);
    int sent = 0, result = 0;
    while (sent < 100000 && sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = sent}) == 0)
        sent++;
    if (sent > 0 && sent < 100000 && errno == EAGAIN)
        result |= LIMIT_EAGAIN;
    errno = 0;
    if (syscall(SYS_tgkill, getpid(), gettid(), SIGRTMIN) < 0 && errno == EAGAIN)
        result |= LIMIT_TGKILL_EAGAIN;
    if (kill(getpid(), SIGRTMIN) == 0)
        result |= LIMIT_KILL_OK; /* kill(2) knows no EAGAIN: the instance is lost, not refused */
    sigset_t set = only(SIGRTMIN);
    struct timespec zero = {0, 0};
    siginfo_t info;
    int taken = 0, in_order = 1;
    while (sigtimedwait(&set, &info, &zero) == SIGRTMIN) {
        in_order &= info.si_value.sival_int == taken;
        taken++;
    }
    if (taken == sent && in_order)
        result |= LIMIT_ALL_TAKEN;
    return result;
}

static void test_rt_queue_limit(void)
{
    pid_t child = fork();
    if (child == 0)
        _exit(fill_the_queue());
    int status = 0;
    waitpid(child, &status, 0);
    int held = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    check(held & LIMIT_EAGAIN, "sigqueue past the queue's limit: EAGAIN");
    check(held & LIMIT_TGKILL_EAGAIN, "tgkill of a real-time signal past the limit: EAGAIN");
    check(held & LIMIT_KILL_OK, "kill of a real-time signal past the limit: no error");
    check(held & LIMIT_ALL_TAKEN, "every instance queued up to the limit is taken, in order");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_sigqueue();
    test_tgsigqueueinfo_to_thread();
    test_sigwaitinfo_pending();
    test_sigwaitinfo_waits();
    test_alarm();
    test_signalfd();
    test_rt_queue();
    test_rt_queue_handler();
    test_rt_queue_limit();
    return tap_done();
}
