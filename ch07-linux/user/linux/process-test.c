/*: # Tests of processes: fork, exec, wait, exit, memory

A Linux program that checks, case by case, what chapter 7's process calls do, and prints TAP (`ok
N - name`). Every expectation here was first checked on Linux itself: the program passes there,
and must pass on Zinc. The children report back through their exit status, the one channel
that needs nothing but the calls under test. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

/* Run fn in a child and return its wait status. */
static int in_child(void (*fn)(void))
{
    pid_t pid = fork();
    if (pid == 0) {
        fn();
        _exit(0);
    }
    int status = -1;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

static int shared_value = 1;

static void child_writes(void)
{
    shared_value = 2;
    _exit(shared_value == 2 ? 3 : 4);
}

static void null_store(void)
{
    *(volatile int *)0 = 1;
}

static void write_read_only(void)
{
    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[0] = 1;
    mprotect(p, 4096, PROT_READ);
    p[0] = 2; /* SIGSEGV */
    _exit(0);
}

static void exec_hello(void)
{
    char *argv[] = {"hello-linux", "x", "y", NULL};
    execv("/bin/hello-linux", argv);
    _exit(100 + errno);
}

static void sleep_a_little(void)
{
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
}

static void test_fork_and_wait(void)
{
    int status = in_child(child_writes);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 3, "fork: the child runs and exits 3");
    check(shared_value == 1, "fork: the child's write is its own");

    pid_t parent = getpid(), pid = fork();
    if (pid == 0)
        _exit(getppid() == parent ? 0 : 1);
    check(pid > 0 && waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 0,
          "fork: the child's parent is the caller");

    errno = 0;
    check(waitpid(-1, &status, 0) == -1 && errno == ECHILD, "wait: no child is ECHILD");

    pid = fork();
    if (pid == 0) {
        sleep_a_little();
        _exit(5);
    }
    check(waitpid(pid, &status, WNOHANG) == 0, "wait: WNOHANG while the child runs is 0");
    check(waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 5,
          "wait: then the child is reaped");
    check(waitpid(pid, &status, 0) == -1 && errno == ECHILD, "wait: a reaped child is gone");
    check(waitpid(INT_MIN, &status, WNOHANG) == -1 && errno == ESRCH,
          "wait: pid INT_MIN, a group with no number, is ESRCH");

    pid = fork();
    if (pid == 0)
        _exit(6);
    check(syscall(SYS_wait4, pid, (int *)1, 0, NULL) == -1 && errno == EFAULT,
          "wait4: a bad status pointer is EFAULT");
    siginfo_t info;
    memset(&info, 0, sizeof info);
    pid = fork();
    if (pid == 0)
        _exit(9);
    check(waitid(P_PID, pid, &info, WEXITED) == 0 && info.si_pid == pid &&
              info.si_code == CLD_EXITED && info.si_status == 9 && info.si_signo == SIGCHLD,
          "waitid: P_PID reports the exit");
    while (waitpid(-1, &status, 0) > 0)
        ;
}

static void test_signals_from_faults(void)
{
    int status = in_child(null_store);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "fault: a null store is SIGSEGV");
    status = in_child(write_read_only);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
          "mprotect: a store to a read-only page is SIGSEGV");
}

static void test_exec(void)
{
    int status = in_child(exec_hello);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 3, "execve: the new program runs");
    char *argv[] = {"nothing", NULL};
    errno = 0;
    check(execv("/bin/no-such-program", argv) == -1 && errno == ENOENT,
          "execve: a missing program is ENOENT, and the caller goes on");
    check(syscall(SYS_execve, (char *)1, argv, NULL) == -1 && errno == EFAULT,
          "execve: a bad path pointer is EFAULT");
}

static void test_vfork(void)
{
    pid_t pid = vfork();
    if (pid == 0)
        _exit(11);
    int status;
    check(pid > 0 && waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 11,
          "vfork: the child runs and exits");
}

static void test_fork_limit(void)
{
    int made = 0, err = 0;
    for (int i = 0; i < 2000; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            sleep_a_little();
            _exit(0);
        }
        if (pid < 0) {
            err = errno;
            break;
        }
        made++;
    }
    int status;
    while (waitpid(-1, &status, 0) > 0)
        ;
    printf("# %d children before fork failed (errno %d)\n", made, err);
    check(made > 10 && (made == 2000 || err == EAGAIN),
          "fork: many children, and past the limit EAGAIN");
}

/* reboot's guards: the magic numbers, then the command (a good call would end the test). The
   numbers are Linux's <linux/reboot.h>, which musl's headers do not have. */
#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_MAGIC2C 537993216
#define LINUX_REBOOT_CMD_CAD_OFF 0

static void test_reboot_refusals(void)
{
    errno = 0;
    check(syscall(SYS_reboot, 0xdead, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_CAD_OFF, 0) == -1 &&
              errno == EINVAL,
          "reboot with a wrong first magic number: EINVAL");
    errno = 0;
    check(syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 1, LINUX_REBOOT_CMD_CAD_OFF, 0) == -1 &&
              errno == EINVAL,
          "reboot with a wrong second magic number: EINVAL");
    errno = 0;
    check(syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2C, 0x1234, 0) == -1 &&
              errno == EINVAL,
          "reboot with an unknown command: EINVAL");
}

static void test_memory(void)
{
    /* the system call itself: musl's sbrk only answers sbrk(0) */
    char *start = (char *)syscall(SYS_brk, 0);
    check(start != NULL && (char *)syscall(SYS_brk, start + 8192) == start + 8192,
          "brk: the break moves up");
    start[8191] = 7;
    check(start[8191] == 7 && (char *)syscall(SYS_brk, start) == start,
          "brk: the heap is usable, and the break moves back");
    check((char *)syscall(SYS_brk, 4096) == start, "brk: below the start, the break stays");
    char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(p != MAP_FAILED && p[0] == 0 && p[3 * 4096 - 1] == 0, "mmap: zeroed memory");
    char *q = mmap(p + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    check(q == p + 4096, "mmap: MAP_FIXED lands where asked");
    check(mmap(p, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) ==
                  MAP_FAILED &&
              errno == EEXIST,
          "mmap: MAP_FIXED_NOREPLACE over a mapping is EEXIST");
    check(munmap(p, 3 * 4096) == 0, "munmap: the whole range goes");
    check(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
              errno == EINVAL,
          "mmap: a zero length is EINVAL");
    check(munmap((char *)p + 1, 4096) == -1 && errno == EINVAL,
          "munmap: an unaligned address is EINVAL");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_fork_and_wait();
    test_signals_from_faults();
    test_exec();
    test_vfork();
    test_memory();
    test_fork_limit();
    test_reboot_refusals();
    return tap_done();
}
