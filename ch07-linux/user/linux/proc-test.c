/*: # /proc: a test program

A Linux program that reads `/proc` as `ps`, `top` and `free` do, printing TAP. Every expectation
was first checked on Linux itself, where the program passes too: it checks properties (a pid's
directory is there, the fields of `stat` agree with `getppid`, the memory total is more than what
is free), never numbers that differ from one machine to the next. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

/* The contents of path, zero-terminated, in buf: its length, or -1. */
static long slurp(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    long total = 0, n;
    while ((n = read(fd, buf + total, size - 1 - total)) > 0)
        total += n;
    close(fd);
    buf[total] = '\0';
    return n < 0 ? -1 : total;
}

/* Does directory path list name (of type type, or any if 0)? */
static int lists(const char *path, const char *name, int type)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int found = 0;
    while (d && (e = readdir(d)))
        found |= !strcmp(e->d_name, name) && (!type || e->d_type == type);
    if (d)
        closedir(d);
    return found;
}

/* The number after "key:" in text (a meminfo or status line), or -1. */
static long field(const char *text, const char *key)
{
    const char *at = strstr(text, key);
    return at ? strtol(at + strlen(key), NULL, 10) : -1;
}

/* The target of link path, zero-terminated, in buf: its length, or -1. */
static long link_of(const char *path, char *buf, size_t size)
{
    ssize_t n = readlink(path, buf, size - 1);
    buf[n > 0 ? n : 0] = '\0';
    return n;
}

static char buf[65536];

static void test_self(void)
{
    char link[64], expect[64];
    ssize_t n = readlink("/proc/self", link, sizeof link - 1);
    link[n > 0 ? n : 0] = '\0';
    snprintf(expect, sizeof expect, "%d", getpid());
    check(n > 0 && !strcmp(link, expect), "/proc/self is a link to the caller's pid");
    struct stat st;
    check(lstat("/proc/self", &st) == 0 && S_ISLNK(st.st_mode) && (st.st_mode & 0777) == 0777,
          "/proc/self is a symlink, mode 0777");
    check(stat("/proc/self", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0555,
          "/proc/self leads to a directory, mode 0555");
    check(lists("/proc", expect, DT_DIR), "getdents64 of /proc lists the caller's pid");
    check(lists("/proc", "1", DT_DIR), "getdents64 of /proc lists pid 1");
    check(lists("/proc", "self", DT_LNK), "getdents64 of /proc lists self as a link");
    check(lists("/proc/self", "stat", DT_REG) && lists("/proc/self", "cmdline", DT_REG) &&
              lists("/proc/self", "exe", DT_LNK),
          "getdents64 of /proc/PID lists stat, cmdline and exe");
    check(stat("/proc/meminfo", &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0444,
          "/proc/meminfo is a regular file, mode 0444");
}

static void test_exe(const char *argv0)
{
    char link[4096];
    ssize_t n = readlink("/proc/self/exe", link, sizeof link - 1);
    link[n > 0 ? n : 0] = '\0';
    const char *base = strrchr(argv0, '/') ? strrchr(argv0, '/') + 1 : argv0;
    check(n > 0 && link[0] == '/' && strstr(link, base),
          "readlink /proc/self/exe names the program");
    struct stat a, b;
    check(stat("/proc/self/exe", &a) == 0 && stat(link, &b) == 0 && a.st_ino == b.st_ino,
          "/proc/self/exe leads to the program's file");
    int fd = open("/proc/self/exe", O_RDONLY);
    char magic[4] = {0};
    check(fd >= 0 && read(fd, magic, 4) == 4 && !memcmp(magic, "\177ELF", 4),
          "/proc/self/exe opens the program (an ELF file)");
    close(fd);
}

static void test_cmdline(int argc, char **argv)
{
    long n = slurp("/proc/self/cmdline", buf, sizeof buf);
    long want = 0;
    for (int i = 0; i < argc; i++)
        want += strlen(argv[i]) + 1;
    check(n == want && !memcmp(buf, argv[0], strlen(argv[0]) + 1),
          "/proc/self/cmdline is the arguments, each with its zero");
    check(n == want && !strcmp(buf + strlen(argv[0]) + 1, argv[1]),
          "/proc/self/cmdline holds the second argument after the first");
    setenv("PROC_TEST_MARK", "42", 1); /* not in environ: that is the start's */
    n = slurp("/proc/self/environ", buf, sizeof buf);
    int found = 0;
    for (long i = 0; i < n; i += strlen(buf + i) + 1)
        found |= !strcmp(buf + i, "PROC_TEST_START=yes");
    check(found, "/proc/self/environ holds the environment at the start");
}

static void test_stat(void)
{
    long n = slurp("/proc/self/stat", buf, sizeof buf);
    int pid = 0, ppid = 0, pgrp = 0, session = 0;
    char state = 0, *close_paren = n > 0 ? strrchr(buf, ')') : NULL;
    check(n > 0 && sscanf(buf, "%d", &pid) == 1 && pid == getpid(), "stat starts with the pid");
    char comm[64], expect[80];
    long len = slurp("/proc/self/comm", comm, sizeof comm);
    if (len > 0)
        comm[len - 1] = '\0'; /* its newline */
    snprintf(expect, sizeof expect, " (%s) ", comm);
    check(len > 1 && len <= 16 && close_paren && strstr(buf, expect) == strchr(buf, ' '),
          "stat's second field is (comm), as /proc/self/comm says it");
    check(close_paren &&
              sscanf(close_paren + 2, "%c %d %d %d", &state, &ppid, &pgrp, &session) == 4 &&
              state == 'R' && ppid == getppid() && pgrp == getpgrp() && session == getsid(0),
          "stat's state, ppid, pgrp, session");
    int fields = 0;
    for (char *p = close_paren; p && *p; p++)
        fields += *p == ' ';
    check(fields >= 50, "stat has at least 52 fields");
    unsigned long vsize = 0;
    long rss = 0;
    char *p = close_paren;
    for (int i = 0; p && i < 21; i++)
        p = strchr(p + 1, ' ');
    check(p && sscanf(p + 1, "%lu %ld", &vsize, &rss) == 2 && vsize > 0 && rss >= 0,
          "stat's vsize (not zero) and rss"); /* Linux's rss may lag: 0 for a small program */
}

static void test_status(void)
{
    long n = slurp("/proc/self/status", buf, sizeof buf);
    char name[80];
    slurp("/proc/self/comm", name + 6, sizeof name - 6);
    memcpy(name, "Name:\t", 6);
    check(n > 0 && !strncmp(buf, name, strlen(name)), "status begins with Name, the comm");
    check(field(buf, "\nPid:") == getpid() && field(buf, "\nPPid:") == getppid(),
          "status's Pid and PPid");
    check(strstr(buf, "\nState:\tR (running)") && field(buf, "\nUid:") == (long)getuid() &&
              field(buf, "\nGid:") == (long)getgid(),
          "status's State, Uid, Gid");
    check(field(buf, "\nVmRSS:") > 0, "status's VmRSS");
}

static void test_other_processes(void)
{
    char path[64], link[64];
    long n = slurp("/proc/1/stat", buf, sizeof buf);
    char *close_paren = n > 0 ? strrchr(buf, ')') : NULL;
    char state = 0;
    check(!strncmp(buf, "1 (", 3) && close_paren && sscanf(close_paren + 2, "%c", &state) == 1 &&
              state != 'Z',
          "pid 1's stat");
    int fds[2];
    pipe(fds);
    char pipe_link[64], child_link[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fds[0]);
    link_of(path, pipe_link, sizeof pipe_link);
    pid_t child = fork();
    if (child == 0) {
        char c;
        close(fds[1]);
        read(fds[0], &c, 1); /* wait for the parent to look */
        _exit(3);
    }
    close(fds[0]);
    snprintf(path, sizeof path, "/proc/%d/cmdline", child);
    long len = slurp(path, buf, sizeof buf);
    check(len > 0 && strstr(buf, "proc-test"), "a child's cmdline (its memory, from another)");
    snprintf(path, sizeof path, "/proc/%d/status", child);
    slurp(path, buf, sizeof buf);
    check(field(buf, "\nPPid:") == getpid() &&
              (strstr(buf, "\nState:\tS") || strstr(buf, "\nState:\tR")),
          "a child's status: its parent, and alive");
    snprintf(path, sizeof path, "/proc/%d/fd/%d", child, fds[0]);
    check(link_of(path, child_link, sizeof child_link) > 0 && !strcmp(child_link, pipe_link),
          "a child's /proc/PID/fd names the pipe it holds");
    close(fds[1]);
    /* wait for it to become a zombie, without reaping it */
    siginfo_t info;
    waitid(P_PID, child, &info, WEXITED | WNOWAIT);
    snprintf(path, sizeof path, "/proc/%d/stat", child);
    n = slurp(path, buf, sizeof buf);
    close_paren = n > 0 ? strrchr(buf, ')') : NULL;
    check(close_paren && close_paren[2] == 'Z', "a zombie's state is Z");
    snprintf(path, sizeof path, "%d", child);
    check(lists("/proc", path, DT_DIR), "a zombie is listed in /proc");
    snprintf(path, sizeof path, "/proc/%d/cmdline", child);
    check(slurp(path, buf, sizeof buf) == 0, "a zombie's cmdline is empty");
    snprintf(path, sizeof path, "/proc/%d/exe", child);
    check(readlink(path, link, sizeof link) == -1 && errno == ENOENT, "a zombie has no exe");
    snprintf(path, sizeof path, "/proc/%d/cwd", child);
    check(readlink(path, link, sizeof link) == -1 && errno == ENOENT, "a zombie has no cwd");
    waitpid(child, NULL, 0);
    snprintf(path, sizeof path, "/proc/%d", child);
    struct stat st;
    check(stat(path, &st) == -1 && errno == ENOENT, "a reaped process's directory is gone");
    check(stat("/proc/0", &st) == -1 && errno == ENOENT, "/proc/0 does not exist");
}

/* Does /proc/self/fd/N name descriptor fd's file? A path that leads to the same file (the same
   device, for a device), or TYPE:[INODE] for a file with no name (a pipe, a socket). */
static int names_descriptor(int fd)
{
    char path[32], target[256];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    struct stat want, got;
    if (link_of(path, target, sizeof target) <= 0 || fstat(fd, &want))
        return 0;
    if (target[0] != '/') {
        const char *bracket = strstr(target, ":[");
        return bracket && strtoull(bracket + 2, NULL, 10) == want.st_ino;
    }
    if (stat(target, &got))
        return 0;
    return S_ISCHR(want.st_mode) ? S_ISCHR(got.st_mode) && got.st_rdev == want.st_rdev
                                 : got.st_dev == want.st_dev && got.st_ino == want.st_ino;
}

static void test_fd(void)
{
    char link[256], path[64], name[16];
    check(names_descriptor(0) && names_descriptor(1) && names_descriptor(2),
          "/proc/self/fd/0, 1 and 2 name the files of descriptors 0, 1 and 2");
    check(lists("/proc/self/fd", "0", DT_LNK) && lists("/proc/self/fd", "2", DT_LNK),
          "getdents64 of /proc/self/fd lists 0 and 2 as links");
    chdir("/tmp");
    int fd = open("proc-test-fd", O_RDWR | O_CREAT | O_TRUNC, 0644);
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    snprintf(name, sizeof name, "%d", fd);
    check(fd >= 0 && link_of(path, link, sizeof link) > 0 && !strcmp(link, "/tmp/proc-test-fd"),
          "a file opened by a relative name: its link is its path from the root");
    check(lists("/proc/self/fd", name, DT_LNK), "an opened descriptor is listed in /proc/self/fd");
    struct stat st;
    check(lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (st.st_mode & 0777) == 0700,
          "an fd link's mode says how it was opened: 0700 for reading and writing");
    write(fd, "hello", 5);
    int again = open(path, O_RDONLY);
    char text[8] = {0};
    struct stat a, b;
    check(again >= 0 && read(again, text, sizeof text) == 5 && !strcmp(text, "hello") &&
              fstat(fd, &a) == 0 && fstat(again, &b) == 0 && a.st_ino == b.st_ino,
          "opening /proc/self/fd/N opens the same file, from its start");
    snprintf(path, sizeof path, "/proc/self/fd/%d", again);
    check(lstat(path, &st) == 0 && (st.st_mode & 0777) == 0500, "and read only: 0500");
    char other[64], other_link[256];
    snprintf(other, sizeof other, "/proc/%d/fd/%d", getpid(), again);
    check(link_of(other, other_link, sizeof other_link) > 0 &&
              link_of(path, link, sizeof link) > 0 && !strcmp(other_link, link),
          "/proc/PID/fd is /proc/self/fd");
    close(again);
    dup2(fd, 100); /* a number no opendir takes once it is closed */
    check(lists("/proc/self/fd", "100", DT_LNK), "a descriptor made by dup2 is listed");
    close(100);
    check(!lists("/proc/self/fd", "100", 0), "a closed descriptor is no longer listed");
    check(readlink("/proc/self/fd/100", link, sizeof link) == -1 && errno == ENOENT,
          "/proc/self/fd/N of a closed descriptor: ENOENT");
    unlink("/tmp/proc-test-fd");
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    check(link_of(path, link, sizeof link) > 0 && !strcmp(link, "/tmp/proc-test-fd (deleted)"),
          "a file whose name is gone: its path and (deleted)");
    close(fd);
    int fds[2];
    pipe(fds);
    snprintf(path, sizeof path, "/proc/self/fd/%d", fds[0]);
    check(link_of(path, link, sizeof link) > 0 && !strncmp(link, "pipe:[", 6) &&
              names_descriptor(fds[0]),
          "a pipe's link: pipe:[its inode number]");
    close(fds[0]);
    close(fds[1]);
    fd = open("/dev/null", O_WRONLY);
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    check(link_of(path, link, sizeof link) > 0 && !strcmp(link, "/dev/null") &&
              lstat(path, &st) == 0 && (st.st_mode & 0777) == 0300,
          "/dev/null's link, write only: 0300");
    close(fd);
    check(readlink("/proc/self/fd/abc", link, sizeof link) == -1 && errno == ENOENT &&
              readlink("/proc/self/fd/01", link, sizeof link) == -1 && errno == ENOENT,
          "/proc/self/fd/NAME that is no descriptor number: ENOENT");
}

static void test_cwd(void)
{
    char link[256];
    chdir("/tmp");
    check(link_of("/proc/self/cwd", link, sizeof link) > 0 && !strcmp(link, "/tmp"),
          "/proc/self/cwd is a link to the working directory");
    chdir("/");
    check(link_of("/proc/self/cwd", link, sizeof link) > 0 && !strcmp(link, "/"),
          "/proc/self/cwd follows chdir");
    struct stat st;
    check(stat("/proc/self/cwd/proc/self/cwd", &st) == 0 && S_ISDIR(st.st_mode),
          "/proc/self/cwd leads to the directory");
    check(readlink("/proc/999999/cwd", link, sizeof link) == -1 && errno == ENOENT &&
              stat("/proc/999999/fd", &st) == -1 && errno == ENOENT,
          "/proc/PID/cwd and fd of no process: ENOENT");
}

static void test_system(void)
{
    slurp("/proc/meminfo", buf, sizeof buf);
    long total = field(buf, "MemTotal:"), free = field(buf, "MemFree:");
    long available = field(buf, "MemAvailable:");
    check(total > 0 && free > 0 && free <= total && available >= 0 && available <= total,
          "meminfo: MemTotal >= MemFree > 0, MemAvailable");
    double up = -1, idle = -1;
    slurp("/proc/uptime", buf, sizeof buf);
    check(sscanf(buf, "%lf %lf", &up, &idle) == 2 && up >= 0 && idle >= 0, "uptime: two numbers");
    double load[3];
    int running = 0, total_procs = 0, last = 0;
    slurp("/proc/loadavg", buf, sizeof buf);
    check(sscanf(buf, "%lf %lf %lf %d/%d %d", &load[0], &load[1], &load[2], &running, &total_procs,
                 &last) == 6 &&
              running >= 1 && total_procs >= 1 && last >= 1,
          "loadavg: three averages, running/total, last pid");
    unsigned long long cpu[4];
    slurp("/proc/stat", buf, sizeof buf);
    check(sscanf(buf, "cpu %llu %llu %llu %llu", &cpu[0], &cpu[1], &cpu[2], &cpu[3]) == 4,
          "stat: the cpu line (user, nice, system, idle, ...)");
    check(field(buf, "\nbtime") > 1000000000 && field(buf, "\nprocesses") >= 1,
          "stat: btime and processes");
    slurp("/proc/mounts", buf, sizeof buf);
    check(strstr(buf, " / ") && strstr(buf, "proc /proc proc "), "mounts: / and /proc");
}

/* The line of /proc/self/maps whose range holds addr: its range, permissions and name. */
struct map_line {
    unsigned long start, end;
    char perms[8], name[256];
};

static int map_of(const void *addr, struct map_line *out)
{
    slurp("/proc/self/maps", buf, sizeof buf);
    for (char *line = buf; *line;) {
        char *next = strchr(line, '\n');
        next = next ? next + 1 : line + strlen(line);
        int used = 0;
        out->name[0] = '\0';
        if (sscanf(line, "%lx-%lx %7s %*x %*x:%*x %*u%n", &out->start, &out->end, out->perms,
                   &used) == 3 &&
            out->start <= (unsigned long)addr && (unsigned long)addr < out->end) {
            sscanf(line + used, " %255[^\n]", out->name);
            return 1;
        }
        line = next;
    }
    return 0;
}

/* Are the lines of /proc/self/maps in address order, none overlapping the one before? */
static int maps_in_order(void)
{
    slurp("/proc/self/maps", buf, sizeof buf);
    unsigned long start, end, last = 0;
    int lines = 0;
    for (char *line = buf; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : 0) {
        if (sscanf(line, "%lx-%lx", &start, &end) != 2 || start < last || end <= start)
            return 0;
        last = end;
        lines++;
    }
    return lines > 3;
}

static void test_maps(void)
{
    struct map_line m;
    int local = 0;
    check(map_of(&local, &m) && !strcmp(m.name, "[stack]") && !strncmp(m.perms, "rw-p", 4),
          "maps: a local variable lies in the [stack], rw-p");
    char exe[256];
    long len = link_of("/proc/self/exe", exe, sizeof exe);
    check(len > 0 && map_of((void *)test_maps, &m) && m.perms[2] == 'x' && !strcmp(m.name, exe),
          "maps: the code is executable, named by the program's path");
    check(maps_in_order(), "maps: the lines are in address order and do not overlap");
    /* brk itself: musl's sbrk refuses to move the break, which its malloc owns */
    char *top = (char *)syscall(SYS_brk, 0);
    check(syscall(SYS_brk, top + 4096) == (long)(top + 4096) && map_of(top, &m) &&
              !strcmp(m.name, "[heap]") &&
              !strncmp(m.perms, "rw-p", 4),
          "maps: memory the break gave is the [heap]");
    long page = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    check(p != MAP_FAILED && map_of(p + page, &m) && m.start == (unsigned long)p &&
              m.end == (unsigned long)(p + 3 * page) && !strncmp(m.perms, "rw-s", 4),
          "maps: a shared anonymous mapping is one line, rw-s");
    mprotect(p + page, page, PROT_READ);
    check(map_of(p + page, &m) && m.start == (unsigned long)(p + page) &&
              m.end == (unsigned long)(p + 2 * page) && !strncmp(m.perms, "r--s", 4) &&
              map_of(p, &m) && !strncmp(m.perms, "rw-s", 4) && map_of(p + 2 * page, &m) &&
              !strncmp(m.perms, "rw-s", 4),
          "maps: mprotect of its middle page makes three lines");
    munmap(p, 3 * page);
    check(!map_of(p + page, &m), "maps: an unmapped range has no line");
    pid_t child = fork();
    if (child == 0)
        _exit(map_of(&local, &m) && !strcmp(m.name, "[stack]") ? 0 : 1);
    int status = -1;
    waitpid(child, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "maps: a forked child's stack is still the [stack]");
}

static void test_refusals(void)
{
    int fd = open("/proc/meminfo", O_WRONLY);
    check(fd == -1 ? errno == EACCES : write(fd, "x", 1) == -1, "writing /proc/meminfo fails");
    if (fd >= 0)
        close(fd);
    check(open("/proc/made-up", O_WRONLY | O_CREAT, 0644) == -1 && errno == ENOENT,
          "no file can be made in /proc");
    check(mkdir("/proc/self/new", 0755) == -1, "no directory can be made in /proc/PID");
    struct stat st;
    check(unlink("/proc/meminfo") == -1, "no /proc file can be removed");
    check(rename("/proc", "/proc-moved") == -1 && errno == EBUSY && stat("/proc/self", &st) == 0,
          "/proc cannot be moved: EBUSY, as a mount point");
    check(rmdir("/proc") == -1 && errno == EBUSY, "nor removed: EBUSY, not ENOTEMPTY");
    check(rename("/dev", "/dev-moved") == -1 && errno == EBUSY && stat("/dev/null", &st) == 0,
          "/dev cannot be moved either: EBUSY");
    check(rmdir("/dev") == -1 && errno == EBUSY, "nor removed");
    check(stat("/proc/self/no-such-file", &st) == -1 && errno == ENOENT,
          "a name /proc/PID does not have: ENOENT");
}

int main(int argc, char **argv)
{
    if (argc < 2 || !getenv("PROC_TEST_START")) { /* run again with a known environment */
        char *args[] = {argv[0], "second-argument", NULL};
        char *env[] = {"PROC_TEST_START=yes", NULL};
        execve("/proc/self/exe", args, env);
        printf("Bail out! execve /proc/self/exe: %s\n", strerror(errno));
        return 1;
    }
    test_self();
    test_exe(argv[0]);
    test_cmdline(argc, argv);
    test_stat();
    test_status();
    test_other_processes();
    test_fd();
    test_cwd();
    test_maps();
    test_system();
    test_refusals();
    return tap_done();
}
