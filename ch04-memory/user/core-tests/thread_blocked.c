/*: # ThreadTest, continued: blocked on this chapter's objects

A thread that waits in `zx_port_wait` is `ZX_THREAD_STATE_BLOCKED_PORT`; one whose access to a
pager-backed VMO waits for the pager to supply the page is `ZX_THREAD_STATE_BLOCKED_PAGER`. A second
thread of this process does the waiting while the main thread watches it through `ZX_INFO_THREAD`,
then gives it what it waits for. */
#include "launch.h"
#include "probe.h"
#include "zircon/port.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PS 4096u
#define STACK_SIZE 8192
#define SECOND 1000000000ll

static char stack[STACK_SIZE] __attribute__((aligned(16)));
static volatile zx_handle_t waited_on;
static volatile zx_status_t waiter_status;
static volatile uint64_t waiter_word;

static void wait_on_port(uintptr_t unused)
{
    zx_port_packet_t packet = {0};
    waiter_status = zx_port_wait(waited_on, ZX_TIME_INFINITE, &packet);
    waiter_word = packet.user.u64[0];
}

static void read_paged(uintptr_t unused)
{
    uint64_t word = 0;
    waiter_status = zx_vmo_read(waited_on, &word, 0, sizeof word);
    waiter_word = word;
}

/* Start a thread of this process running fn, with waited_on set to h. */
static zx_handle_t start_waiter(void (*fn)(uintptr_t), zx_handle_t h)
{
    zx_handle_t thread = ZX_HANDLE_INVALID;
    waited_on = h;
    waiter_status = ZX_ERR_INTERNAL;
    waiter_word = 0;
    EXPECT_OK(zx_thread_create(zx_process_self(), "waiter", 6, 0, &thread));
    EXPECT_OK(zinc_thread_start(thread, fn, 0, stack, STACK_SIZE));
    return thread;
}

static zx_status_t wait_end(zx_handle_t thread)
{
    return zx_object_wait_one(thread, ZX_THREAD_TERMINATED, zx_clock_get_monotonic() + 10 * SECOND,
                              NULL);
}

TEST(ThreadTest, BlockedPortInPortWait)
{
    zx_handle_t port;
    zx_port_packet_t packet = {.key = 1, .user.u64 = {77}};
    ASSERT_OK(zx_port_create(0, &port));
    zx_handle_t thread = start_waiter(wait_on_port, port);
    EXPECT_OK(thread_wait_state(thread, ZX_THREAD_STATE_BLOCKED_PORT));
    EXPECT_OK(zx_port_queue(port, &packet));
    EXPECT_OK(wait_end(thread));
    EXPECT_OK(waiter_status);
    EXPECT_EQ(waiter_word, 77u);
    zx_handle_t handles[] = {thread, port};
    EXPECT_OK(zx_handle_close_many(handles, 2));
}

TEST(ThreadTest, BlockedPagerWhileThePageIsMissing)
{
    zx_handle_t pager, port, vmo, aux;
    zx_port_packet_t packet;
    uint64_t value = 0x5eed;
    ASSERT_OK(zx_pager_create(0, &pager));
    ASSERT_OK(zx_port_create(0, &port));
    ASSERT_OK(zx_pager_create_vmo(pager, 0, port, 9, PS, &vmo));
    zx_handle_t thread = start_waiter(read_paged, vmo);
    ASSERT_OK(zx_port_wait(port, zx_clock_get_monotonic() + 10 * SECOND, &packet));
    EXPECT_OK(thread_wait_state(thread, ZX_THREAD_STATE_BLOCKED_PAGER));
    ASSERT_OK(zx_vmo_create(PS, 0, &aux));
    ASSERT_OK(zx_vmo_write(aux, &value, 0, sizeof value));
    EXPECT_OK(zx_pager_supply_pages(pager, vmo, 0, PS, aux, 0));
    EXPECT_OK(wait_end(thread));
    EXPECT_OK(waiter_status);
    EXPECT_EQ(waiter_word, value);
    zx_handle_t handles[] = {thread, aux, vmo, port, pager};
    EXPECT_OK(zx_handle_close_many(handles, 5));
}
