/*: # thread-stress: 10,000 threads blocked at once, and nothing left behind

Chapter 6's claim, checked from user mode: a blocked thread holds no kernel stack, so a program may
block thousands of threads on a small machine, and when they are gone, so is everything they took.
`thread-stress [THREADS]` (10,000 by default) starts that many threads of its own process and
blocks a third of them in `zx_futex_wait` on one futex, a third in `zx_port_wait` on one port, and a
third in `zx_object_wait_one` for a channel to become readable (two readers to a channel, each of
which then reads one message). It checks that every thread is blocked where it should be
(`ZX_INFO_THREAD` names the wait), wakes them all (one futex wake, a packet per port waiter, a
message per reader), joins them (`ZX_THREAD_TERMINATED`) and closes every handle.

What it counts, before and after: the handles the process holds, by type
(`ZX_INFO_PROCESS_HANDLE_STATS`), and the frames the kernel has in use (`ZX_INFO_KMEM_STATS`, asked
of the root resource, which the kernel gives the first program only: run it as `run thread-stress`).
The whole thing runs twice. The first round grows what a process keeps once grown (its handle table
keeps its chunks, object/handle.c) and the kernel heap's slabs, so the second round must give back
every frame it took. A thread's last frames go back a little after it ends (the executor frees its
record once no waker can touch it, exec/suspend.h), so the counts are compared until they match,
for a few seconds at most: a leak never settles. Each step prints a TAP line for the test runner. */
#include <stdio.h>

#include "launch.h"
#include "zircon/futex.h"
#include "zircon/handle_stats.h"
#include "zircon/kmem_stats.h"
#include "zircon/object_info.h"
#include "zircon/port.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define MAX_THREADS 10000
#define STACK_SIZE 2048 /* each thread's slice of one stack VMO: enough for a wait and a read */
#define MSEC 1000000ll
#define SETTLE_MS 5000
#define BLOCK_MS 120000 /* time for every thread to start and block, even on an emulated machine */

enum how { BY_FUTEX, BY_PORT, BY_CHANNEL, HOWS };

static const uint32_t blocked_state[HOWS] = {
    ZX_THREAD_STATE_BLOCKED_FUTEX, ZX_THREAD_STATE_BLOCKED_PORT, ZX_THREAD_STATE_BLOCKED_WAIT_ONE};

/* What every thread shares. */
static struct {
    uint32_t count;                  /* threads in a round */
    zx_handle_t thread[MAX_THREADS];
    /* A channel for every two channel readers: its reading end, and its writing end. */
    zx_handle_t reader[MAX_THREADS / 6 + 1], writer[MAX_THREADS / 6 + 1];
    zx_handle_t port, stack_vmo;
    uintptr_t stacks;
    zx_futex_t futex; /* 0 while the futex waiters must wait */
    uint32_t woken;   /* atomic: threads that returned from their wait as they should */
} s;

static enum how how_of(uint32_t i)
{
    return (enum how)(i % HOWS);
}

static uint32_t channel_of(uint32_t i)
{
    return i / HOWS / 2;
}

static uint32_t channels(void)
{
    return channel_of(s.count - 1) + 1;
}

static bool wait_on_futex(void)
{
    while (__atomic_load_n(&s.futex, __ATOMIC_SEQ_CST) == 0) {
        zx_status_t status = zx_futex_wait(&s.futex, 0, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);
        if (status != ZX_OK && status != ZX_ERR_BAD_STATE)
            return false;
    }
    return true;
}

static bool wait_on_port(void)
{
    zx_port_packet_t packet;
    return zx_port_wait(s.port, ZX_TIME_INFINITE, &packet) == ZX_OK &&
           packet.type == ZX_PKT_TYPE_USER;
}

/* Two readers share a channel, and two messages come: a reader that finds the other took the first
   waits again. */
static bool wait_on_channel(zx_handle_t channel)
{
    for (;;) {
        uint32_t message, bytes, handles;
        zx_status_t status =
            zx_object_wait_one(channel, ZX_CHANNEL_READABLE, ZX_TIME_INFINITE, NULL);
        if (status != ZX_OK)
            return false;
        status = zx_channel_read(channel, 0, &message, NULL, sizeof message, 0, &bytes, &handles);
        if (status != ZX_ERR_SHOULD_WAIT)
            return status == ZX_OK;
    }
}

static void blocked_thread(uintptr_t i)
{
    bool ok = how_of(i) == BY_FUTEX ? wait_on_futex()
              : how_of(i) == BY_PORT ? wait_on_port()
                                     : wait_on_channel(s.reader[channel_of(i)]);
    if (ok)
        __atomic_add_fetch(&s.woken, 1, __ATOMIC_SEQ_CST);
}

/* What is counted before and after. */
struct counts {
    uint64_t frames_used;
    zx_info_process_handle_stats_t handles;
};

static zx_handle_t info_resource;

static void take_counts(struct counts *c)
{
    zx_info_kmem_stats_t kmem = {0};
    EXPECT_OK(
        zx_object_get_info(info_resource, ZX_INFO_KMEM_STATS, &kmem, sizeof kmem, NULL, NULL));
    c->frames_used = (kmem.total_bytes - kmem.free_bytes) / 4096;
    EXPECT_OK(zx_object_get_info(zx_process_self(), ZX_INFO_PROCESS_HANDLE_STATS, &c->handles,
                                 sizeof c->handles, NULL, NULL));
}

static bool same_handles(const struct counts *a, const struct counts *b)
{
    for (int type = 0; type < ZX_OBJ_TYPE_UPPER_BOUND; type++)
        if (a->handles.handle_count[type] != b->handles.handle_count[type])
            return false;
    return true;
}

static uint32_t handles_of(const struct counts *c, zx_obj_type_t type)
{
    return c->handles.handle_count[type];
}

/* The steps of a round. */

static struct counts before, blocked;
static uint32_t round;

static void make_objects(void)
{
    ASSERT_OK(zx_vmo_create((uint64_t)s.count * STACK_SIZE, 0, &s.stack_vmo));
    ASSERT_OK(zx_vmar_map(zx_vmar_root_self(), ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, s.stack_vmo,
                          0, (size_t)s.count * STACK_SIZE, &s.stacks));
    ASSERT_OK(zx_port_create(0, &s.port));
    for (uint32_t c = 0; c < channels(); c++)
        ASSERT_OK(zx_channel_create(0, &s.reader[c], &s.writer[c]));
    s.futex = 0;
    s.woken = 0;
}

/* Start every thread, then wait until each is blocked in its wait. */
static void start_and_block(void)
{
    take_counts(&before);
    ASSERT_CHECK(make_objects());
    for (uint32_t i = 0; i < s.count; i++) {
        ASSERT_OK(zx_thread_create(zx_process_self(), "stress", 6, 0, &s.thread[i]));
        ASSERT_OK(zinc_thread_start(s.thread[i], blocked_thread, i,
                                    (void *)(s.stacks + i * STACK_SIZE), STACK_SIZE));
    }
    zx_time_t give_up = zx_clock_get_monotonic() + BLOCK_MS * MSEC;
    uint32_t first_not_blocked = 0;
    while (first_not_blocked < s.count && zx_clock_get_monotonic() < give_up) {
        zx_info_thread_t info = {0};
        ASSERT_OK(zx_object_get_info(s.thread[first_not_blocked], ZX_INFO_THREAD, &info,
                                     sizeof info, NULL, NULL));
        if (info.state == blocked_state[how_of(first_not_blocked)])
            first_not_blocked++;
        else
            zx_nanosleep(zx_clock_get_monotonic() + MSEC);
    }
    EXPECT_EQ(first_not_blocked, s.count);
    EXPECT_EQ(__atomic_load_n(&s.woken, __ATOMIC_SEQ_CST), 0);
}

static void count_while_blocked(void)
{
    take_counts(&blocked);
    EXPECT_EQ(handles_of(&blocked, ZX_OBJ_TYPE_THREAD),
              handles_of(&before, ZX_OBJ_TYPE_THREAD) + s.count);
    EXPECT_EQ(handles_of(&blocked, ZX_OBJ_TYPE_CHANNEL),
              handles_of(&before, ZX_OBJ_TYPE_CHANNEL) + 2 * channels());
    EXPECT_GT(blocked.frames_used, before.frames_used);
    uint64_t frames = blocked.frames_used - before.frames_used;
    printf("# round %u: %u threads blocked in %lu frames more than before: %lu bytes a thread\n",
           round, s.count, (unsigned long)frames, (unsigned long)(frames * 4096 / s.count));
}

static zx_status_t queue_packet(uint64_t key)
{
    zx_port_packet_t packet = {.key = key, .type = ZX_PKT_TYPE_USER};
    zx_status_t status;
    /* A port holds a bounded number of a program's packets: wait for the woken to take some. */
    while ((status = zx_port_queue(s.port, &packet)) == ZX_ERR_SHOULD_WAIT)
        zx_nanosleep(zx_clock_get_monotonic() + MSEC);
    return status;
}

static void wake_all(void)
{
    __atomic_store_n(&s.futex, 1, __ATOMIC_SEQ_CST);
    EXPECT_OK(zx_futex_wake(&s.futex, UINT32_MAX));
    for (uint32_t i = 0; i < s.count; i++) {
        uint32_t message = i;
        if (how_of(i) == BY_PORT)
            EXPECT_OK(queue_packet(i));
        else if (how_of(i) == BY_CHANNEL)
            EXPECT_OK(
                zx_channel_write(s.writer[channel_of(i)], 0, &message, sizeof message, NULL, 0));
    }
}

static void join_all(void)
{
    for (uint32_t i = 0; i < s.count; i++) {
        EXPECT_OK(zx_object_wait_one(s.thread[i], ZX_THREAD_TERMINATED,
                                     zx_clock_get_monotonic() + BLOCK_MS * MSEC, NULL));
        EXPECT_OK(zx_handle_close(s.thread[i]));
    }
    EXPECT_EQ(__atomic_load_n(&s.woken, __ATOMIC_SEQ_CST), s.count);
}

static void close_everything(void)
{
    for (uint32_t c = 0; c < channels(); c++) {
        EXPECT_OK(zx_handle_close(s.reader[c]));
        EXPECT_OK(zx_handle_close(s.writer[c]));
    }
    EXPECT_OK(zx_handle_close(s.port));
    EXPECT_OK(zx_vmar_unmap(zx_vmar_root_self(), s.stacks, (size_t)s.count * STACK_SIZE));
    EXPECT_OK(zx_handle_close(s.stack_vmo));
}

/* Compare the counts with those from before the round until they match, for SETTLE_MS at most. */
static void compare_when_settled(bool frames_too)
{
    struct counts after;
    zx_time_t give_up = zx_clock_get_monotonic() + SETTLE_MS * MSEC;
    for (;;) {
        take_counts(&after);
        bool settled = same_handles(&after, &before) &&
                       (!frames_too || after.frames_used == before.frames_used);
        if (settled || zx_clock_get_monotonic() > give_up)
            break;
        zx_nanosleep(zx_clock_get_monotonic() + 10 * MSEC);
    }
    printf("# round %u: frames in use before %lu, blocked %lu, after %lu\n", round,
           (unsigned long)before.frames_used, (unsigned long)blocked.frames_used,
           (unsigned long)after.frames_used);
    for (int type = 0; type < ZX_OBJ_TYPE_UPPER_BOUND; type++) {
        if (after.handles.handle_count[type] != before.handles.handle_count[type])
            printf("# handles to objects of type %d: %u before, %u after\n", type,
                   before.handles.handle_count[type], after.handles.handle_count[type]);
    }
    EXPECT_TRUE(same_handles(&after, &before));
    if (frames_too)
        EXPECT_EQ(after.frames_used, before.frames_used);
}

/* The first round, whole: what it grows stays (the handle table's chunks, the heap's slabs). */
TEST(ThreadStress, FirstRound)
{
    round = 1;
    ASSERT_CHECK(start_and_block());
    count_while_blocked();
    wake_all();
    join_all();
    close_everything();
    compare_when_settled(false);
}

/* The second round, step by step. */
TEST(ThreadStress, AllBlockedAtOnce)
{
    round = 2;
    start_and_block();
}

TEST(ThreadStress, MemoryWhileBlocked)
{
    count_while_blocked();
}

TEST(ThreadStress, AllWoken)
{
    wake_all();
}

TEST(ThreadStress, AllJoined)
{
    join_all();
}

TEST(ThreadStress, EverythingClosed)
{
    close_everything();
}

TEST(ThreadStress, NothingLeaked)
{
    compare_when_settled(true);
}

static uint32_t parse(const char *text)
{
    uint32_t n = 0;
    while (*text >= '0' && *text <= '9')
        n = n * 10 + (uint32_t)(*text++ - '0');
    return n;
}

int main(int argc, char **argv)
{
    s.count = argc > 1 ? parse(argv[1]) : MAX_THREADS;
    if (s.count < HOWS || s.count > MAX_THREADS) {
        printf("usage: thread-stress [THREADS], %d to %d\n", HOWS, MAX_THREADS);
        return 1;
    }
    info_resource = zinc_root_resource();
    if (info_resource == ZX_HANDLE_INVALID) {
        printf("thread-stress: no root resource: run it as the first program\n");
        return 1;
    }
    printf("# thread-stress: %u threads\n", s.count);
    return zxtest_run(NULL);
}
