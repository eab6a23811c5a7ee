/*: # The soak test: a thousand sessions, nothing left behind

`soak N` runs N shell sessions one after another, each a fresh busybox `sh` reading a script from
a pipe, as a person's session at the console would read what is typed. The script does what people
do: a pipeline, a file written, appended to, counted and removed in `/tmp`, a subshell, a job in
the background and `wait`, another killed, a pipeline whose reader leaves first (`yes` ends by
`SIGPIPE`), `/proc` read, a Zircon program run from the shell, and a command that fails. Every
session must print exactly the expected text (which busybox prints on Linux too) and end with
status 0: a session that breaks fails the test.

Around the sessions the program reads Zinc's census, `/proc/zinc-census` (chapter 7's
fs/procfs_census.c): the frames in use, the kernel heap's blocks, the handles and the objects of
each type. It reads it first after one session, the warm-up, because a first use may fill something
once; then after the N sessions; and it says "nothing leaked" only if every number is back where
the warm-up left it, exactly. Anything a session left behind, a frame, a heap block, a handle, an
object, shows as a difference, and the test fails with the counters that moved.

The sessions find `mkdir` and `wc` as a person's would, through the links of busybox's applets
that the initramfs holds (the stage's manifest). The program keeps its own memory still while it
runs: its buffers are static, so that its
own heap does not grow between the two readings. Linux has no census, and no `/boot/hello-zircon`:
the program runs on Zinc only.

`make test` runs ten sessions (tests/soak.expect); `make -C final soak` runs a thousand. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "elapsed.h"

/* The session: what a person might type. $$ names the session's own directory in /tmp. The
   shell's "Terminated" for the killed job is left out: it says so when the job died of the signal,
   but not when the signal came before the job's shell had become sleep (it then exits with status
   143 itself), on Linux too. */
static const char session[] =
    "d=/tmp/soak.$$\n"
    "mkdir $d || exit 1\n"
    "echo one two three | wc -w\n"
    "printf 'alpha\\nbeta\\n' > $d/words\n"
    "echo gamma >> $d/words\n"
    "wc -l < $d/words\n"
    "(cd $d && echo subshell: $(ls))\n"
    "(sleep 0; echo job > $d/job) &\n"
    "wait $!\n"
    "echo job status $?: $(cat $d/job)\n"
    "(sleep 10 & kill $!; wait $!; echo killed job status $?) 2> /dev/null\n"
    "yes | head -n 2\n"
    "ls /proc | grep -c '^self$'\n"
    "grep -c '^Pid:' /proc/self/status\n"
    "/boot/hello-zircon soak > $d/zircon\n"
    "echo zircon status $?\n"
    "sed -n 's/^  argv.1. = //p' $d/zircon\n"
    "cat $d/missing 2> /dev/null || echo missing: status $?\n"
    "rm -r $d\n"
    "[ -e $d ] || echo removed\n"
    "echo session end\n";

static const char expected[] = "3\n"
                               "3\n"
                               "subshell: words\n"
                               "job status 0: job\n"
                               "killed job status 143\n"
                               "y\n"
                               "y\n"
                               "1\n"
                               "1\n"
                               "zircon status 7\n"
                               "soak\n"
                               "missing: status 1\n"
                               "removed\n"
                               "session end\n";

static char output[4096];

/* Run script in a fresh shell: 0 if it printed expect and ended well, else -1 (and says why, and
   what failed). */
static int run_shell(const char *script, const char *expect, const char *what)
{
    int in[2], out[2];
    if (pipe(in) || pipe(out)) {
        perror("soak: pipe");
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("soak: fork");
        return -1;
    }
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(out[1], 2);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        execl("/bin/busybox", "sh", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    /* The script fits the pipe's buffer: write it whole, then the end of file. */
    size_t length = strlen(script);
    int wrote = write(in[1], script, length) == (ssize_t)length;
    close(in[1]);
    size_t used = 0;
    ssize_t n;
    while ((n = read(out[0], output + used, sizeof output - 1 - used)) > 0)
        used += n;
    output[used] = 0;
    close(out[0]);
    int status;
    if (waitpid(pid, &status, 0) != pid) {
        perror("soak: waitpid");
        return -1;
    }
    if (wrote && WIFEXITED(status) && WEXITSTATUS(status) == 0 && !strcmp(output, expect))
        return 0;
    printf("soak: %s failed (wait status %#x); it printed:\n%s", what, status, output);
    return -1;
}

static int run_session(int number)
{
    char what[32];
    snprintf(what, sizeof what, "session %d", number);
    return run_shell(session, expected, what);
}

/* A census: the counters of /proc/zinc-census by name. */
#define COUNTERS 40
struct census {
    int count;
    struct {
        char name[32];
        unsigned long value;
    } counter[COUNTERS];
};

static char census_text[4096];

/* Read the census into c: 0, or -1 (and says so) if it cannot be read. */
static int read_census(struct census *c)
{
    int fd = open("/proc/zinc-census", O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, census_text, sizeof census_text - 1);
    if (fd >= 0)
        close(fd);
    if (n <= 0) {
        perror("soak: /proc/zinc-census");
        return -1;
    }
    census_text[n] = 0;
    c->count = 0;
    for (char *line = strtok(census_text, "\n"); line && c->count < COUNTERS;
         line = strtok(NULL, "\n")) {
        if (sscanf(line, "%31s %lu", c->counter[c->count].name, &c->counter[c->count].value) == 2)
            c->count++;
    }
    return 0;
}

/* Do a and b say the same, line for line? */
static int same(const struct census *a, const struct census *b)
{
    if (a->count != b->count)
        return 0;
    for (int i = 0; i < a->count; i++)
        if (strcmp(a->counter[i].name, b->counter[i].name) ||
            a->counter[i].value != b->counter[i].value)
            return 0;
    return 1;
}

/* The value of counter name in c; 0 if c has no such line (no object of that type was made yet
   when it was read). */
static unsigned long value_of(const struct census *c, const char *name)
{
    for (int i = 0; i < c->count; i++)
        if (!strcmp(c->counter[i].name, name))
            return c->counter[i].value;
    return 0;
}

/* How many processes /proc lists (directories named by a pid), zombies included; -1 if it cannot
   be read. The records are read with getdents64 into a static buffer: opendir's would come from
   the heap, which this program keeps still. */
static int count_processes(void)
{
    static char records[2048];
    int fd = open("/proc", O_RDONLY | O_DIRECTORY), count = 0;
    long n;
    if (fd < 0)
        return -1;
    while ((n = syscall(SYS_getdents64, fd, records, sizeof records)) > 0) {
        for (long at = 0; at < n; at += *(unsigned short *)(records + at + 16)) {
            const char *name = records + at + 19; /* d_ino, d_off, d_reclen, d_type, d_name */
            count += name[0] >= '1' && name[0] <= '9';
        }
    }
    close(fd);
    return n == 0 ? count : -1;
}

/* Read the census into c once the kernel has finished with every process that ended. A parent
   learns of its child's end before the kernel is done with the child: the child's last thread
   tells the parent, then releases the address space and ends, on its own CPU, while the parent's
   waitpid returns. So the census is read until it counts as many process objects as /proc lists
   processes (every one a Linux process, here), and the same twice, SETTLE_MS apart, for what a
   thread releases as it ends; for SETTLE_TRIES readings at most, after which it is a process that
   never ends, and compare() shows it. 0, or -1 if something cannot be read. */
#define SETTLE_MS 20
#define SETTLE_TRIES 250
static int read_settled_census(struct census *c)
{
    static struct census again;
    if (read_census(c))
        return -1;
    for (int tries = 0; tries < SETTLE_TRIES; tries++) {
        pause_ms(SETTLE_MS);
        int processes = count_processes();
        if (processes < 0 || read_census(&again))
            return -1;
        if (same(c, &again) && value_of(c, "objects.process") == (unsigned long)processes)
            return 0;
        *c = again;
    }
    printf("soak: the census did not settle in %d s\n", SETTLE_MS * SETTLE_TRIES / 1000);
    return 0;
}

/* Print the two censuses side by side: the number of counters that differ. The second names
   every counter of the first, and perhaps more (types first made during the sessions). */
static int compare(const struct census *before, const struct census *after, int sessions)
{
    int differ = 0;
    printf("soak: %-20s %12s %12s\n", "counter", "warm-up", "after");
    for (int i = 0; i < after->count; i++) {
        const char *name = after->counter[i].name;
        unsigned long was = value_of(before, name), is = after->counter[i].value;
        printf("soak: %-20s %12lu %12lu%s\n", name, was, is, was == is ? "" : "  <- differs");
        differ += was != is;
    }
    if (!differ)
        printf("soak: nothing leaked in %d sessions\n", sessions);
    else
        printf("soak: %d counters differ after %d sessions: something leaked\n", differ, sessions);
    return differ;
}

int main(int argc, char **argv)
{
    int sessions = argc > 1 ? atoi(argv[1]) : 0;
    if (sessions < 1) {
        fprintf(stderr, "usage: soak SESSIONS\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IONBF, 0); /* unbuffered: a child never inherits unwritten output */
    static struct census before, after;
    if (access("/proc/zinc-census", R_OK)) {
        printf("soak: no /proc/zinc-census: this is not Zinc, nothing to count\n");
        return 1;
    }
    if (run_session(0) || read_settled_census(&before))
        return 1;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 1; i <= sessions; i++) {
        if (run_session(i))
            return 1;
        if (i % 100 == 0 && i < sessions)
            printf("soak: %d sessions\n", i);
    }
    long ms = ms_since(&start);
    printf("soak: %d sessions ok in %ld.%03ld s\n", sessions, ms / 1000, ms % 1000);
    if (read_settled_census(&after))
        return 1;
    return compare(&before, &after, sessions) ? 1 : 0;
}
