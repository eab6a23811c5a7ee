/*: # syscall-fuzz: every system call, with arguments nobody would choose

A kernel must survive whatever a program passes it: a bad handle is `ZX_ERR_BAD_HANDLE`, a bad
pointer `ZX_ERR_INVALID_ARGS`, a missing right `ZX_ERR_ACCESS_DENIED`, and never a panic, a leak the
sanitizers see, or a corrupted kernel. The tests of each chapter check the cases their authors
thought of; this program checks the ones nobody did. It reads the list of system calls from
libzircon (syscall_list.h), so it calls every call of the kernel it runs on, those of later chapters
too (all but `debug_write`, whose harm would be to the console only), with arguments made up from
each argument's kind:

- a handle is one of the child's: a copy of its process, thread, job or root VMAR, an object of each
  kind that a `*_create` call makes from nothing (events, channels, ports, VMOs, ...), or an object
  an earlier call made; or one that names nothing;
- a pointer is NULL, an unmapped address, a kernel address, a misaligned one, or a place in a buffer
  of random bytes, near its end so that a long access runs off it;
- a deadline is in the past or a few milliseconds ahead, so that no wait lasts;
- any other integer is 0, 1, a page size, a small number, a single bit, all ones, or random.

The calls run in child processes, each in a job of its own, so that whatever a call ends or kills
(the child, its threads, its job) is the child's. The parent launches `syscall-fuzz child SEED` over
and over, waits for each with a deadline, kills what is left, and counts how each child ended. It
says what it saw and returns 0 if the kernel was still there to launch every child; the test around
it (and, on LibOS, the sanitizers) sees whether the kernel survived. Usage:
`syscall-fuzz [CHILDREN [SEED [CALLS]]]`, by default 40 children of 400 calls each, from seed 1. */
#include <stdio.h>
#include <string.h>

#include "launch.h"
#include "probe.h"
#include "syscall_list.h"
#include "xorshift.h"
#include "zinc_syscall.h"
#include "zircon/process.h"
#include "zircon/task.h"

#define DEFAULT_CALLS 400
#define CHILD_DEADLINE_NS 20000000000ll /* generous: a slow emulator, and waits that add up */
#define BUFFER_SIZE 8192
#define PAGE 4096u
#define MAX_POOL 24
#define POOL_REFILL 16 /* calls; they close and move the handles quickly */

static uint64_t rng_state;
static uint8_t buffer[BUFFER_SIZE] __attribute__((aligned(16)));
static zx_handle_t pool[MAX_POOL];
static unsigned pool_size;

/* The same sequence on every target for the same seed (common/xorshift.h). */
static uint64_t next_random(void)
{
    return xorshift64star(&rng_state);
}

static uint64_t below(uint64_t n)
{
    return n ? next_random() % n : 0;
}

static uint64_t number(const char *s)
{
    uint64_t n = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        n = n * 10 + (uint64_t)(*s - '0');
    return n;
}

/* If a call wrote a new handle where p points into the buffer, the pool takes it: later calls get
   the objects that calls made (threads, processes, VMOs, ports, pagers, and those of later
   chapters). */
static void adopt_handle_at(uint64_t p)
{
    if (p < (uintptr_t)buffer || p > (uintptr_t)buffer + BUFFER_SIZE - 4 || p % 4)
        return;
    zx_handle_t h = *(zx_handle_t *)p;
    for (unsigned i = 0; i < pool_size; i++)
        if (pool[i] == h)
            return;
    if ((h & 3) != 3 || !is_valid(h))
        return;
    pool[pool_size < MAX_POOL ? pool_size++ : below(MAX_POOL)] = h;
}

/* Is call one that makes objects from nothing: named *_create, taking only integers (options) and
   pointers (where the new handles go)? */
static int is_maker(const struct zinc_syscall_info *call)
{
    size_t n = strlen(call->name);
    for (const char *kind = call->args; *kind; kind++)
        if (*kind != 'i' && *kind != 'p')
            return 0;
    return n > 7 && !strcmp(call->name + n - 7, "_create");
}

/* The child's handles to play with, made afresh now and then, since the calls close and move them:
   copies of its own handles (a call may close a copy, never the original), and one object of every
   kind that a call makes from nothing, with all its options zero. Objects made by the calls
   themselves join later (adopt_handle_at), and the buffer's words are handed to calls that read
   arrays of handles, so those get a chance too. */
static void fill_pool(void)
{
    zx_handle_close_many(pool, pool_size); /* those still open; the others are already gone */
    pool_size = 0;
    const zx_handle_t own[] = {zx_process_self(), zx_thread_self(), zx_job_default(),
                               zx_vmar_root_self()};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (zx_handle_duplicate(own[i], ZX_RIGHT_SAME_RIGHTS, &pool[pool_size]) == ZX_OK)
            pool_size++;
    for (size_t i = 0; i < zinc_syscall_list_size; i++) {
        const struct zinc_syscall_info *call = &zinc_syscall_list[i];
        uint64_t args[6] = {0};
        if (!is_maker(call) || strlen(call->args) > 6)
            continue;
        for (size_t j = 0; call->args[j]; j++)
            if (call->args[j] == 'p')
                args[j] = (uintptr_t)buffer + 8 * j;
        zinc_syscall(call->number, args[0], args[1], args[2], args[3], args[4], args[5]);
        for (size_t j = 0; call->args[j]; j++)
            if (call->args[j] == 'p')
                adopt_handle_at(args[j]);
    }
}

static uint64_t make_handle(void)
{
    switch (below(8)) {
    case 0:
        return ZX_HANDLE_INVALID;
    case 1:
        return next_random() | 3; /* looks like a handle value, names nothing */
    default:
        return pool_size ? pool[below(pool_size)] : ZX_HANDLE_INVALID;
    }
}

static uint64_t make_pointer(void)
{
    switch (below(10)) {
    case 0:
        return 0;
    case 1:
        return (uintptr_t)UNMAPPED;
    case 2:
        return (uintptr_t)KERNEL_HALF;
    case 3:
        return (uintptr_t)buffer + 1 + below(64); /* misaligned */
    case 4:
        return (uintptr_t)buffer + BUFFER_SIZE - 8 * below(4); /* at or near the end */
    default:
        return (uintptr_t)buffer + 8 * below(BUFFER_SIZE / 16);
    }
}

static uint64_t make_deadline(void)
{
    switch (below(4)) {
    case 0:
        return 0;
    case 1:
        return (uint64_t)-1000; /* long past */
    default:
        return (uint64_t)zx_clock_get_monotonic() + below(2000000);
    }
}

static uint64_t make_integer(void)
{
    switch (below(12)) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
        /* the usual options, offsets and flags: often right, and it lets calls go deeper */
        return 0;
    case 5:
        return 1;
    case 6:
        return PAGE * below(4);
    case 7:
        return below(64);
    case 8:
        return 1ull << below(64);
    case 9:
        return ~0ull;
    case 10:
        return (uint32_t)next_random();
    default:
        return next_random();
    }
}

/* Calls whose harm is to the console or the program, not to the kernel: debug_write would print the
   random bytes. */
static int skipped(const struct zinc_syscall_info *call)
{
    return !strcmp(call->name, "debug_write");
}

/* One call of the list with arguments of the right kinds. A call with more than six arguments takes
   the sixth onwards from an array that the sixth register points at (syscall/dispatch.h); the array
   gets the same kinds of values, and now and then the pointer to it is a bad one. */
static void fuzz_one(const struct zinc_syscall_info *call)
{
    uint64_t args[12] = {0}, rest[7];
    size_t n = strlen(call->args);
    for (size_t i = 0; i < n && i < 12; i++) {
        char kind = call->args[i];
        args[i] = kind == 'h'   ? make_handle()
                  : kind == 'p' ? make_pointer()
                  : kind == 't' ? make_deadline()
                                : make_integer();
    }
    if (n > 6) {
        memcpy(rest, &args[5], sizeof rest);
        args[5] = below(8) ? (uintptr_t)rest : make_pointer();
    }
    zinc_syscall(call->number, args[0], args[1], args[2], args[3], args[4], args[5]);
    for (size_t i = 0; i < n && i < 12; i++)
        if (call->args[i] == 'p')
            adopt_handle_at(n > 6 && i >= 5 ? rest[i - 5] : args[i]);
}

/* A child: fill the buffer with random bytes now and then, and make the calls. */
static int fuzz(uint64_t seed, uint64_t calls)
{
    rng_state = seed | 1;
    for (uint64_t i = 0; i < calls; i++) {
        if (i % POOL_REFILL == 0)
            fill_pool();
        if (i % 32 == 0)
            for (size_t j = 0; j < BUFFER_SIZE; j += 8)
                *(uint64_t *)(buffer + j) = below(4) ? next_random() : make_handle();
        const struct zinc_syscall_info *call = &zinc_syscall_list[below(zinc_syscall_list_size)];
        if (!skipped(call))
            fuzz_one(call);
    }
    return 0;
}

/* How a child ended: it made all its calls; one of them ended it (an exit, a kill of itself or its
   job); it faulted (a thread it started at a random address, say); it was still running at the
   deadline; or it never started. */
enum outcome { FINISHED, ENDED_ITSELF, KILLED, STOPPED, NOT_LAUNCHED };

static enum outcome run_child(uint64_t seed, uint64_t calls)
{
    char seed_text[24], calls_text[24];
    snprintf(seed_text, sizeof seed_text, "%lu", (unsigned long)seed);
    snprintf(calls_text, sizeof calls_text, "%lu", (unsigned long)calls);
    const char *const argv[] = {"syscall-fuzz", "child", seed_text, calls_text};
    zx_handle_t job, process;
    int64_t code = 0;
    if (zx_job_create(zx_job_default(), 0, &job) != ZX_OK)
        return NOT_LAUNCHED;
    enum outcome how = NOT_LAUNCHED;
    if (zinc_launch(job, 4, argv, NULL, 0, &process) == ZX_OK) {
        zx_status_t waited = zx_object_wait_one(process, ZX_TASK_TERMINATED,
                                                zx_clock_get_monotonic() + CHILD_DEADLINE_NS, NULL);
        zx_task_kill(job);
        zinc_process_wait(process, &code);
        how = waited != ZX_OK                            ? STOPPED
              : code == 0                                ? FINISHED
              : code == ZX_TASK_RETCODE_EXCEPTION_KILL   ? KILLED
                                                         : ENDED_ITSELF;
        zx_handle_close(process);
        if (how == STOPPED)
            printf("syscall-fuzz: child %s was still running at the deadline\n", seed_text);
    }
    zx_task_kill(job); /* whatever the child made in its job goes too */
    zx_handle_close(job);
    return how;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && !strcmp(argv[1], "child"))
        return fuzz(number(argv[2]), number(argv[3]));
    uint64_t children = argc >= 2 ? number(argv[1]) : 40, seed = argc >= 3 ? number(argv[2]) : 1;
    uint64_t calls = argc >= 4 ? number(argv[3]) : DEFAULT_CALLS;
    unsigned counts[NOT_LAUNCHED + 1] = {0};
    printf("syscall-fuzz: %lu children of %lu calls each, from %lu system calls, seed %lu\n",
           (unsigned long)children, (unsigned long)calls, (unsigned long)zinc_syscall_list_size,
           (unsigned long)seed);
    for (uint64_t i = 0; i < children; i++)
        counts[run_child(seed * 1000003 + i, calls)]++;
    printf("syscall-fuzz: %u finished, %u ended by a call, %u killed by a fault, %u stopped at the "
           "deadline, "
           "%u not launched\n",
           counts[FINISHED], counts[ENDED_ITSELF], counts[KILLED], counts[STOPPED],
           counts[NOT_LAUNCHED]);
    if (counts[NOT_LAUNCHED]) {
        printf("syscall-fuzz: the kernel could not launch every child\n");
        return 1;
    }
    printf("syscall-fuzz: the kernel is still here\n");
    return 0;
}
