/*: # The benchmark program

One static Linux program that times what a kernel is asked for most, so that the same file can run
on Zinc and on Linux and the two be compared figure by figure (tools/bench-linux.sh boots both):

- `getppid`: the null system call, a call that does almost nothing, so that what is timed is the
  way in and out of the kernel;
- `pipe-round-trip`: one byte to a child process through a pipe and one back through another, two
  wake-ups and two switches between processes;
- `fork-exit-wait`: a child made, ended and reaped, its address space copied and torn down;
- `fork-exec-wait`: the same, the child running this program again (with the argument
  `exit-status`, which exits at once): a program loaded;
- `mmap-touch-munmap`: 1 MiB of anonymous memory mapped, each of its pages written (a page fault
  each), and unmapped.

Each figure is timed in rounds of many iterations with the monotonic clock; a round's mean is the
time of one iteration, and the figure printed is the median of the rounds, which a round slowed by
something else on the machine does not move. Every iteration also checks its result (the byte that
comes back, the child's exit status, the bytes in the memory), so a kernel that got one wrong fails
the run instead of being fast: `bench quick` does a few iterations of each, which is the test
`make test` runs (tests/bench.expect). The output is a line a figure, `NAME VALUE UNIT`; naming
figures (`bench getppid`, `bench quick pipe-round-trip`) runs only those, which is how one is
looked at under a profiler. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 5
#define EXEC_STATUS 42
#define MAPPING (1024 * 1024)

static const char *self; /* this program's path, for fork-exec-wait */
static int to_child[2], from_child[2];

static void fail(const char *what)
{
    printf("bench: %s failed\n", what);
    exit(1);
}

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* The null system call, without the C library's wrapper in the way. */
static void one_getppid(void)
{
    if (syscall(SYS_getppid) < 0)
        fail("getppid");
}

/* The child of pipe-round-trip answers each byte with the next one, until its pipe closes. */
static void answer_bytes(void)
{
    unsigned char byte;
    while (read(to_child[0], &byte, 1) == 1) {
        byte++;
        if (write(from_child[1], &byte, 1) != 1)
            _exit(1);
    }
    _exit(0);
}

static void one_round_trip(void)
{
    static unsigned char sent;
    unsigned char back;
    sent++;
    if (write(to_child[1], &sent, 1) != 1 || read(from_child[0], &back, 1) != 1 ||
        back != (unsigned char)(sent + 1))
        fail("pipe round trip");
}

static void start_answering_child(void)
{
    if (pipe(to_child) || pipe(from_child))
        fail("pipe");
    pid_t pid = fork();
    if (pid < 0)
        fail("fork");
    if (pid == 0) {
        close(to_child[1]);
        close(from_child[0]);
        answer_bytes();
    }
    close(to_child[0]);
    close(from_child[1]);
}

static void end_answering_child(void)
{
    int status;
    close(to_child[1]);
    if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("the answering child");
    close(from_child[0]);
}

/* A child that ends with STATUS, made by the caller's way of making one, reaped. */
static void reap(pid_t pid, int want)
{
    int status;
    if (pid < 0)
        fail("fork");
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != want)
        fail("a child's exit status");
}

static void one_fork_exit_wait(void)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    reap(pid, 0);
}

static void one_fork_exec_wait(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = {(char *)self, "exit-status", NULL};
        execv(self, argv);
        _exit(127);
    }
    reap(pid, EXEC_STATUS);
}

static void one_mmap_touch_munmap(void)
{
    long page = sysconf(_SC_PAGESIZE);
    unsigned char *m =
        mmap(NULL, MAPPING, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        fail("mmap");
    for (long at = 0; at < MAPPING; at += page)
        m[at] = (unsigned char)(at / page) | 1;
    for (long at = 0; at < MAPPING; at += page)
        if (m[at] != ((unsigned char)(at / page) | 1) || m[at + 1] != 0)
            fail("the mapped memory");
    if (munmap(m, MAPPING))
        fail("munmap");
}

struct figure {
    const char *name;
    void (*one)(void);
    int iterations; /* in a round of the full run */
    unsigned divisor; /* from nanoseconds to the unit printed */
    const char *unit;
    void (*before)(void), (*after)(void);
};

static const struct figure figures[] = {
    {"getppid", one_getppid, 50000, 1, "ns", NULL, NULL},
    {"pipe-round-trip", one_round_trip, 2000, 1, "ns", start_answering_child,
     end_answering_child},
    {"fork-exit-wait", one_fork_exit_wait, 100, 1000, "us", NULL, NULL},
    {"fork-exec-wait", one_fork_exec_wait, 40, 1000, "us", NULL, NULL},
    {"mmap-touch-munmap", one_mmap_touch_munmap, 50, 1000, "us", NULL, NULL},
};

static int by_value(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The median over ROUNDS rounds (1 when QUICK) of the mean time of one iteration, in ns. */
static uint64_t measure(const struct figure *f, int quick)
{
    int rounds = quick ? 1 : ROUNDS, iterations = quick ? 3 : f->iterations;
    uint64_t mean[ROUNDS];
    if (f->before)
        f->before();
    f->one(); /* once untimed: the first call may fault in pages or fill caches */
    for (int r = 0; r < rounds; r++) {
        uint64_t start = now_ns();
        for (int i = 0; i < iterations; i++)
            f->one();
        mean[r] = (now_ns() - start) / (uint64_t)iterations;
    }
    if (f->after)
        f->after();
    qsort(mean, (size_t)rounds, sizeof mean[0], by_value);
    return mean[rounds / 2];
}

/* Is figure F among the names of ARGV (all are, when none is named)? */
static int chosen(const struct figure *f, char **names)
{
    if (!*names)
        return 1;
    for (; *names; names++)
        if (strcmp(*names, f->name) == 0)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "exit-status") == 0)
        return EXEC_STATUS;
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    char **names = argv + 1 + quick;
    self = strchr(argv[0], '/') ? argv[0] : "/bin/bench";
    setvbuf(stdout, NULL, _IOLBF, 0);
    int ran = 0;
    for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
        const struct figure *f = &figures[i];
        if (!chosen(f, names))
            continue;
        uint64_t ns = measure(f, quick);
        if (quick)
            printf("%s works\n", f->name); /* a time from 3 iterations means nothing */
        else
            printf("%s %llu %s\n", f->name, (unsigned long long)(ns / f->divisor), f->unit);
        ran++;
    }
    if (ran == 0) {
        fprintf(stderr, "usage: bench [quick] [FIGURE...]\n");
        return 2;
    }
    return 0;
}
