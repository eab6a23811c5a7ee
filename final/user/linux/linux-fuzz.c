/*: # linux-fuzz: Linux system calls, with arguments nobody would choose

Chapter 3's syscall-fuzz throws random Zircon calls at the kernel; this program does the same to
the Linux personality, from many Linux processes at once. Each call is a random number in the
range of Linux's table (0 to 463, a little past the newest call of the headers, and now and then a
number far beyond it) with six arguments drawn from a mix that finds bugs: 0 (the usual flags and
offsets, which let a call go deeper), small numbers, -1, `AT_FDCWD`, a descriptor 0 to 13 (each an
open file of another kind), single bits, page multiples, huge sizes, random 32- and 64-bit values,
the caller's pid; and pointers: NULL, an unmapped address, a kernel address, the last page of user
space, a word of a scratch buffer, a misaligned one, one just before a guard page (so that a long
access runs off the buffer), the guard page itself, a path (names in the test's own directory,
`.`, `..`, `/proc` and `/dev` files, a name too long, one with no end before the guard page). The
scratch buffer is refilled every 32 calls with words of the same mix, so a structure that a call
reads (an `iovec`, a `timespec`, a `sigaction`) holds pointers and sizes that lead somewhere too.
Nothing in the mix is the address of code: a call that jumps (a signal handler, `rt_sigreturn`,
`clone`'s stack) faults rather than running the program's own code with nonsense.

The parent (pid 1 when booted with `run /bin/linux-fuzz`) keeps a few children running at once,
starting the next as one ends, and each child seeds its generator from the seed and its own index,
so that a run can be repeated. A child first makes itself harmless to everything but the kernel:

- it starts a session of its own (`setsid`), so it has no controlling terminal, and `/dev/null` on
  descriptors 0, 1 and 2: its random `write`s print nothing and its `ioctl`s cannot change the
  console's modes or foreground group under the parent's output;
- its working directory is `/tmp/fz`, where the paths of the mix lead, so that renaming and
  removing files touch nothing the system needs (`..` leads out, and Zinc must refuse to rename or
  remove it, as Linux does);
- a call that sends a signal or acts on another process by its pid (`kill`, `tkill`, `tgkill`,
  `rt_sigqueueinfo`, `rt_tgsigqueueinfo`, `pidfd_open`, `prlimit64`, `process_vm_writev`,
  `ptrace`) gets a pid of the child's own, of a sibling, 0 (its own group), or one that names
  nothing: never the parent's, and never -1 (every process), which would end the harness, not test
  the kernel;
- `reboot` is never called: its one effect would be the end of the machine;
- a handler that does nothing catches every signal but the faults, so that a signal the child sends
  itself does not end its work, and a timer's signal every 20 ms interrupts a call that would block
  forever (`pause`, a `read` of an empty pipe, a `futex` wait); a call that replaces the timer
  (`alarm`, `setitimer`) is followed by arming it again;
- the calls that end a child whatever their arguments (`exit`, `exit_group`, and `rt_sigreturn`,
  which jumps where its random frame says) are drawn again 7 times in 8, or few children would
  make half their calls;
- a process or thread that a call makes (`fork`, `vfork`, `clone`, `clone3`) exits at once: if it
  went on making calls, every child would become a tree of processes without bound.

A child may still end itself (`exit_group`, a signal it sends or ignores no more, a fault after a
call unmapped its own stack), block for good (the timer's signal blocked, a handler replaced) or
stop: the parent kills a child still there 3 seconds after its start, which fuzzes the killing of
blocked and stopped processes too, and says which call it was in (each child notes its call in a
page it shares with the parent), since a call that no signal interrupts may be the kernel's fault.
At the end the parent reaps what the children left (orphans come to pid 1), checks that the kernel
still works (a `fork` and `wait` with a known status, a pipe, a file in `/tmp`) and that no process
is left over, and says how the children ended. What it prints is the same on every run but those
counts and the late children's calls, which depend on timing: the test around it (and, on LibOS,
the sanitizers) sees whether the kernel survived.

Usage: `linux-fuzz [CHILDREN [SEED [CALLS [AT_ONCE]]]]`, by default 48 children of 300 calls each,
at most 4 at a time, from seed 1. Never run it on a Linux machine you care about: there the same
calls would reach the real kernel, as root. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "xorshift.h"

#if defined(__x86_64__)
#define USER_END 0x800000000000ul
#elif defined(__riscv) && __riscv_xlen == 64
#define USER_END 0x4000000000ul /* Sv39 */
#else
#error "linux-fuzz knows the system call instruction of x86_64 and riscv64 only"
#endif

#define SYSCALL_RANGE 464
#define KERNEL_ADDRESS 0xffffffff80001000ul
#define UNMAPPED 0x10ul
#define PAGE 4096ul
#define SCRATCH_SIZE (2 * PAGE) /* then a guard page */
#define REFILL_EVERY 32         /* calls */
#define FDS 14                  /* 0 to 13: /dev/null three times, then one file of each kind */
#define TIMER_US 20000
#define CHILD_DEADLINE_MS 3000
#define POLL_MS 5
#define FUZZ_DIR "/tmp/fz"
#define DONE_STATUS 100 /* a child that made all its calls; an exit call would hardly pick 100 */

static uint64_t rng_state;
static uint8_t *scratch;
static pid_t parent_pid, own_pid;

/* The same sequence on every target for the same seed (common/xorshift.h). */
static uint64_t next_random(void)
{
    return xorshift64star(&rng_state);
}

static uint64_t below(uint64_t n)
{
    return n ? next_random() % n : 0;
}

static uint64_t number(const char *s, uint64_t otherwise)
{
    if (!s)
        return otherwise;
    uint64_t n = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        n = n * 10 + (uint64_t)(*s - '0');
    return n;
}

/* The system call instruction itself, not the C library's syscall(), which sets errno: a call may
   have moved the thread pointer that errno is found by. */
static long raw_syscall(long nr, const uint64_t a[6])
{
#if defined(__x86_64__)
    register long r10 __asm__("r10") = (long)a[3], r8 __asm__("r8") = (long)a[4];
    register long r9 __asm__("r9") = (long)a[5];
    long ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
#else
    register long a7 __asm__("a7") = nr, a0 __asm__("a0") = (long)a[0];
    register long a1 __asm__("a1") = (long)a[1], a2 __asm__("a2") = (long)a[2];
    register long a3 __asm__("a3") = (long)a[3], a4 __asm__("a4") = (long)a[4];
    register long a5 __asm__("a5") = (long)a[5];
    __asm__ volatile("ecall"
                     : "+r"(a0)
                     : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5)
                     : "memory");
    return a0;
#endif
}

/* The paths of the mix, rewritten at each refill (calls write over them). The last one has no end
   before the guard page: it is made at the end of the scratch buffer. */
static const char *const path_names[] = {"a",
                                         "b",
                                         "b/c",
                                         "a/../b",
                                         ".",
                                         "..",
                                         "",
                                         FUZZ_DIR "/a",
                                         FUZZ_DIR "/b/c",
                                         "/proc/self/maps",
                                         "/proc/self/fd/3",
                                         "/proc/self/status",
                                         "/dev/null",
                                         "/dev/zero",
                                         "/proc",
                                         "/dev"};
#define PATHS (sizeof path_names / sizeof path_names[0])
#define LONG_NAME 300
static char paths[PATHS + 1][LONG_NAME + 1];

static uint64_t make_path(void)
{
    uint64_t i = below(PATHS + 2);
    return i <= PATHS ? (uintptr_t)paths[i] : (uintptr_t)scratch + SCRATCH_SIZE - 16;
}

static uint64_t make_pointer(void)
{
    switch (below(12)) {
    case 0:
        return 0;
    case 1:
        return UNMAPPED;
    case 2:
        return KERNEL_ADDRESS;
    case 3:
        return USER_END - PAGE + 8 * below(PAGE / 8);
    case 4:
        return (uintptr_t)scratch + SCRATCH_SIZE - below(16); /* runs into the guard page */
    case 5:
        return (uintptr_t)scratch + SCRATCH_SIZE; /* the guard page */
    case 6:
    case 7:
        return make_path();
    case 8:
        return (uintptr_t)scratch + 1 + below(63); /* misaligned */
    default:
        return (uintptr_t)scratch + 8 * below(SCRATCH_SIZE / 16);
    }
}

static uint64_t make_integer(void)
{
    static const uint64_t huge[] = {1ull << 31, 1ull << 32, 1ull << 63, ~0ull >> 1, ~0ull - PAGE};
    switch (below(16)) {
    case 0:
    case 1:
    case 2:
    case 3:
        return 0;
    case 4:
        return 1 + below(64);
    case 5:
        return (uint64_t)-1;
    case 6:
        return (uint64_t)AT_FDCWD;
    case 7:
    case 8:
        return below(FDS);
    case 9:
        return 1ull << below(64);
    case 10:
        return PAGE * below(5);
    case 11:
        return huge[below(sizeof huge / sizeof huge[0])];
    case 12:
        return (uint32_t)next_random();
    case 13:
        return (uint64_t)own_pid;
    default:
        return next_random();
    }
}

static uint64_t make_argument(void)
{
    return below(5) < 2 ? make_pointer() : make_integer();
}

/* A pid for a call that acts on another process: the child's own, a sibling's (pids after the
   parent's, given out in order), its own group, or none; never the parent or every process. */
static uint64_t make_safe_pid(void)
{
    pid_t sibling = own_pid - 4 + (pid_t)below(9);
    switch (below(5)) {
    case 0:
        return (uint64_t)(sibling > parent_pid ? sibling : own_pid);
    case 1:
        return 0;
    case 2:
        return (uint64_t)(-(int64_t)own_pid); /* its own group (setsid made the group its pid) */
    case 3:
        return 99999; /* beyond Zinc's pids and Linux's default pid_max: names nothing */
    default:
        return (uint64_t)own_pid;
    }
}

/* The arguments that are pids, for the calls that act on a process by its pid: a bit per
   argument. */
static unsigned pid_arguments(long nr)
{
    switch (nr) {
    case SYS_kill:
    case SYS_tkill:
    case SYS_rt_sigqueueinfo:
    case SYS_prlimit64:
    case SYS_process_vm_writev:
#ifdef SYS_pidfd_open
    case SYS_pidfd_open:
#endif
        return 1u << 0;
    case SYS_tgkill:
    case SYS_rt_tgsigqueueinfo:
        return 1u << 0 | 1u << 1;
    case SYS_ptrace:
        return 1u << 1;
    default:
        return 0;
    }
}

static int makes_task(long nr)
{
#ifdef SYS_fork
    if (nr == SYS_fork || nr == SYS_vfork)
        return 1;
#endif
#ifdef SYS_clone3
    if (nr == SYS_clone3)
        return 1;
#endif
    return nr == SYS_clone;
}

/* The calls that end a child's work almost whatever their arguments: the exits, and
   rt_sigreturn, which jumps to the random address its random frame holds. */
static int ends_the_child(long nr)
{
    return nr == SYS_exit || nr == SYS_exit_group || nr == SYS_rt_sigreturn;
}

/* Mostly a number of Linux's table, drawn again 7 times in 8 if it ends the child (or a child
   would seldom make half its calls); one in 32 is beyond the table: past the end of Zinc's table,
   the x32 bit of x86_64, all ones, anything. */
static long make_number(void)
{
    static const uint64_t beyond[] = {SYSCALL_RANGE, 511, 512, 0x40000000, ~0ull, 1ull << 32};
    if (below(32)) {
        long nr = (long)below(SYSCALL_RANGE);
        return ends_the_child(nr) && below(8) ? (long)below(SYSCALL_RANGE) : nr;
    }
    if (below(2))
        return (long)beyond[below(sizeof beyond / sizeof beyond[0])];
    return (long)next_random();
}

static void refill(void)
{
    for (size_t i = 0; i < SCRATCH_SIZE; i += 8)
        *(uint64_t *)(scratch + i) = below(4) ? make_argument() : next_random();
    memset(scratch + SCRATCH_SIZE - 16, 'a', 16);
    for (size_t i = 0; i < PATHS; i++)
        strcpy(paths[i], path_names[i]);
    memset(paths[PATHS], 'x', LONG_NAME);
    paths[PATHS][LONG_NAME] = '\0';
}

/* What a child is doing, in memory it shares with the parent: the call it is in, for the parent to
   name if the child is still in it at its deadline (a call that ignores signals, say). */
struct call_record {
    uint64_t nr, arg[6], in_call;
};
static struct call_record *record;

static void do_nothing(int sig)
{
    (void)sig;
}

/* The timer whose signal interrupts a call that would block forever. */
static void arm_timer(void)
{
    struct itimerval every = {{0, TIMER_US}, {0, TIMER_US}};
    setitimer(ITIMER_REAL, &every, NULL);
}

/* Does call nr replace the timer? Then it is armed again at once: one alarm(0) would otherwise
   leave every later call that blocks to the deadline. */
static int moves_timer(long nr)
{
#ifdef SYS_alarm
    if (nr == SYS_alarm)
        return 1;
#endif
    return nr == SYS_setitimer;
}

static void fuzz_one(void)
{
    long nr = make_number();
    if (nr == SYS_reboot)
        return;
    uint64_t a[6];
    for (int i = 0; i < 6; i++)
        a[i] = make_argument();
    for (int i = 0; i < 6; i++)
        if (pid_arguments(nr) & (1u << i))
            a[i] = make_safe_pid();
    record->nr = (uint64_t)nr;
    memcpy(record->arg, a, sizeof a);
    record->in_call = 1;
    long ret = raw_syscall(nr, a);
    if (makes_task(nr) && ret == 0) {
        const uint64_t none[6] = {0};
        raw_syscall(SYS_exit, none); /* the new process or thread; exit ends only it */
    }
    record->in_call = 0;
    if (moves_timer(nr))
        arm_timer();
}

/* The child's files, in a fixed order so that descriptors 3 to 13 are the same in every child: a
   pipe, a regular file, a directory, an eventfd, an epoll, a socket pair, a timerfd, a /proc
   file; 0 to 2 are /dev/null. */
static void open_files(int null_fd)
{
    int pipe_fds[2], pair[2];
    for (int fd = 0; fd < 3; fd++)
        dup2(null_fd, fd);
    close(null_fd);
    if (pipe(pipe_fds) || socketpair(AF_UNIX, SOCK_STREAM, 0, pair))
        return;
    open(FUZZ_DIR "/file", O_RDWR | O_CREAT, 0644);
    open(FUZZ_DIR, O_RDONLY | O_DIRECTORY);
    eventfd(0, 0);
    epoll_create1(0);
    timerfd_create(CLOCK_MONOTONIC, 0);
    open("/proc/self/status", O_RDONLY);
}

/* Handlers that do nothing for every signal but the faults (whose handler would return to the
   faulting instruction forever), and the timer. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = do_nothing;
    for (int sig = 1; sig < NSIG; sig++)
        if (sig != SIGSEGV && sig != SIGBUS && sig != SIGILL && sig != SIGFPE && sig != SIGTRAP)
            sigaction(sig, &sa, NULL); /* fails for SIGKILL, SIGSTOP and the C library's own */
    arm_timer();
}

static void fuzz(uint64_t seed, uint64_t index, uint64_t calls, int null_fd)
{
    rng_state = (seed * 0x9e3779b97f4a7c15ull) ^ (index * 0xbf58476d1ce4e5b9ull) ^ 1;
    own_pid = getpid();
    setsid();
    open_files(null_fd);
    chdir(FUZZ_DIR);
    scratch =
        mmap(NULL, SCRATCH_SIZE + PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (scratch == MAP_FAILED || mprotect(scratch + SCRATCH_SIZE, PAGE, PROT_NONE))
        _exit(1);
    catch_signals();
    for (uint64_t i = 0; i < calls; i++) {
        if (i % REFILL_EVERY == 0)
            refill();
        fuzz_one();
    }
    _exit(DONE_STATUS);
}

/* How the children ended. */
enum outcome {
    DONE,
    EXITED,
    SIGNALED,
    KILLED_AT_DEADLINE,
    NOT_STARTED,
    OUTCOMES
};
static unsigned counts[OUTCOMES], others_reaped;

static void count(int status)
{
    counts[WIFEXITED(status) && WEXITSTATUS(status) == DONE_STATUS ? DONE
           : WIFEXITED(status)                                     ? EXITED
                                                                   : SIGNALED]++;
}

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void nap_ms(long ms)
{
    struct timespec ts = {0, ms * 1000000};
    nanosleep(&ts, NULL);
}

/* A running child: its pid (0 for a free slot), its index and its deadline. */
struct slot {
    pid_t pid;
    uint64_t index, deadline;
};

static void start(struct slot *slot, struct call_record *rec, uint64_t seed, uint64_t index,
                  uint64_t calls, int null_fd)
{
    fflush(stdout); /* or the child's copy of the buffer would be printed again */
    pid_t pid = fork();
    if (pid == 0) {
        record = rec;
        fuzz(seed, index, calls, null_fd);
    }
    if (pid < 0) {
        counts[NOT_STARTED]++;
        return;
    }
    *slot = (struct slot){pid, index, now_ms() + CHILD_DEADLINE_MS};
}

/* Reap what has ended: a child of a slot, an orphan given to pid 1, or a process that a child's
   clone(CLONE_PARENT) made the parent's. Returns whether anything had. */
static int reap(struct slot *slots, unsigned n)
{
    int status, any = 0;
    for (pid_t pid; (pid = waitpid(-1, &status, WNOHANG)) > 0; any = 1) {
        unsigned i = 0;
        while (i < n && slots[i].pid != pid)
            i++;
        if (i == n) {
            others_reaped++;
            continue;
        }
        count(status);
        slots[i].pid = 0;
    }
    return any;
}

/* Kill the child of a slot, whose deadline has passed, and say which call it was in. */
static void kill_late(struct slot *slot, const struct call_record *rec)
{
    if (rec->in_call)
        printf("linux-fuzz: child %lu was still in call %lu (%#lx, %#lx, %#lx, %#lx, %#lx, %#lx) "
               "at its deadline\n",
               (unsigned long)slot->index, (unsigned long)rec->nr, (unsigned long)rec->arg[0],
               (unsigned long)rec->arg[1], (unsigned long)rec->arg[2], (unsigned long)rec->arg[3],
               (unsigned long)rec->arg[4], (unsigned long)rec->arg[5]);
    kill(slot->pid, SIGKILL);
    waitpid(slot->pid, NULL, 0);
    counts[KILLED_AT_DEADLINE]++;
    slot->pid = 0;
}

static unsigned running(const struct slot *slots, unsigned n)
{
    unsigned count = 0;
    for (unsigned i = 0; i < n; i++)
        count += slots[i].pid != 0;
    return count;
}

/* Run the children, at most at_once at a time: start one in each free slot, reap, kill the late,
   and nap when nothing happened. */
static void run_children(uint64_t seed, uint64_t children, uint64_t calls, unsigned at_once,
                         int null_fd)
{
    struct slot slots[at_once];
    struct call_record *recs = mmap(NULL, at_once * sizeof *recs, PROT_READ | PROT_WRITE,
                                    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (recs == MAP_FAILED) {
        counts[NOT_STARTED] = (unsigned)children;
        return;
    }
    memset(slots, 0, sizeof slots);
    uint64_t next = 0;
    while (next < children || running(slots, at_once)) {
        for (unsigned i = 0; i < at_once; i++)
            if (!slots[i].pid && next < children)
                start(&slots[i], &recs[i], seed, next++, calls, null_fd);
        int progress = reap(slots, at_once);
        for (unsigned i = 0; i < at_once; i++) {
            if (slots[i].pid && now_ms() >= slots[i].deadline) {
                kill_late(&slots[i], &recs[i]);
                progress = 1;
            }
        }
        if (!progress)
            nap_ms(POLL_MS);
    }
    munmap(recs, at_once * sizeof *recs);
}

/* The pid of /proc's entry name, or 0 if it is not a process. */
static pid_t pid_named(const char *name)
{
    return name[0] >= '1' && name[0] <= '9' ? (pid_t)number(name, 0) : 0;
}

static int count_processes(void)
{
    DIR *dir = opendir("/proc");
    int n = 0;
    for (struct dirent *e; dir && (e = readdir(dir));)
        n += pid_named(e->d_name) != 0;
    if (dir)
        closedir(dir);
    return n;
}

/* The parent of process pid, from /proc/PID/stat ("pid (name) state ppid ..."), or 0. */
static pid_t parent_of(pid_t pid)
{
    char path[32], text[256];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    int fd = open(path, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
    if (fd >= 0)
        close(fd);
    if (n <= 0)
        return 0;
    text[n] = '\0';
    char *end = strrchr(text, ')');
    return end && strlen(end) > 4 ? (pid_t)number(end + 4, 0) : 0;
}

/* Orphans came to pid 1, and a child's clone(CLONE_PARENT) made processes the parent's: reap the
   dead ones, and kill and reap the others. */
static void end_strays(void)
{
    while (waitpid(-1, NULL, WNOHANG) > 0)
        others_reaped++;
    DIR *dir = opendir("/proc");
    for (struct dirent *e; dir && (e = readdir(dir));) {
        pid_t pid = pid_named(e->d_name);
        if (pid && parent_of(pid) == parent_pid) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            others_reaped++;
        }
    }
    if (dir)
        closedir(dir);
}

/* Remove the tree at path (the children's files), as `rm -rf` would: it goes into directories
   only, never through a symlink (/proc/self/cwd leads back to /), and no deeper than a few levels,
   more than the names of the mix make. */
static void remove_tree(const char *path, int depth)
{
    DIR *dir = depth < 16 ? opendir(path) : NULL;
    for (struct dirent *e; dir && (e = readdir(dir));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char child[512];
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        if (e->d_type == DT_DIR)
            remove_tree(child, depth + 1);
        else
            unlink(child);
    }
    if (dir)
        closedir(dir);
    rmdir(path);
}

/* Does the kernel still do what a program needs: fork and wait, a pipe, a file? */
static int still_works(void)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(42);
    int status = 0, fds[2];
    char text[8] = {0};
    int ok = pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
             WEXITSTATUS(status) == 42;
    ok = ok && !pipe(fds) && write(fds[1], "zinc", 4) == 4 && read(fds[0], text, 8) == 4 &&
         !memcmp(text, "zinc", 4) && !close(fds[0]) && !close(fds[1]);
    int fd = open("/tmp/linux-fuzz-check", O_RDWR | O_CREAT | O_TRUNC, 0644);
    ok = ok && fd >= 0 && pwrite(fd, "still", 5, 0) == 5 && pread(fd, text, 8, 0) == 5 &&
         !memcmp(text, "still", 5);
    if (fd >= 0)
        close(fd);
    return ok && !unlink("/tmp/linux-fuzz-check");
}

int main(int argc, char **argv)
{
    uint64_t children = number(argc > 1 ? argv[1] : NULL, 48);
    uint64_t seed = number(argc > 2 ? argv[2] : NULL, 1);
    uint64_t calls = number(argc > 3 ? argv[3] : NULL, 300);
    uint64_t at_once = number(argc > 4 ? argv[4] : NULL, 4);
    at_once = at_once ? at_once : 1;
    printf("linux-fuzz: %lu children of %lu calls each, %lu at a time, seed %lu\n",
           (unsigned long)children, (unsigned long)calls, (unsigned long)at_once,
           (unsigned long)seed);
    parent_pid = getpid();
    int null_fd = open("/dev/null", O_RDWR);
    if (null_fd < 0 || (mkdir(FUZZ_DIR, 0755) && errno != EEXIST)) {
        printf("linux-fuzz: cannot open /dev/null or make " FUZZ_DIR "\n");
        return 1;
    }
    int processes = count_processes();
    run_children(seed, children, calls, (unsigned)at_once, null_fd);
    end_strays();
    printf("linux-fuzz: %u made all their calls, %u exited by a call, %u ended by a signal, %u "
           "killed at the deadline, %u not started; %u other processes reaped\n",
           counts[DONE], counts[EXITED], counts[SIGNALED], counts[KILLED_AT_DEADLINE],
           counts[NOT_STARTED], others_reaped);
    remove_tree(FUZZ_DIR, 0);
    int works = still_works(), left = count_processes() - processes;
    printf("linux-fuzz: fork, wait, a pipe and a file %s\n", works ? "still work" : "FAILED");
    if (left)
        printf("linux-fuzz: %d processes more than before\n", left);
    else
        printf("linux-fuzz: no process left over\n");
    if (counts[NOT_STARTED])
        printf("linux-fuzz: the kernel could not start every child\n");
    if (!works || left || counts[NOT_STARTED])
        return 1;
    printf("linux-fuzz: the kernel is still here\n");
    return 0;
}
