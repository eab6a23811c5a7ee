/*: # FifoTest

Fuchsia's core-tests `fifo.cc`, case for case under its names, with cases of our own for what the
reference pages say and its tests leave out: default rights, missing rights, the options and the
size limit of `zx_fifo_create`, a closed peer, a NULL `actual_count`, and that a read which
cannot deliver its elements leaves them queued. Elements are 8-byte words, as in Fuchsia's tests. */
#include <string.h>

#include "ipc_support.h"
#include "probe.h"
#include "zircon/fifo.h"
#include "zircon/task.h"
#include "zxtest.h"

#define ELEM sizeof(uint64_t)
#define FIFO_RIGHTS                                                                                \
    (ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT | ZX_RIGHT_READ |   \
     ZX_RIGHT_WRITE | ZX_RIGHT_SIGNAL | ZX_RIGHT_SIGNAL_PEER)

static void close_both(zx_handle_t a, zx_handle_t b)
{
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(FifoTest, InvalidParametersReturnOutOfRange)
{
    zx_handle_t a, b;
    EXPECT_STATUS(zx_fifo_create(0, 0, 0, &a, &b), ZX_ERR_OUT_OF_RANGE);    /* too small */
    EXPECT_STATUS(zx_fifo_create(128, 33, 0, &a, &b), ZX_ERR_OUT_OF_RANGE); /* too large */
    EXPECT_STATUS(zx_fifo_create(0, 0, 1, &a, &b), ZX_ERR_OUT_OF_RANGE); /* sizes before options */
    EXPECT_STATUS(zx_fifo_create(8, 0, 0, &a, &b), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_fifo_create(0, 8, 0, &a, &b), ZX_ERR_OUT_OF_RANGE);
    /* Products that overflow a size_t are still too large. */
    EXPECT_STATUS(zx_fifo_create((size_t)1 << 33, (size_t)1 << 31, 0, &a, &b), ZX_ERR_OUT_OF_RANGE);
}

TEST(FifoTest, MaximumSizeIsOnePage)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_fifo_create(ZX_FIFO_MAX_SIZE_BYTES / ELEM, ELEM, 0, &a, &b));
    close_both(a, b);
    ASSERT_OK(zx_fifo_create(1, ZX_FIFO_MAX_SIZE_BYTES, 0, &a, &b));
    close_both(a, b);
    EXPECT_STATUS(zx_fifo_create(ZX_FIFO_MAX_SIZE_BYTES / ELEM + 1, ELEM, 0, &a, &b),
                  ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_fifo_create(1, ZX_FIFO_MAX_SIZE_BYTES + 1, 0, &a, &b), ZX_ERR_OUT_OF_RANGE);
}

TEST(FifoTest, CreateRejectsOptionsAndBadPointers)
{
    zx_handle_t a = ZX_HANDLE_INVALID, b = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_fifo_create(8, ELEM, 1, &a, &b), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(a, ZX_HANDLE_INVALID);
    EXPECT_STATUS(zx_fifo_create(8, ELEM, 0, UNMAPPED, &b), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_fifo_create(8, ELEM, 0, &a, NULL), ZX_ERR_INVALID_ARGS);
    if (a != ZX_HANDLE_INVALID)
        EXPECT_FALSE(is_valid(a)); /* taken back when the second end could not be given */
}

TEST(FifoTest, CreateGivesDefaultRights)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    EXPECT_EQ(basic(a).rights, FIFO_RIGHTS);
    EXPECT_EQ(basic(b).rights, FIFO_RIGHTS);
    EXPECT_EQ(basic(a).type, ZX_OBJ_TYPE_FIFO);
    close_both(a, b);
}

TEST(FifoTest, EndpointsAreRelated)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_fifo_create(8, ELEM, 0, &a, &b));
    EXPECT_EQ(signals_of(a), ZX_FIFO_WRITABLE);
    EXPECT_EQ(signals_of(b), ZX_FIFO_WRITABLE);
    zx_info_handle_basic_t ia = basic(a), ib = basic(b);
    EXPECT_NE(ia.koid, 0);
    EXPECT_NE(ia.related_koid, 0);
    EXPECT_EQ(ia.koid, ib.related_koid);
    EXPECT_EQ(ib.koid, ia.related_koid);
    close_both(a, b);
}

TEST(FifoTest, EmptyQueueReturnsErrShouldWait)
{
    zx_handle_t a, b;
    uint64_t elements[8];
    size_t actual;
    ASSERT_OK(zx_fifo_create(8, ELEM, 0, &a, &b));
    EXPECT_STATUS(zx_fifo_read(a, ELEM, elements, 8, &actual), ZX_ERR_SHOULD_WAIT);
    close_both(a, b);
}

TEST(FifoTest, ReadAndWriteValidatesSizeAndElementCount)
{
    zx_handle_t a, b;
    uint64_t elements[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    size_t actual;
    ASSERT_OK(zx_fifo_create(8, ELEM, 0, &a, &b));
    EXPECT_STATUS(zx_fifo_read(a, ELEM, elements, 0, &actual), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_fifo_write(a, ELEM, elements, 0, &actual), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_fifo_read(a, ELEM + 1, elements, 8, &actual), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_fifo_write(a, ELEM + 1, elements, 8, &actual), ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(signals_of(b), ZX_FIFO_WRITABLE); /* nothing was written */
    close_both(a, b);
}

TEST(FifoTest, DequeueSignalsWriteable)
{
    zx_handle_t a, b;
    uint64_t expected[8] = {1, 2, 3, 4, 5, 6, 7, 8}, got[8] = {0};
    size_t actual;
    ASSERT_OK(zx_fifo_create(8, ELEM, 0, &a, &b));
    ASSERT_OK(zx_fifo_write(a, ELEM, expected, 8, &actual));
    EXPECT_EQ(actual, 8);
    EXPECT_EQ(signals_of(b), ZX_FIFO_READABLE | ZX_FIFO_WRITABLE);
    EXPECT_STATUS(zx_fifo_write(a, ELEM, expected, 8, &actual), ZX_ERR_SHOULD_WAIT);
    EXPECT_EQ(signals_of(a), 0);
    ASSERT_OK(zx_fifo_read(b, ELEM, got, 4, &actual));
    EXPECT_EQ(actual, 4);
    EXPECT_EQ(got[0], 1);
    EXPECT_EQ(got[3], 4);
    EXPECT_EQ(got[4], 0);
    EXPECT_EQ(signals_of(a), ZX_FIFO_WRITABLE);
    ASSERT_OK(zx_fifo_read(b, ELEM, got, 4, &actual));
    EXPECT_EQ(got[0], 5);
    EXPECT_EQ(got[3], 8);
    EXPECT_EQ(signals_of(b), ZX_FIFO_WRITABLE);
    close_both(a, b);
}

TEST(FifoTest, FifoOrderIsPreserved)
{
    zx_handle_t a, b;
    uint64_t expected[8] = {1, 2, 3, 4, 5, 6, 7, 8}, got[8] = {0};
    size_t actual;
    ASSERT_OK(zx_fifo_create(8, ELEM, 0, &a, &b));
    ASSERT_OK(zx_fifo_write(a, ELEM, expected, 8, &actual));
    ASSERT_OK(zx_fifo_read(b, ELEM, got, 4, &actual));
    expected[0] = 9;
    expected[1] = 10;
    ASSERT_OK(zx_fifo_write(a, ELEM, expected, 2, &actual)); /* wraps to the front */
    EXPECT_EQ(actual, 2);
    ASSERT_OK(zx_fifo_read(b, ELEM, got, 8, &actual)); /* across the wrap, and short */
    EXPECT_EQ(actual, 6);
    for (unsigned i = 0; i < 6; i++)
        EXPECT_EQ(got[i], 5 + i);
    for (unsigned i = 0; i < 5; i++)
        expected[i] = 11 + i;
    ASSERT_OK(zx_fifo_write(a, ELEM, expected, 5, &actual));
    EXPECT_EQ(actual, 5);
    ASSERT_OK(zx_fifo_read(b, ELEM, got, 8, &actual));
    EXPECT_EQ(actual, 5);
    EXPECT_EQ(got[4], 15);
    close_both(a, b);
}

TEST(FifoTest, PartialWriteQueuesElementsThatFit)
{
    zx_handle_t a, b;
    uint64_t elements[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    size_t actual;
    ASSERT_OK(zx_fifo_create(8, ELEM, 0, &a, &b));
    ASSERT_OK(zx_fifo_write(a, ELEM, elements, 5, &actual));
    elements[0] = 16;
    ASSERT_OK(zx_fifo_write(a, ELEM, elements, 5, &actual));
    EXPECT_EQ(actual, 3);
    uint64_t got[8];
    ASSERT_OK(zx_fifo_read(b, ELEM, got, 8, &actual));
    EXPECT_EQ(actual, 8);
    EXPECT_EQ(got[5], 16);
    EXPECT_EQ(got[7], 3);
    close_both(a, b);
}

TEST(FifoTest, IndividualReadsPreserveOrder)
{
    zx_handle_t a, b;
    uint64_t elements[8] = {1, 2, 3, 4, 5, 6, 7, 8}, got;
    size_t actual;
    ASSERT_OK(zx_fifo_create(8, ELEM, 0, &a, &b));
    ASSERT_OK(zx_fifo_write(a, ELEM, elements, 8, &actual));
    for (unsigned i = 0; i < 8; i++) {
        ASSERT_OK(zx_fifo_read(b, ELEM, &got, 1, &actual));
        EXPECT_EQ(actual, 1);
        EXPECT_EQ(got, elements[i]);
    }
    close_both(a, b);
}

TEST(FifoTest, EndpointCloseSignalsPeerClosed)
{
    zx_handle_t a, b;
    uint64_t element = 19, got[8];
    size_t actual;
    ASSERT_OK(zx_fifo_create(8, ELEM, 0, &a, &b));
    ASSERT_OK(zx_fifo_write(a, ELEM, &element, 1, &actual));
    EXPECT_OK(zx_handle_close(a));
    EXPECT_EQ(signals_of(b), ZX_FIFO_READABLE | ZX_FIFO_PEER_CLOSED);
    ASSERT_OK(zx_fifo_read(b, ELEM, got, 8, &actual));
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(got[0], 19);
    EXPECT_EQ(signals_of(b), ZX_FIFO_PEER_CLOSED);
    EXPECT_STATUS(zx_fifo_read(b, ELEM, got, 8, &actual), ZX_ERR_PEER_CLOSED);
    EXPECT_STATUS(zx_object_signal_peer(b, 0, ZX_USER_SIGNAL_0), ZX_ERR_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(b));
}

TEST(FifoTest, WriteToClosedPeer)
{
    zx_handle_t a, b;
    uint64_t element = 1;
    ASSERT_OK(zx_fifo_create(8, ELEM, 0, &a, &b));
    EXPECT_OK(zx_handle_close(b));
    EXPECT_STATUS(zx_fifo_write(a, ELEM, &element, 1, NULL), ZX_ERR_PEER_CLOSED);
    /* Before the element size, as in Zircon. */
    EXPECT_STATUS(zx_fifo_write(a, ELEM + 1, &element, 0, NULL), ZX_ERR_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(a));
}

TEST(FifoTest, NonPowerOfTwoCountSupported)
{
    zx_handle_t a, b;
    uint64_t expected[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, got[9];
    size_t actual;
    ASSERT_OK(zx_fifo_create(10, ELEM, 0, &a, &b));
    for (int round = 0; round < 3; round++) { /* the second and third writes cross the wrap */
        ASSERT_OK(zx_fifo_write(a, ELEM, expected, 9, &actual));
        EXPECT_EQ(actual, 9);
        memset(got, 0, sizeof got);
        ASSERT_OK(zx_fifo_read(b, ELEM, got, 9, &actual));
        EXPECT_EQ(actual, 9);
        EXPECT_EQ(memcmp(got, expected, sizeof got), 0);
    }
    close_both(a, b);
}

TEST(FifoTest, OddElementSizes)
{
    zx_handle_t a, b;
    char in[3 * 7 + 1] = "abcdefghijklmnopqrstu", out[3 * 7];
    size_t actual;
    ASSERT_OK(zx_fifo_create(5, 3, 0, &a, &b));
    ASSERT_OK(zx_fifo_write(a, 3, in, 7, &actual));
    EXPECT_EQ(actual, 5);
    ASSERT_OK(zx_fifo_read(b, 3, out, 2, &actual));
    ASSERT_OK(zx_fifo_write(a, 3, in + 15, 2, &actual));
    EXPECT_EQ(actual, 2);
    ASSERT_OK(zx_fifo_read(b, 3, out + 6, 7, &actual));
    EXPECT_EQ(actual, 5);
    EXPECT_EQ(memcmp(out, in, 15), 0);
    EXPECT_EQ(memcmp(out + 15, in + 15, 6), 0);
    close_both(a, b);
}

TEST(FifoTest, ReadAndWriteNeedRights)
{
    zx_handle_t a, b, no_write, no_read;
    uint64_t element = 7;
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    ASSERT_OK(zx_handle_duplicate(a, FIFO_RIGHTS & ~ZX_RIGHT_WRITE, &no_write));
    ASSERT_OK(zx_handle_duplicate(b, FIFO_RIGHTS & ~ZX_RIGHT_READ, &no_read));
    EXPECT_STATUS(zx_fifo_write(no_write, ELEM, &element, 1, NULL), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_fifo_write(a, ELEM, &element, 1, NULL));
    EXPECT_STATUS(zx_fifo_read(no_read, ELEM, &element, 1, NULL), ZX_ERR_ACCESS_DENIED);
    EXPECT_TRUE(signals_of(b) & ZX_FIFO_READABLE); /* still there */
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    EXPECT_STATUS(zx_fifo_read(event, ELEM, &element, 1, NULL), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_fifo_write(ZX_HANDLE_INVALID, ELEM, &element, 1, NULL), ZX_ERR_BAD_HANDLE);
    EXPECT_OK(zx_handle_close(event));
    EXPECT_OK(zx_handle_close(no_write));
    EXPECT_OK(zx_handle_close(no_read));
    close_both(a, b);
}

TEST(FifoTest, ActualCountMayBeNullButNotBad)
{
    zx_handle_t a, b;
    uint64_t element = 5, got = 0;
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    EXPECT_OK(zx_fifo_write(a, ELEM, &element, 1, NULL));
    EXPECT_OK(zx_fifo_read(b, ELEM, &got, 1, NULL));
    EXPECT_EQ(got, 5);
    EXPECT_STATUS(zx_fifo_write(a, ELEM, &element, 1, UNMAPPED), ZX_ERR_INVALID_ARGS);
    close_both(a, b);
}

TEST(FifoTest, ReadNullBuffer)
{
    zx_handle_t a, b;
    uint64_t element = 1;
    size_t actual;
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    EXPECT_OK(zx_fifo_write(a, ELEM, &element, 1, &actual));
    EXPECT_STATUS(zx_fifo_read(b, ELEM, NULL, 1, &actual), ZX_ERR_INVALID_ARGS);
    close_both(a, b);
}

TEST(FifoTest, WriteNullBuffer)
{
    zx_handle_t a, b;
    size_t actual;
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    EXPECT_STATUS(zx_fifo_write(a, ELEM, NULL, 1, &actual), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(signals_of(b), ZX_FIFO_WRITABLE);
    close_both(a, b);
}

TEST(FifoTest, ReadBadBuffer)
{
    zx_handle_t a, b;
    uint64_t element = 1;
    size_t actual;
    uintptr_t addr = map_fresh(PAGE, 0); /* mapped, but not writable */
    ASSERT_NE(addr, 0);
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    EXPECT_OK(zx_fifo_write(a, ELEM, &element, 1, &actual));
    EXPECT_STATUS(zx_fifo_read(b, ELEM, (void *)addr, 1, &actual), ZX_ERR_INVALID_ARGS);
    unmap_fresh(addr, PAGE);
    close_both(a, b);
}

TEST(FifoTest, WriteBadBuffer)
{
    zx_handle_t a, b;
    size_t actual;
    uintptr_t addr = map_fresh(PAGE, 0); /* mapped, but not readable */
    ASSERT_NE(addr, 0);
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    EXPECT_STATUS(zx_fifo_write(a, ELEM, (void *)addr, 1, &actual), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_fifo_write(a, ELEM, KERNEL_HALF, 1, &actual), ZX_ERR_INVALID_ARGS);
    unmap_fresh(addr, PAGE);
    close_both(a, b);
}

TEST(FifoTest, ReadPartialBadBuffer)
{
    zx_handle_t a, b;
    uint64_t elements[2] = {1, 2};
    size_t actual;
    uintptr_t addr = map_before_hole(PAGE);
    ASSERT_NE(addr, 0);
    void *buffer =
        (void *)(addr + PAGE - ELEM); /* one element fits, the next is past the mapping */
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    EXPECT_OK(zx_fifo_write(a, ELEM, elements, 2, &actual));
    EXPECT_STATUS(zx_fifo_read(b, ELEM, buffer, 2, &actual), ZX_ERR_INVALID_ARGS);
    unmap_fresh(addr, PAGE);
    close_both(a, b);
}

TEST(FifoTest, WritePartialBadBuffer)
{
    zx_handle_t a, b;
    size_t actual;
    uintptr_t addr = map_before_hole(PAGE);
    ASSERT_NE(addr, 0);
    void *buffer = (void *)(addr + PAGE - ELEM);
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    EXPECT_STATUS(zx_fifo_write(a, ELEM, buffer, 2, &actual), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(signals_of(b), ZX_FIFO_WRITABLE); /* not even the first element went */
    unmap_fresh(addr, PAGE);
    close_both(a, b);
}

TEST(FifoTest, BadReadLeavesElementsQueued)
{
    zx_handle_t a, b;
    uint64_t elements[3] = {4, 5, 6}, got[3] = {0};
    size_t actual;
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    EXPECT_OK(zx_fifo_write(a, ELEM, elements, 3, &actual));
    EXPECT_STATUS(zx_fifo_read(b, ELEM, UNMAPPED, 3, &actual), ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_fifo_read(b, ELEM, got, 3, &actual));
    EXPECT_EQ(actual, 3);
    EXPECT_EQ(got[0], 4);
    EXPECT_EQ(got[2], 6);
    close_both(a, b);
}

static void write_element_later(uintptr_t fifo)
{
    uint64_t element = 42;
    zx_nanosleep(zx_clock_get_monotonic() + 20000000);
    zx_fifo_write((zx_handle_t)fifo, ELEM, &element, 1, NULL);
}

TEST(FifoTest, WaitForReadableWakesOnWrite)
{
    zx_handle_t a, b;
    uint64_t got = 0;
    ASSERT_OK(zx_fifo_create(4, ELEM, 0, &a, &b));
    zx_handle_t helper = helper_thread_start(write_element_later, a);
    EXPECT_OK(
        zx_object_wait_one(b, ZX_FIFO_READABLE, zx_clock_get_monotonic() + 5000000000ll, NULL));
    helper_thread_join(helper);
    EXPECT_OK(zx_fifo_read(b, ELEM, &got, 1, NULL));
    EXPECT_EQ(got, 42);
    close_both(a, b);
}
