/*: # Testing eventfd, socket pairs, epoll and timerfd

The descriptors a program uses to talk to itself or to a child, to wait for a time, and to wait on
many of them, checked against what Linux does (this program ran on Linux first): an eventfd's
counter, its semaphore mode, its limits and its wake-ups; a socket pair's two directions, its ends
of file, its shutdowns and its errors; an epoll's list, its one-shot watches, its timeouts and its
errors; a timerfd's expiries, one-shot and periodic, relative and absolute.
Each blocking case has a child process do the other half after a short sleep, so that the parent
really waits. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

static void *volatile bad_address = (void *)8;

#define FAILS_WITH(call, e) ((call) == -1 && errno == (e))

static long ms_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

static void pause_ms(long ms)
{
    struct timespec ts = {0, ms * 1000000};
    nanosleep(&ts, NULL);
}

static uint64_t read_counter(int fd)
{
    uint64_t value = 0;
    return read(fd, &value, sizeof value) == sizeof value ? value : 0;
}

static int add_counter(int fd, uint64_t value)
{
    return write(fd, &value, sizeof value) == sizeof value;
}

static short revents(int fd, short events)
{
    struct pollfd p = {fd, events, 0};
    return poll(&p, 1, 0) == 1 ? p.revents : 0;
}

static void eventfd_cases(void)
{
    int fd = eventfd(0, EFD_NONBLOCK);
    check(fd >= 0, "eventfd makes a descriptor");
    check(add_counter(fd, 5) && add_counter(fd, 3) && read_counter(fd) == 8,
          "writes add to the counter, a read takes all of it");
    uint64_t value;
    check(FAILS_WITH(read(fd, &value, sizeof value), EAGAIN), "a read of zero is EAGAIN");
    check(revents(fd, POLLIN | POLLOUT) == POLLOUT, "at zero: writable, not readable");
    add_counter(fd, 1);
    check(revents(fd, POLLIN | POLLOUT) == (POLLIN | POLLOUT), "above zero: readable too");
    check(FAILS_WITH(read(fd, &value, 4), EINVAL), "a read of fewer than 8 bytes is EINVAL");
    check(FAILS_WITH(write(fd, &value, 4), EINVAL), "a write of fewer than 8 bytes is EINVAL");
    value = UINT64_MAX;
    check(FAILS_WITH(write(fd, &value, sizeof value), EINVAL), "adding 2^64 - 1 is EINVAL");
    read_counter(fd);
    check(add_counter(fd, UINT64_MAX - 1), "the counter holds up to 2^64 - 2");
    value = 1;
    check(FAILS_WITH(write(fd, &value, sizeof value), EAGAIN), "one more is EAGAIN");
    check(revents(fd, POLLOUT) == 0, "a full counter is not writable");
    check(FAILS_WITH(read(fd, bad_address, 8), EFAULT), "a read into a bad address is EFAULT");
    close(fd);

    fd = eventfd(7, EFD_NONBLOCK | EFD_SEMAPHORE);
    check(read_counter(fd) == 1 && read_counter(fd) == 1, "a semaphore's reads take one each");
    int left = 0;
    while (read_counter(fd) == 1)
        left++;
    check(left == 5 && errno == EAGAIN, "the initial value counts, then EAGAIN");
    close(fd);

    check(FAILS_WITH(eventfd(0, 0x40), EINVAL), "an unknown flag is EINVAL");
    fd = eventfd(0, EFD_CLOEXEC);
    check(fcntl(fd, F_GETFD) == FD_CLOEXEC, "EFD_CLOEXEC sets close-on-exec");

    pid_t child = fork();
    if (child == 0) {
        pause_ms(50);
        _exit(add_counter(fd, 42) ? 0 : 1);
    }
    check(read_counter(fd) == 42, "a blocking read waits for another process's write");
    int status;
    check(waitpid(child, &status, 0) == child && status == 0, "the writer exited cleanly");

    add_counter(fd, 1);
    child = fork();
    if (child == 0)
        _exit(add_counter(fd, UINT64_MAX - 1) ? 0 : 1); /* no room while 1 is there */
    pause_ms(50);
    check(waitpid(child, &status, WNOHANG) == 0, "a write that does not fit waits");
    check(read_counter(fd) == 1 && waitpid(child, &status, 0) == child && status == 0,
          "and adds its value once a read made room");
    child = fork();
    if (child == 0)
        _exit(add_counter(fd, 5) ? 0 : 1);
    pause_ms(50);
    kill(child, SIGKILL);
    check(waitpid(child, &status, 0) == child && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
          "a write waiting for room ends when its process is killed");
    close(fd);
}

static void socketpair_cases(void)
{
    int sv[2];
    char buf[16] = {0};
    check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0, "socketpair makes two descriptors");
    check(write(sv[0], "ping", 4) == 4 && read(sv[1], buf, sizeof buf) == 4 &&
              !memcmp(buf, "ping", 4),
          "what one end writes, the other reads");
    check(write(sv[1], "pong!", 5) == 5 && read(sv[0], buf, sizeof buf) == 5 &&
              !memcmp(buf, "pong!", 5),
          "and the other way");
    check(revents(sv[0], POLLIN | POLLOUT) == POLLOUT, "an empty end is writable only");
    write(sv[1], "abc", 3);
    int n = 0;
    check(ioctl(sv[0], FIONREAD, &n) == 0 && n == 3, "FIONREAD counts what an end can read");
    check(revents(sv[0], POLLIN) == POLLIN, "and poll says readable");
    read(sv[0], buf, sizeof buf);

    check(shutdown(sv[0], SHUT_WR) == 0, "shutdown(SHUT_WR)");
    check(read(sv[1], buf, sizeof buf) == 0, "the peer reads the end of file");
    check(FAILS_WITH(write(sv[0], "x", 1), EPIPE), "a write after SHUT_WR is EPIPE");
    check(write(sv[1], "back", 4) == 4 && read(sv[0], buf, sizeof buf) == 4,
          "the other direction still works");
    check(FAILS_WITH(shutdown(sv[0], 7), EINVAL), "shutdown with a bad how is EINVAL");
    close(sv[0]);
    check(read(sv[1], buf, sizeof buf) == 0, "a closed peer is the end of file");
    check(FAILS_WITH(write(sv[1], "x", 1), EPIPE), "a write to a closed peer is EPIPE");
    close(sv[1]);

    check(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) == 0,
          "socketpair with SOCK_NONBLOCK | SOCK_CLOEXEC");
    check(FAILS_WITH(read(sv[0], buf, sizeof buf), EAGAIN), "a non-blocking empty read: EAGAIN");
    check(fcntl(sv[1], F_GETFD) == FD_CLOEXEC, "SOCK_CLOEXEC sets close-on-exec");
    close(sv[0]);
    close(sv[1]);

    check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0, "a pair for two processes");
    pid_t child = fork();
    if (child == 0) {
        close(sv[0]);
        char got[8] = {0};
        ssize_t r = read(sv[1], got, sizeof got);
        _exit(r == 5 && write(sv[1], got, 5) == 5 ? 0 : 1);
    }
    close(sv[1]);
    pause_ms(50);
    check(write(sv[0], "hello", 5) == 5 && read(sv[0], buf, sizeof buf) == 5 &&
              !memcmp(buf, "hello", 5),
          "a child echoes what its parent sent");
    int status;
    check(waitpid(child, &status, 0) == child && status == 0, "the child exited cleanly");
    close(sv[0]);

    int p[2];
    pipe(p);
    check(FAILS_WITH(shutdown(p[0], SHUT_RD), ENOTSOCK), "a pipe is no socket");
    check(FAILS_WITH(shutdown(99, SHUT_RD), EBADF), "shutdown of a closed descriptor: EBADF");
    close(p[0]);
    close(p[1]);
    check(FAILS_WITH(socketpair(12345, SOCK_STREAM, 0, sv), EAFNOSUPPORT),
          "an unknown family is EAFNOSUPPORT");
    check(FAILS_WITH(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT),
          "socket of an unknown family is EAFNOSUPPORT");
    check(FAILS_WITH(socketpair(AF_UNIX, SOCK_STREAM | 0x10000, 0, sv), EINVAL),
          "an unknown type flag is EINVAL");
    check(FAILS_WITH(socketpair(AF_UNIX, SOCK_STREAM, 0, bad_address), EFAULT),
          "a bad address for the pair is EFAULT");
}

static int watch(int ep, int op, int fd, uint32_t events, uint64_t data)
{
    struct epoll_event e = {.events = events, .data.u64 = data};
    return epoll_ctl(ep, op, fd, &e);
}

static void epoll_cases(void)
{
    int ep = epoll_create1(EPOLL_CLOEXEC), p[2], q[2];
    struct epoll_event got[4];
    check(ep >= 0 && fcntl(ep, F_GETFD) == FD_CLOEXEC, "epoll_create1(EPOLL_CLOEXEC)");
    check(FAILS_WITH(epoll_create1(0x10), EINVAL), "an unknown flag is EINVAL");
    pipe(p);
    pipe(q);
    check(watch(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 7) == 0, "watch a pipe's read end");
    check(epoll_wait(ep, got, 4, 0) == 0, "nothing is ready yet");
    write(p[1], "x", 1);
    check(epoll_wait(ep, got, 4, 0) == 1 && got[0].events == EPOLLIN && got[0].data.u64 == 7,
          "a byte makes it ready, with its word");
    check(epoll_wait(ep, got, 4, 0) == 1, "and it stays ready until read (level-triggered)");
    check(FAILS_WITH(watch(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 0), EEXIST), "twice is EEXIST");
    check(FAILS_WITH(watch(ep, EPOLL_CTL_MOD, q[0], EPOLLIN, 0), ENOENT),
          "changing an unwatched descriptor is ENOENT");
    check(watch(ep, EPOLL_CTL_ADD, q[1], EPOLLOUT, 9) == 0 && epoll_wait(ep, got, 4, 0) == 2,
          "two ready descriptors");
    check(epoll_wait(ep, got, 1, 0) == 1, "maxevents bounds the answer");
    check(epoll_ctl(ep, EPOLL_CTL_DEL, q[1], NULL) == 0 && epoll_wait(ep, got, 4, 0) == 1,
          "EPOLL_CTL_DEL forgets a descriptor");

    check(watch(ep, EPOLL_CTL_MOD, p[0], EPOLLIN | EPOLLONESHOT, 8) == 0 &&
              epoll_wait(ep, got, 4, 0) == 1 && got[0].data.u64 == 8,
          "a one-shot watch fires");
    check(epoll_wait(ep, got, 4, 0) == 0, "once");
    check(watch(ep, EPOLL_CTL_MOD, p[0], EPOLLIN, 8) == 0 && epoll_wait(ep, got, 4, 0) == 1,
          "until EPOLL_CTL_MOD arms it again");
    struct pollfd pf = {ep, POLLIN, 0};
    check(poll(&pf, 1, 0) == 1 && pf.revents == POLLIN,
          "an epoll with a ready descriptor polls IN");
    close(p[1]);
    check(epoll_wait(ep, got, 4, 0) == 1 && got[0].events == (EPOLLIN | EPOLLHUP),
          "a pipe with no writer left: EPOLLHUP, whether asked or not");
    char c;
    read(p[0], &c, 1);
    close(p[0]);
    check(epoll_wait(ep, got, 4, 0) == 0, "a closed descriptor is forgotten");

    int fd = open("/tmp/epoll-file", O_CREAT | O_RDWR, 0644);
    check(FAILS_WITH(watch(ep, EPOLL_CTL_ADD, fd, EPOLLIN, 0), EPERM),
          "a regular file cannot be watched: EPERM");
    close(fd);
    unlink("/tmp/epoll-file");
    check(FAILS_WITH(watch(ep, EPOLL_CTL_ADD, ep, EPOLLIN, 0), EINVAL),
          "an epoll cannot watch itself: EINVAL");
    check(FAILS_WITH(watch(ep, EPOLL_CTL_ADD, 99, EPOLLIN, 0), EBADF), "a closed fd: EBADF");
    check(FAILS_WITH(watch(q[0], EPOLL_CTL_ADD, q[1], EPOLLIN, 0), EINVAL),
          "epoll_ctl on a pipe: EINVAL");
    check(FAILS_WITH(epoll_wait(q[0], got, 4, 0), EINVAL), "epoll_wait on a pipe: EINVAL");
    check(FAILS_WITH(epoll_wait(ep, got, 0, 0), EINVAL), "maxevents 0: EINVAL");
    check(FAILS_WITH(epoll_ctl(ep, EPOLL_CTL_ADD, q[0], bad_address), EFAULT),
          "a bad event pointer: EFAULT");

    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    watch(ep, EPOLL_CTL_ADD, q[0], EPOLLIN, 5);
    check(epoll_wait(ep, got, 4, 100) == 0 && ms_since(&start) >= 90,
          "a wait with nothing ready times out");
    pid_t child = fork();
    if (child == 0) {
        pause_ms(50);
        _exit(write(q[1], "y", 1) == 1 ? 0 : 1);
    }
    check(epoll_wait(ep, got, 4, -1) == 1 && got[0].data.u64 == 5,
          "a wait without timeout wakes for another process's write");
    check(FAILS_WITH(epoll_wait(ep, bad_address, 4, 0), EFAULT), "a bad events array: EFAULT");
    int status;
    waitpid(child, &status, 0);
    int efd = eventfd(0, 0);
    check(watch(ep, EPOLL_CTL_ADD, efd, EPOLLOUT, 6) == 0 && epoll_wait(ep, got, 4, 0) == 2,
          "an eventfd is writable");
    close(efd);
    close(q[0]);
    close(q[1]);
    close(ep);
}

static struct itimerspec in_ms(long value, long interval)
{
    struct itimerspec its = {{interval / 1000, interval % 1000 * 1000000},
                             {value / 1000, value % 1000 * 1000000}};
    return its;
}

static void timerfd_cases(void)
{
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    uint64_t n = 0;
    struct itimerspec its = in_ms(5, 5);
    check(fd >= 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC, "timerfd_create");
    check(FAILS_WITH(read(fd, &n, sizeof n), EAGAIN), "an unset timer never expires: EAGAIN");
    check(timerfd_gettime(fd, &its) == 0 && its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0 &&
              its.it_interval.tv_nsec == 0,
          "an unset timer's setting is all zero");

    struct itimerspec once = in_ms(200, 0); /* long enough that a busy machine sees it unexpired */
    check(timerfd_settime(fd, 0, &once, NULL) == 0, "set it 200 ms from now");
    check(revents(fd, POLLIN) == 0, "not readable before it expires");
    struct pollfd pf = {fd, POLLIN, 0};
    check(poll(&pf, 1, 1000) == 1 && pf.revents == POLLIN, "poll wakes when it expires");
    check(read(fd, &n, sizeof n) == sizeof n && n == 1, "a read counts one expiry");
    check(FAILS_WITH(read(fd, &n, sizeof n), EAGAIN), "and a one-shot timer is done");

    struct itimerspec periodic = in_ms(10, 10), old;
    timerfd_settime(fd, 0, &periodic, NULL);
    pause_ms(55);
    check(read(fd, &n, sizeof n) == sizeof n && n >= 4, "a periodic timer read late counts each");
    check(timerfd_gettime(fd, &its) == 0 && its.it_interval.tv_nsec == 10000000 &&
              its.it_value.tv_nsec > 0 && its.it_value.tv_nsec <= 10000000,
          "timerfd_gettime: the interval, and the time to the next expiry");
    struct itimerspec off = in_ms(0, 0);
    check(timerfd_settime(fd, 0, &off, &old) == 0 && old.it_interval.tv_nsec == 10000000,
          "a new setting returns the old one");
    pause_ms(20);
    check(FAILS_WITH(read(fd, &n, sizeof n), EAGAIN), "a zero value disarms it");
    check(FAILS_WITH(read(fd, &n, 4), EINVAL), "a read of fewer than 8 bytes is EINVAL");
    close(fd);

    fd = timerfd_create(CLOCK_REALTIME, 0);
    struct timespec now, start;
    clock_gettime(CLOCK_REALTIME, &now);
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct itimerspec at = {{0, 0}, {now.tv_sec, now.tv_nsec + 20000000}};
    if (at.it_value.tv_nsec >= 1000000000) {
        at.it_value.tv_sec++;
        at.it_value.tv_nsec -= 1000000000;
    }
    check(timerfd_settime(fd, TFD_TIMER_ABSTIME, &at, NULL) == 0,
          "set a CLOCK_REALTIME timer for a time of day");
    check(read(fd, &n, sizeof n) == sizeof n && n == 1 && ms_since(&start) >= 15,
          "a blocking read waits until that time");

    int ep = epoll_create1(0);
    struct epoll_event e = {.events = EPOLLIN, .data.u64 = 3}, got;
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
    once = in_ms(20, 0);
    timerfd_settime(fd, 0, &once, NULL);
    check(epoll_wait(ep, &got, 1, 1000) == 1 && got.data.u64 == 3, "epoll waits for a timerfd");
    close(ep);

    check(FAILS_WITH(timerfd_create(12345, 0), EINVAL), "an unknown clock is EINVAL");
    check(FAILS_WITH(timerfd_create(CLOCK_MONOTONIC, 0x4), EINVAL), "an unknown flag is EINVAL");
    struct itimerspec bad = {{0, 0}, {0, 1000000000}};
    check(FAILS_WITH(timerfd_settime(fd, 0, &bad, NULL), EINVAL), "a malformed time is EINVAL");
    check(FAILS_WITH(timerfd_settime(fd, 0, bad_address, NULL), EFAULT), "a bad pointer: EFAULT");
    int efd = eventfd(0, 0);
    check(FAILS_WITH(timerfd_settime(efd, 0, &once, NULL), EINVAL), "an eventfd is no timer");
    check(FAILS_WITH(timerfd_gettime(99, &its), EBADF), "a closed descriptor: EBADF");
    close(efd);
    close(fd);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    eventfd_cases();
    socketpair_cases();
    epoll_cases();
    timerfd_cases();
    return tap_done();
}
