/*: # Descriptors, pipes, poll and devices: a test program

A Linux program that checks the calls of fs/fd_calls.c, fs/pipe.c, fs/poll.c, fs/select.c,
fs/sendfile.c and the devices, printing TAP. Every expectation was first checked on Linux itself:
the program passes there too, which is what makes it a test of *Linux* semantics and not of Zinc's
idea of them. There is no `fork` yet, so both ends of each pipe are in this one process, and a call
that would block for ever is only ever made where it cannot (non-blocking, or with data waiting).

Linux kills a process that writes to a pipe with no reader with `SIGPIPE` unless it ignores the
signal; the program ignores it (on Zinc, which has no signals yet, that call fails and changes
nothing). */
#define _GNU_SOURCE /* ppoll */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "elapsed.h"
#include "tap.h"

/* An address never mapped; volatile, so that the compiler does not see it is bad. */
static void *volatile bad_address = (void *)8;

/* -1 with errno e: how a failed call is checked. */
#define FAILS_WITH(call, e) ((call) == -1 && errno == (e))

static int pipe_or_die(int fds[2], int flags)
{
    if (pipe2(fds, flags) == 0)
        return 0;
    printf("Bail out! pipe2: %s\n", strerror(errno));
    _exit(1);
}

/* Fill a non-blocking pipe's write end until EAGAIN: the bytes it took. */
static long fill(int w)
{
    static char block[4096];
    long total = 0, n;
    while ((n = write(w, block, sizeof block)) > 0)
        total += n;
    while ((n = write(w, block, 1)) > 0)
        total += n;
    return n < 0 && errno == EAGAIN ? total : -1;
}

static void test_dup(void)
{
    int p[2];
    pipe_or_die(p, 0);
    int d = dup(p[1]);
    check(d == p[1] + 1, "dup gives the lowest free descriptor");
    close(d);
    check(FAILS_WITH(dup(-1), EBADF), "dup of -1 is EBADF");
    check(FAILS_WITH(dup(999), EBADF), "dup of a closed descriptor is EBADF");
    check(dup2(p[0], p[0]) == p[0], "dup2 onto itself returns the descriptor");
    check(FAILS_WITH(dup2(999, 999), EBADF), "dup2 of a closed descriptor onto itself is EBADF");
    check(FAILS_WITH(dup2(p[0], -1), EBADF), "dup2 onto -1 is EBADF");
    check(FAILS_WITH(dup2(p[0], INT_MAX), EBADF), "dup2 onto a huge descriptor is EBADF");
    /* dup2 onto an open descriptor closes it and names the same pipe */
    int other[2];
    pipe_or_die(other, 0);
    char c = 0;
    check(dup2(p[1], other[1]) == other[1] && write(other[1], "x", 1) == 1 &&
              read(p[0], &c, 1) == 1 && c == 'x',
          "dup2 onto an open descriptor replaces it");
    check(FAILS_WITH(dup3(p[0], p[0], 0), EINVAL), "dup3 onto itself is EINVAL");
    /* musl's dup3 calls dup2 when O_CLOEXEC is not asked: the call itself, then */
    check(FAILS_WITH(syscall(SYS_dup3, p[0], 50, 0x1234), EINVAL),
          "dup3 with unknown flags is EINVAL");
    check(dup3(p[0], 50, O_CLOEXEC) == 50 && fcntl(50, F_GETFD) == FD_CLOEXEC,
          "dup3 with O_CLOEXEC sets close-on-exec");
    d = dup(50);
    check(d >= 0 && fcntl(d, F_GETFD) == 0, "dup does not copy close-on-exec");
    close(d);
    close(50);
    close(other[0]);
    close(other[1]);
    close(p[0]);
    close(p[1]);
}

static void test_fcntl(void)
{
    int p[2];
    pipe_or_die(p, 0);
    check(fcntl(p[0], F_DUPFD, 40) == 40, "F_DUPFD gives the lowest free descriptor >= arg");
    check(fcntl(p[0], F_DUPFD, 40) == 41, "F_DUPFD skips a used one");
    check(fcntl(p[0], F_DUPFD_CLOEXEC, 40) == 42 && fcntl(42, F_GETFD) == FD_CLOEXEC,
          "F_DUPFD_CLOEXEC sets close-on-exec");
    check(FAILS_WITH(fcntl(p[0], F_DUPFD, INT_MAX), EINVAL), "F_DUPFD beyond the limit is EINVAL");
    check(fcntl(40, F_SETFD, FD_CLOEXEC) == 0 && fcntl(40, F_GETFD) == FD_CLOEXEC &&
              fcntl(41, F_GETFD) == 0,
          "F_SETFD is the descriptor's own");
    check((fcntl(p[0], F_GETFL) & O_ACCMODE) == O_RDONLY &&
              (fcntl(p[1], F_GETFL) & O_ACCMODE) == O_WRONLY,
          "F_GETFL gives a pipe's access modes");
    check(fcntl(p[0], F_SETFL, O_NONBLOCK | O_RDWR) == 0 &&
              fcntl(p[0], F_GETFL) == (O_RDONLY | O_NONBLOCK),
          "F_SETFL sets O_NONBLOCK and leaves the access mode");
    check(fcntl(41, F_GETFL) & O_NONBLOCK, "O_NONBLOCK is shared by dup'ed descriptors");
    check(fcntl(p[0], F_SETFL, 0) == 0 && !(fcntl(40, F_GETFL) & O_NONBLOCK),
          "F_SETFL clears O_NONBLOCK");
    check(FAILS_WITH(fcntl(p[0], 9999), EINVAL), "an unknown fcntl command is EINVAL");
    check(FAILS_WITH(fcntl(999, F_GETFD), EBADF), "fcntl on a closed descriptor is EBADF");
    struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    check(fcntl(p[1], F_SETLK, &lock) == 0, "F_SETLK grants a lock");
    check(FAILS_WITH(fcntl(p[1], F_SETLK, bad_address), EFAULT),
          "F_SETLK of a bad address is EFAULT");
    int on = 1;
    check(ioctl(p[0], FIONBIO, &on) == 0 && (fcntl(p[0], F_GETFL) & O_NONBLOCK),
          "FIONBIO sets O_NONBLOCK");
    on = 0;
    check(ioctl(p[0], FIONBIO, &on) == 0 && !(fcntl(p[0], F_GETFL) & O_NONBLOCK),
          "FIONBIO clears O_NONBLOCK");
    check(ioctl(40, FIONCLEX) == 0 && fcntl(40, F_GETFD) == 0 && ioctl(40, FIOCLEX) == 0 &&
              fcntl(40, F_GETFD) == FD_CLOEXEC,
          "FIONCLEX and FIOCLEX");
    struct termios t;
    check(FAILS_WITH(ioctl(p[0], TCGETS, &t), ENOTTY), "TCGETS on a pipe is ENOTTY");
    check(FAILS_WITH(ioctl(999, FIONBIO, &on), EBADF), "ioctl on a closed descriptor is EBADF");
    int held = -1;
    check(write(p[1], "abc", 3) == 3 && ioctl(p[0], FIONREAD, &held) == 0 && held == 3,
          "FIONREAD says how many bytes a pipe holds");
    check(close(41) == 0 && FAILS_WITH(close(41), EBADF), "close twice is EBADF the second time");
    check(syscall(SYS_close_range, 40, 60, 0) == 0 && FAILS_WITH(fcntl(40, F_GETFD), EBADF) &&
              FAILS_WITH(fcntl(42, F_GETFD), EBADF) && fcntl(p[0], F_GETFD) == 0,
          "close_range closes the range only");
    check(FAILS_WITH(syscall(SYS_close_range, 5, 4, 0), EINVAL), "close_range backwards is EINVAL");
    close(p[0]);
    close(p[1]);
}

static void test_pipe(void)
{
    int p[2];
    char buf[64];
    check(FAILS_WITH(pipe(bad_address), EFAULT), "pipe to a bad address is EFAULT");
    check(FAILS_WITH(pipe2(p, 0x10), EINVAL), "pipe2 with unknown flags is EINVAL");
    pipe_or_die(p, O_CLOEXEC);
    check(fcntl(p[0], F_GETFD) == FD_CLOEXEC && fcntl(p[1], F_GETFD) == FD_CLOEXEC,
          "pipe2 O_CLOEXEC marks both ends");
    check(!(fcntl(p[0], F_GETFL) & O_NONBLOCK), "a pipe blocks unless asked");
    check(write(p[1], "hello", 5) == 5 && read(p[0], buf, 3) == 3 && !memcmp(buf, "hel", 3),
          "a read takes what was written, in order");
    check(read(p[0], buf, sizeof buf) == 2 && !memcmp(buf, "lo", 2), "a read takes the rest");
    check(read(p[0], buf, 0) == 0, "a read of nothing returns at once");
    check(FAILS_WITH(write(p[0], "x", 1), EBADF), "writing the read end is EBADF");
    check(FAILS_WITH(read(p[1], buf, 1), EBADF), "reading the write end is EBADF");
    check(write(p[1], "z", 1) == 1 && FAILS_WITH(read(p[0], bad_address, 1), EFAULT),
          "a read into a bad address is EFAULT");
    close(p[0]);
    close(p[1]);

    pipe_or_die(p, O_NONBLOCK);
    check(fcntl(p[0], F_GETFL) & O_NONBLOCK, "pipe2 O_NONBLOCK");
    check(FAILS_WITH(read(p[0], buf, 1), EAGAIN), "a non-blocking read of an empty pipe: EAGAIN");
    long capacity = fill(p[1]);
    printf("# pipe capacity: %ld bytes\n", capacity);
    check(capacity >= 4096, "a pipe holds at least PIPE_BUF bytes");
    check(FAILS_WITH(write(p[1], "x", 1), EAGAIN), "a non-blocking write to a full pipe: EAGAIN");
    static char drain[4096];
    check(read(p[0], buf, 10) == 10 && FAILS_WITH(write(p[1], drain, 4096), EAGAIN),
          "an atomic write waits for room for all of it");
    close(p[1]);
    long left = capacity - 10, n;
    while ((n = read(p[0], drain, sizeof drain)) > 0)
        left -= n;
    check(n == 0 && left == 0, "every byte is read, then end of file");
    check(read(p[0], buf, 1) == 0, "end of file stays");
    close(p[0]);

    pipe_or_die(p, 0);
    close(p[0]);
    check(FAILS_WITH(write(p[1], "x", 1), EPIPE), "a write with no reader is EPIPE");
    close(p[1]);
}

static void test_poll(void)
{
    int p[2];
    pipe_or_die(p, O_NONBLOCK);
    struct pollfd f[3] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}, {-1, POLLIN, 7}};
    check(poll(f, 1, 0) == 0 && f[0].revents == 0, "poll of an empty pipe: nothing");
    check(poll(f, 3, 0) == 1 && f[1].revents == POLLOUT && f[2].revents == 0,
          "poll: a pipe with room is writable; a negative descriptor is skipped");
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int r = poll(f, 1, 50);
    long waited = ms_since(&start);
    printf("# poll waited %ld ms for 50\n", waited);
    check(r == 0 && waited >= 45 && waited < 1000, "poll's timeout");
    write(p[1], "x", 1);
    check(poll(f, 1, -1) == 1 && f[0].revents == POLLIN, "poll: a pipe with data is readable");
    fill(p[1]);
    check(poll(&f[1], 1, 0) == 0, "poll: a full pipe is not writable");
    struct pollfd bad = {999, POLLIN, 0};
    check(poll(&bad, 1, 0) == 1 && bad.revents == POLLNVAL,
          "poll: a closed descriptor is POLLNVAL");
    check(FAILS_WITH(poll(f, 1 << 20, 0), EINVAL), "poll of too many descriptors is EINVAL");
    check(FAILS_WITH(poll(bad_address, 1, 0), EFAULT), "poll of a bad address is EFAULT");
    struct timespec zero = {0, 0}, bad_time = {0, 2000000000};
    check(ppoll(f, 2, &zero, NULL) == 1 && f[0].revents == POLLIN, "ppoll");
    check(FAILS_WITH(ppoll(f, 1, &bad_time, NULL), EINVAL), "ppoll of a malformed time is EINVAL");
    close(p[1]);
    struct pollfd hup = {p[0], 0, 0};
    check(poll(&hup, 1, 0) == 1 && hup.revents == POLLHUP,
          "poll: the read end is hung up once the writer is gone");
    close(p[0]);
    pipe_or_die(p, 0);
    close(p[0]);
    struct pollfd err = {p[1], POLLOUT, 0};
    check(poll(&err, 1, 0) == 1 && (err.revents & POLLERR), "poll: no reader is POLLERR");
    close(p[1]);
    struct pollfd out = {1, POLLOUT, 0};
    check(poll(&out, 1, 0) == 1 && out.revents == POLLOUT, "poll: standard output is writable");
}

static void test_select(void)
{
    int p[2];
    pipe_or_die(p, O_NONBLOCK);
    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &wr);
    struct timeval zero = {0, 0};
    check(select(p[1] + 1, &rd, &wr, NULL, &zero) == 1 && !FD_ISSET(p[0], &rd) &&
              FD_ISSET(p[1], &wr),
          "select: an empty pipe is writable, not readable");
    FD_SET(p[0], &rd);
    struct timeval wait = {0, 30000};
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int r = select(p[0] + 1, &rd, NULL, NULL, &wait);
    long waited = ms_since(&start);
    check(r == 0 && !FD_ISSET(p[0], &rd) && waited >= 25 && waited < 1000, "select's timeout");
    write(p[1], "x", 1);
    FD_SET(p[0], &rd);
    check(select(p[0] + 1, &rd, NULL, NULL, NULL) == 1 && FD_ISSET(p[0], &rd),
          "select: a pipe with data is readable");
    fd_set closed;
    FD_ZERO(&closed);
    FD_SET(p[1] + 5, &closed);
    check(FAILS_WITH(select(p[1] + 6, &closed, NULL, NULL, &zero), EBADF),
          "select of a closed descriptor is EBADF");
    check(FAILS_WITH(select(-1, NULL, NULL, NULL, &zero), EINVAL), "select of nfds < 0 is EINVAL");
    struct timespec ts = {0, 0};
    FD_SET(p[0], &rd);
    check(pselect(p[0] + 1, &rd, NULL, NULL, &ts, NULL) == 1 && FD_ISSET(p[0], &rd), "pselect");
    close(p[1]);
    FD_SET(p[0], &rd);
    read(p[0], &r, 1);
    check(select(p[0] + 1, &rd, NULL, NULL, &zero) == 1 && FD_ISSET(p[0], &rd),
          "select: end of file is readable");
    close(p[0]);
}

static void test_devices(void)
{
    char buf[16];
    int null = open("/dev/null", O_RDWR), zero = open("/dev/zero", O_RDONLY);
    int full = open("/dev/full", O_RDWR), urandom = open("/dev/urandom", O_RDONLY);
    check(null >= 0 && read(null, buf, sizeof buf) == 0 && write(null, "abc", 3) == 3,
          "/dev/null: end of file, and swallows writes");
    memset(buf, 1, sizeof buf);
    check(zero >= 0 && read(zero, buf, sizeof buf) == sizeof buf && !buf[0] && !buf[15],
          "/dev/zero reads zeros");
    check(full >= 0 && FAILS_WITH(write(full, "x", 1), ENOSPC), "/dev/full: a write is ENOSPC");
    check(full >= 0 && read(full, buf, 4) == 4 && !buf[0], "/dev/full reads zeros");
    check(urandom >= 0 && read(urandom, buf, sizeof buf) == sizeof buf, "/dev/urandom reads");
    struct pollfd f = {null, POLLIN | POLLOUT, 0};
    check(poll(&f, 1, 0) == 1 && f.revents == (POLLIN | POLLOUT), "poll: /dev/null is ready");
    int p[2];
    pipe_or_die(p, O_NONBLOCK);
    off_t at = 0;
    check(sendfile(p[1], zero, &at, 1000) == 1000 && read(p[0], buf, 4) == 4,
          "sendfile from /dev/zero into a pipe");
    check(FAILS_WITH(sendfile(p[1], p[0], NULL, 10), EINVAL), "sendfile from a pipe is EINVAL");
    check(FAILS_WITH(sendfile(999, zero, NULL, 1), EBADF),
          "sendfile to a closed descriptor: EBADF");
    close(p[0]);
    close(p[1]);
    close(null);
    close(zero);
    close(full);
    close(urandom);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    test_dup();
    test_fcntl();
    test_pipe();
    test_poll();
    test_select();
    test_devices();
    return tap_done();
}
