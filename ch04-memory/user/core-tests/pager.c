/*: # PagerTest and PortTest: memory a program supplies

This program is both sides of a pager. A second thread of the process reads a pager-backed VMO and
so waits, and so does a child process that touches a mapping of it (vm_child.h); the main thread
plays the pager: it takes the page request from the port, checks what was asked for, and supplies
the page from an auxiliary VMO, after which the reader goes on and finds the bytes. The other tests
check the edges: the pager's rights, pages supplied ahead need no request, bad supplies are refused,
and a VMO whose pager is gone fails instead of waiting for ever.

Two cases carry the names of Fuchsia's `Pager` cases that read through `zx_vmo_read` (the `_vmo`
half of each pair; the `_vmar` half reads through a mapping). */
#include "launch.h"
#include "probe.h"
#include "vm_child.h"
#include "zircon/port.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PS 4096u
#define SECOND 1000000000ll
#define KEY 0x5a17u
#define STACK_SIZE 8192

static char stack[STACK_SIZE] __attribute__((aligned(16)));
static volatile zx_handle_t reader_vmo;
static volatile uint64_t reader_word;
static volatile zx_status_t reader_status;

struct paged {
    zx_handle_t pager, port, vmo;
};

static void paged_create(struct paged *p, uint64_t size)
{
    EXPECT_OK(zx_pager_create(0, &p->pager));
    EXPECT_OK(zx_port_create(0, &p->port));
    EXPECT_OK(zx_pager_create_vmo(p->pager, 0, p->port, KEY, size, &p->vmo));
}

static void paged_close(struct paged *p)
{
    zx_handle_close(p->vmo);
    zx_handle_close(p->port);
    zx_handle_close(p->pager);
}

/* Supply the page at offset of p's VMO, with value in its first word. */
static zx_status_t supply_word(struct paged *p, uint64_t offset, uint64_t value)
{
    zx_handle_t aux;
    zx_status_t status = zx_vmo_create(PS, 0, &aux);
    if (status != ZX_OK)
        return status;
    if ((status = zx_vmo_write(aux, &value, 0, sizeof value)) == ZX_OK)
        status = zx_pager_supply_pages(p->pager, p->vmo, offset, PS, aux, 0);
    zx_handle_close(aux);
    return status;
}

static void read_second_page(uintptr_t unused)
{
    uint64_t word = 0;
    (void)unused;
    reader_status = zx_vmo_read(reader_vmo, &word, PS, sizeof word);
    reader_word = word;
}

TEST(PortTest, QueuedPacketsComeBackInOrder)
{
    zx_handle_t port;
    zx_port_packet_t in = {.key = 1}, out;
    ASSERT_OK(zx_port_create(0, &port));
    EXPECT_STATUS(zx_port_wait(port, 0, &out), ZX_ERR_TIMED_OUT);
    in.user.u64[0] = 11;
    EXPECT_OK(zx_port_queue(port, &in));
    in.key = 2;
    in.user.u64[0] = 22;
    EXPECT_OK(zx_port_queue(port, &in));
    EXPECT_OK(zx_port_wait(port, ZX_TIME_INFINITE, &out));
    EXPECT_EQ(out.key, 1u);
    EXPECT_EQ(out.type, ZX_PKT_TYPE_USER);
    EXPECT_EQ(out.user.u64[0], 11u);
    EXPECT_OK(zx_port_wait(port, 0, &out));
    EXPECT_EQ(out.key, 2u);
    EXPECT_STATUS(zx_port_wait(port, 0, &out), ZX_ERR_TIMED_OUT);
    EXPECT_STATUS(zx_port_create(2, &port), ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(port));
}

TEST(PortTest, FullPortSaysShouldWait)
{
    zx_handle_t port;
    zx_port_packet_t in = {.key = 3}, out;
    unsigned queued = 0;
    ASSERT_OK(zx_port_create(0, &port));
    while (queued < 100000 && zx_port_queue(port, &in) == ZX_OK)
        queued++;
    EXPECT_GT(queued, 0u);
    EXPECT_LT(queued, 100000u);
    EXPECT_STATUS(zx_port_queue(port, &in), ZX_ERR_SHOULD_WAIT);
    EXPECT_OK(zx_port_wait(port, 0, &out));
    EXPECT_OK(zx_port_queue(port, &in)); /* taking one makes room for one */
    EXPECT_OK(zx_handle_close(port));
}

TEST(PagerTest, CreateChecksOptionsAndHandles)
{
    zx_handle_t pager, port, vmo, event;
    EXPECT_STATUS(zx_pager_create(1, &pager), ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_pager_create(0, &pager));
    ASSERT_OK(zx_port_create(0, &port));
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_pager_create_vmo(pager, 0x80, port, 0, PS, &vmo), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_pager_create_vmo(pager, 0, event, 0, PS, &vmo), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_pager_create_vmo(port, 0, port, 0, PS, &vmo), ZX_ERR_WRONG_TYPE);
    zx_handle_close(event);
    zx_handle_close(port);
    zx_handle_close(pager);
}

TEST(PagerTest, RightsAreThoseOfTheReference)
{
    struct paged p, q;
    zx_handle_t reduced, vmo, aux;
    paged_create(&p, PS);
    paged_create(&q, PS);
    ASSERT_OK(zx_vmo_create(PS, 0, &aux));
    EXPECT_EQ(basic(p.pager).rights,
              ZX_RIGHT_TRANSFER | ZX_RIGHT_INSPECT | ZX_RIGHT_ATTACH_VMO | ZX_RIGHT_MANAGE_VMO);
    EXPECT_STATUS(zx_handle_duplicate(p.pager, ZX_RIGHT_SAME_RIGHTS, &reduced),
                  ZX_ERR_ACCESS_DENIED);
    /* Without ZX_RIGHT_MANAGE_VMO a pager attaches VMOs but supplies nothing. */
    ASSERT_OK(zx_handle_replace(p.pager, ZX_RIGHT_ATTACH_VMO, &p.pager));
    EXPECT_OK(zx_pager_create_vmo(p.pager, 0, p.port, KEY, PS, &vmo));
    EXPECT_STATUS(zx_pager_supply_pages(p.pager, p.vmo, 0, PS, aux, 0), ZX_ERR_ACCESS_DENIED);
    zx_handle_close(vmo);
    /* Without ZX_RIGHT_ATTACH_VMO it supplies its VMOs, but makes no new one. */
    ASSERT_OK(zx_handle_replace(q.pager, ZX_RIGHT_MANAGE_VMO, &q.pager));
    EXPECT_STATUS(zx_pager_create_vmo(q.pager, 0, q.port, KEY, PS, &vmo), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_pager_supply_pages(q.pager, q.vmo, 0, PS, aux, 0));
    zx_handle_close(aux);
    paged_close(&q);
    paged_close(&p);
}

TEST(Pager, SinglePageTest_vmo)
{
    struct paged p;
    zx_handle_t thread;
    zx_port_packet_t packet;
    paged_create(&p, 2 * PS);
    reader_vmo = p.vmo;
    reader_word = 0;
    reader_status = ZX_ERR_INTERNAL;
    ASSERT_OK(zx_thread_create(zx_process_self(), "reader", 6, 0, &thread));
    ASSERT_OK(zinc_thread_start(thread, read_second_page, 0, stack, STACK_SIZE));

    ASSERT_OK(zx_port_wait(p.port, zx_clock_get_monotonic() + 10 * SECOND, &packet));
    EXPECT_EQ(packet.key, KEY);
    EXPECT_EQ(packet.type, ZX_PKT_TYPE_PAGE_REQUEST);
    EXPECT_EQ(packet.page_request.command, ZX_PAGER_VMO_READ);
    EXPECT_EQ(packet.page_request.offset, PS);
    EXPECT_EQ(packet.page_request.length, PS);
    EXPECT_EQ(reader_status, ZX_ERR_INTERNAL); /* still waiting */

    EXPECT_OK(supply_word(&p, PS, 0xfeed));
    EXPECT_OK(zx_object_wait_one(thread, ZX_THREAD_TERMINATED,
                                 zx_clock_get_monotonic() + 10 * SECOND, NULL));
    EXPECT_OK(reader_status);
    EXPECT_EQ(reader_word, 0xfeedu);
    zx_handle_close(thread);
    paged_close(&p);
}

TEST(PagerTest, ProcessKilledWhileItsThreadWaitsEndsWithoutAFault)
{
    struct paged p;
    struct vm_child c;
    zx_handle_t process, thread;
    zx_port_packet_t packet;
    int64_t code = 0;
    paged_create(&p, PS);
    ASSERT_OK(vm_child_prepare(&c, "read"));
    ASSERT_OK(zx_handle_duplicate(c.l.thread, ZX_RIGHT_SAME_RIGHTS, &thread));
    EXPECT_NE(vm_child_map(&c, p.vmo, ZX_VM_PERM_READ, 0), 0);
    ASSERT_OK(vm_child_start(&c, &process));
    ASSERT_OK(zx_port_wait(p.port, zx_clock_get_monotonic() + 10 * SECOND, &packet)); /* it waits */
    EXPECT_OK(thread_wait_state(thread, ZX_THREAD_STATE_BLOCKED_PAGER));
    EXPECT_OK(zx_task_kill(process)); /* the thread with it: a thread cannot be killed alone */
    EXPECT_OK(zinc_process_wait(process, &code));
    EXPECT_EQ(code, ZX_TASK_RETCODE_SYSCALL_KILL); /* not EXCEPTION_KILL: the wait did not fault */
    EXPECT_OK(zx_object_wait_one(thread, ZX_THREAD_TERMINATED, 0, NULL));
    zx_handle_t handles[] = {process, thread, c.mailbox};
    EXPECT_OK(zx_handle_close_many(handles, 3));
    paged_close(&p);
}

TEST(Pager, PresupplyTest_vmo)
{
    struct paged p;
    zx_port_packet_t packet;
    uint64_t word = 0;
    paged_create(&p, PS);
    ASSERT_OK(supply_word(&p, 0, 77));
    EXPECT_OK(zx_vmo_read(p.vmo, &word, 0, sizeof word));
    EXPECT_EQ(word, 77u);
    EXPECT_OK(supply_word(&p, 0, 88)); /* a page already there is kept */
    EXPECT_OK(zx_vmo_read(p.vmo, &word, 0, sizeof word));
    EXPECT_EQ(word, 77u);
    EXPECT_STATUS(zx_port_wait(p.port, 0, &packet), ZX_ERR_TIMED_OUT);
    paged_close(&p);
}

TEST(PagerTest, SlicesShowSuppliedPagesAndSnapshotsAreRefused)
{
    struct paged p;
    zx_handle_t child;
    uint64_t word = 0;
    paged_create(&p, 2 * PS);
    EXPECT_STATUS(zx_vmo_create_child(p.vmo, ZX_VMO_CHILD_SNAPSHOT, 0, PS, &child),
                  ZX_ERR_NOT_SUPPORTED);
    ASSERT_OK(zx_vmo_create_child(p.vmo, ZX_VMO_CHILD_SLICE, PS, PS, &child));
    ASSERT_OK(supply_word(&p, PS, 99));
    EXPECT_OK(zx_vmo_read(child, &word, 0, sizeof word));
    EXPECT_EQ(word, 99u);
    zx_handle_close(child);
    paged_close(&p);
}

TEST(PagerTest, SupplyChecksItsArguments)
{
    struct paged p;
    zx_handle_t aux, plain;
    paged_create(&p, PS);
    ASSERT_OK(zx_vmo_create(2 * PS, 0, &aux));
    ASSERT_OK(zx_vmo_create(PS, 0, &plain));
    EXPECT_STATUS(zx_pager_supply_pages(p.pager, p.vmo, 1, PS, aux, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_pager_supply_pages(p.pager, p.vmo, 0, PS, aux, 8), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_pager_supply_pages(p.pager, p.vmo, PS, PS, aux, 0), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_pager_supply_pages(p.pager, p.vmo, 0, PS, aux, 2 * PS), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_pager_supply_pages(p.pager, plain, 0, PS, aux, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_pager_supply_pages(p.pager, p.vmo, 0, PS, p.port, 0), ZX_ERR_WRONG_TYPE);
    zx_handle_close(plain);
    zx_handle_close(aux);
    paged_close(&p);
}

TEST(PagerTest, ClosedPagerFailsInsteadOfWaiting)
{
    struct paged p;
    uint64_t word;
    paged_create(&p, PS);
    EXPECT_OK(zx_handle_close(p.pager));
    EXPECT_STATUS(zx_vmo_read(p.vmo, &word, 0, sizeof word), ZX_ERR_BAD_STATE);
    zx_handle_close(p.vmo);
    zx_handle_close(p.port);
}

TEST(PagerTest, ChildFaultWaitsForThePager)
{
    struct paged p;
    struct vm_child c;
    zx_handle_t process;
    zx_port_packet_t packet;
    int64_t code = -1;
    paged_create(&p, PS);
    ASSERT_OK(vm_child_prepare(&c, "read"));
    EXPECT_NE(vm_child_map(&c, p.vmo, ZX_VM_PERM_READ, 0), 0);
    ASSERT_OK(vm_child_start(&c, &process));
    ASSERT_OK(zx_port_wait(p.port, zx_clock_get_monotonic() + 10 * SECOND, &packet));
    EXPECT_EQ(packet.page_request.offset, 0u);
    EXPECT_OK(supply_word(&p, 0, 0x600d));
    EXPECT_OK(zinc_process_wait(process, &code));
    EXPECT_EQ(code, 0x600d);
    zx_handle_close(process);
    zx_handle_close(c.mailbox);
    paged_close(&p);
}
