/*: # SocketTest

The cases of Fuchsia's core-tests `socket.cc` that Zinc's sockets can run keep their names (among
them Fuchsia's own spelling of `SetThreshholdsProp`); the cases of our own check what Fuchsia's
reference pages promise and its tests leave out: default rights, the status of every missing
right, the `ZX_INFO_SOCKET` record, a full socket and the limits of a datagram. What they hold a
socket to:

- `zx_socket_create` takes `ZX_SOCKET_STREAM` or `ZX_SOCKET_DATAGRAM`, and gives two related ends
  that start `ZX_SOCKET_WRITABLE`;
- a stream write may be short; a datagram write is whole or `ZX_ERR_SHOULD_WAIT`, and one larger
  than the socket can ever hold is `ZX_ERR_OUT_OF_RANGE`; a datagram read takes one datagram, cut
  to the buffer;
- `ZX_SOCKET_PEEK` reads without taking; reading an empty socket is `ZX_ERR_SHOULD_WAIT`, or
  `ZX_ERR_PEER_CLOSED`, or `ZX_ERR_BAD_STATE` once the peer's writes are disabled;
- `zx_socket_set_disposition` disables and enables writes of either end, with its signals;
- thresholds assert `ZX_SOCKET_READ_THRESHOLD` and `ZX_SOCKET_WRITE_THRESHOLD`;
- a bad buffer is `ZX_ERR_INVALID_ARGS`, and leaves the signals telling the truth. */
#include <string.h>

#include "ipc_support.h"
#include "probe.h"
#include "zircon/process.h"
#include "zircon/socket.h"
#include "zircon/task.h"
#include "zircon/vmar.h"
#include "zxtest.h"

#define SOCKET_RIGHTS                                                                              \
    (ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT | ZX_RIGHT_READ |   \
     ZX_RIGHT_WRITE | ZX_RIGHT_GET_PROPERTY | ZX_RIGHT_SET_PROPERTY | ZX_RIGHT_SIGNAL |            \
     ZX_RIGHT_SIGNAL_PEER | ZX_RIGHT_MANAGE_SOCKET)

static const char msg1[] = "12345", msg2[] = "abcdef", msg3[] = "ghijklm";
static uint8_t big[128 * 1024 + 1]; /* larger than any socket's capacity */

static zx_info_socket_t info_of(zx_handle_t h)
{
    zx_info_socket_t info;
    memset(&info, 0xab, sizeof info);
    EXPECT_OK(zx_object_get_info(h, ZX_INFO_SOCKET, &info, sizeof info, NULL, NULL));
    return info;
}

/* Write len bytes of data, which must all go. */
static void write_all(zx_handle_t h, const void *data, size_t len)
{
    size_t actual = 0;
    EXPECT_OK(zx_socket_write(h, 0, data, len, &actual));
    EXPECT_EQ(actual, len);
}

/* Read and expect exactly len bytes equal to want. */
static void read_expect(zx_handle_t h, uint32_t options, const void *want, size_t len)
{
    char buf[64];
    size_t actual = 0;
    EXPECT_OK(zx_socket_read(h, options, buf, sizeof buf, &actual));
    EXPECT_EQ(actual, len);
    EXPECT_EQ(memcmp(buf, want, len), 0);
}

static void close_both(zx_handle_t a, zx_handle_t b)
{
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(SocketTest, EndpointsAreRelated)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    zx_info_handle_basic_t a = basic(local), b = basic(remote);
    EXPECT_NE(a.koid, 0);
    EXPECT_NE(a.related_koid, 0);
    EXPECT_EQ(a.koid, b.related_koid);
    EXPECT_EQ(b.koid, a.related_koid);
    EXPECT_EQ(a.type, ZX_OBJ_TYPE_SOCKET);
    close_both(local, remote);
}

TEST(SocketTest, CreateGivesDefaultRights)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &a, &b));
    EXPECT_EQ(basic(a).rights, SOCKET_RIGHTS);
    EXPECT_EQ(basic(b).rights, SOCKET_RIGHTS);
    EXPECT_EQ(signals_of(a), ZX_SOCKET_WRITABLE);
    close_both(a, b);
}

TEST(SocketTest, CreateRejectsBadOptionsAndPointers)
{
    zx_handle_t a = ZX_HANDLE_INVALID, b = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_socket_create(2, &a, &b), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_socket_create(ZX_SOCKET_PEEK, &a, &b), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(a, ZX_HANDLE_INVALID);
    EXPECT_STATUS(zx_socket_create(0, UNMAPPED, &b), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_socket_create(0, &a, KERNEL_HALF), ZX_ERR_INVALID_ARGS);
    /* The first end, handed out before the second failed, was taken back. */
    if (a != ZX_HANDLE_INVALID)
        EXPECT_FALSE(is_valid(a));
}

TEST(SocketTest, EmptySocketShouldWait)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    uint32_t data;
    EXPECT_STATUS(zx_socket_read(local, 0, &data, sizeof data, NULL), ZX_ERR_SHOULD_WAIT);
    close_both(local, remote);
}

TEST(SocketTest, WriteReadDataVerify)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    const uint32_t data[] = {0xdeadbeef, 0xc0ffee};
    write_all(local, &data[0], sizeof data[0]);
    write_all(local, &data[1], sizeof data[1]);
    read_expect(remote, 0, data, sizeof data); /* a stream read ignores where one write ended */
    write_all(local, data, sizeof data);
    read_expect(remote, 0, data, sizeof data);
    close_both(local, remote);
}

TEST(SocketTest, PeerClosedError)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    EXPECT_OK(zx_handle_close(remote));
    uint32_t data = 0;
    EXPECT_STATUS(zx_socket_write(local, 0, &data, sizeof data, NULL), ZX_ERR_PEER_CLOSED);
    EXPECT_STATUS(zx_socket_read(local, 0, &data, sizeof data, NULL), ZX_ERR_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(local));
}

TEST(SocketTest, PeerClosedKeepsBufferedData)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    write_all(remote, msg1, 5);
    EXPECT_OK(zx_handle_close(remote));
    EXPECT_EQ(signals_of(local), ZX_SOCKET_READABLE | ZX_SOCKET_PEER_CLOSED);
    read_expect(local, 0, msg1, 5);
    EXPECT_EQ(signals_of(local), ZX_SOCKET_PEER_CLOSED);
    char c;
    EXPECT_STATUS(zx_socket_read(local, 0, &c, 1, NULL), ZX_ERR_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(local));
}

TEST(SocketTest, PeekingLeavesData)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    const uint32_t data[] = {0xdeadbeef, 0xc0ffee};
    write_all(local, &data[0], sizeof data[0]);
    write_all(local, &data[1], sizeof data[1]);
    read_expect(remote, ZX_SOCKET_PEEK, data, sizeof data);
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE | ZX_SOCKET_READABLE);
    read_expect(remote, 0, data, sizeof data);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE);
    close_both(local, remote);
}

TEST(SocketTest, PeekingIntoEmpty)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    uint32_t data;
    EXPECT_STATUS(zx_socket_read(local, ZX_SOCKET_PEEK, &data, sizeof data, NULL),
                  ZX_ERR_SHOULD_WAIT);
    close_both(local, remote);
}

TEST(SocketTest, Signals)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE);
    const size_t chunk = 8 * 1024;
    memset(big, 0x66, chunk);
    write_all(local, big, chunk);
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_READABLE | ZX_SOCKET_WRITABLE);
    size_t actual = 0;
    EXPECT_OK(zx_socket_read(remote, 0, big, sizeof big, &actual));
    EXPECT_EQ(actual, chunk);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE);
    /* The kernel's signals are not the user's to set. */
    EXPECT_STATUS(zx_object_signal_peer(local, ZX_SOCKET_WRITABLE, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_signal(local, 0, ZX_SOCKET_READABLE), ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_object_signal_peer(local, 0, ZX_USER_SIGNAL_1));
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE | ZX_USER_SIGNAL_1);
    EXPECT_OK(zx_handle_close(remote));
    EXPECT_EQ(signals_of(local), ZX_SOCKET_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(local));
}

TEST(SocketTest, SignalClosedPeer)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    EXPECT_OK(zx_handle_close(remote));
    EXPECT_STATUS(zx_object_signal_peer(local, 0, ZX_USER_SIGNAL_0), ZX_ERR_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(local));
}

TEST(SocketTest, SetThreshholdsProp)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    size_t count = 0;
    EXPECT_OK(zx_object_set_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, &count, sizeof count));
    count = 0xefffffff;
    EXPECT_STATUS(zx_object_set_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, &count, sizeof count),
                  ZX_ERR_INVALID_ARGS);
    count = 0;
    EXPECT_OK(zx_object_set_property(local, ZX_PROP_SOCKET_TX_THRESHOLD, &count, sizeof count));
    count = 0xefffffff;
    EXPECT_STATUS(zx_object_set_property(local, ZX_PROP_SOCKET_TX_THRESHOLD, &count, sizeof count),
                  ZX_ERR_INVALID_ARGS);
    close_both(local, remote);
}

TEST(SocketTest, SetThreshholdsAndCheckSignals)
{
    zx_handle_t local, remote, local_clone;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    const size_t rx_threshold = 101;
    size_t count = rx_threshold;
    ASSERT_OK(zx_object_set_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, &count, sizeof count));
    count = 0;
    ASSERT_OK(zx_object_get_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, &count, sizeof count));
    EXPECT_EQ(count, rx_threshold);
    size_t tx_threshold = info_of(remote).tx_buf_max - (rx_threshold + 2);
    ASSERT_OK(
        zx_object_set_property(remote, ZX_PROP_SOCKET_TX_THRESHOLD, &tx_threshold, sizeof count));
    /* A threshold belongs to the end, not to the handle: a duplicate sees it. */
    ASSERT_OK(zx_handle_duplicate(local, ZX_RIGHT_SAME_RIGHTS, &local_clone));
    count = 0;
    EXPECT_OK(
        zx_object_get_property(local_clone, ZX_PROP_SOCKET_RX_THRESHOLD, &count, sizeof count));
    EXPECT_EQ(count, rx_threshold);
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE | ZX_SOCKET_WRITE_THRESHOLD);

    write_all(remote, big, rx_threshold - 1); /* below the read threshold */
    EXPECT_EQ(signals_of(local_clone), ZX_SOCKET_WRITABLE | ZX_SOCKET_READABLE);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE | ZX_SOCKET_WRITE_THRESHOLD);
    write_all(remote, big, 1); /* exactly at it */
    EXPECT_EQ(signals_of(local),
              ZX_SOCKET_WRITABLE | ZX_SOCKET_READABLE | ZX_SOCKET_READ_THRESHOLD);
    /* Raising the threshold takes the signal away; setting it back brings it back. */
    count = rx_threshold + 50;
    EXPECT_OK(zx_object_set_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, &count, sizeof count));
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE | ZX_SOCKET_READABLE);
    count = rx_threshold;
    EXPECT_OK(zx_object_set_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, &count, sizeof count));
    EXPECT_EQ(signals_of(local),
              ZX_SOCKET_WRITABLE | ZX_SOCKET_READABLE | ZX_SOCKET_READ_THRESHOLD);
    /* Filling the socket past the write threshold takes WRITE_THRESHOLD away. */
    size_t more = tx_threshold - (rx_threshold + 1);
    write_all(remote, big, more);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE);
    /* Reading below the read threshold does the opposite on both ends. */
    size_t actual = 0;
    EXPECT_OK(zx_socket_read(local, 0, big, more + 10, &actual));
    EXPECT_EQ(actual, more + 10);
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE | ZX_SOCKET_READABLE);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE | ZX_SOCKET_WRITE_THRESHOLD);
    EXPECT_OK(zx_handle_close(local_clone));
    close_both(local, remote);
}

TEST(SocketTest, PeerClosedSetProperty)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    size_t t = 1;
    EXPECT_OK(zx_object_set_property(local, ZX_PROP_SOCKET_TX_THRESHOLD, &t, sizeof t));
    EXPECT_OK(zx_handle_close(remote));
    EXPECT_STATUS(zx_object_set_property(local, ZX_PROP_SOCKET_TX_THRESHOLD, &t, sizeof t),
                  ZX_ERR_PEER_CLOSED);
    EXPECT_OK(zx_object_set_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, &t,
                                     sizeof t)); /* its own ring */
    EXPECT_OK(zx_handle_close(local));
}

TEST(SocketTest, ThresholdPropertiesCheckTypeAndSize)
{
    zx_handle_t local, remote, vmo, event;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    ASSERT_OK(zx_vmo_create(PAGE, 0, &vmo)); /* it has both property rights */
    ASSERT_OK(zx_event_create(0, &event));   /* it has neither */
    size_t t = 1;
    uint32_t small = 1;
    EXPECT_STATUS(zx_object_set_property(vmo, ZX_PROP_SOCKET_RX_THRESHOLD, &t, sizeof t),
                  ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_object_get_property(vmo, ZX_PROP_SOCKET_TX_THRESHOLD, &t, sizeof t),
                  ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_object_get_property(event, ZX_PROP_SOCKET_TX_THRESHOLD, &t, sizeof t),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_object_set_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, &small, sizeof small),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_STATUS(zx_object_get_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, &small, sizeof small),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_STATUS(zx_object_get_property(local, ZX_PROP_SOCKET_RX_THRESHOLD, UNMAPPED, sizeof t),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(vmo));
    EXPECT_OK(zx_handle_close(event));
    close_both(local, remote);
}

TEST(SocketTest, BytesOutstanding)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    const uint32_t data[] = {0xdeadbeef, 0xc0ffee};
    uint32_t read_data[2];
    EXPECT_STATUS(zx_socket_read(local, 0, read_data, sizeof read_data, NULL), ZX_ERR_SHOULD_WAIT);
    write_all(local, &data[0], sizeof data[0]);
    write_all(local, &data[1], sizeof data[1]);
    EXPECT_EQ(info_of(remote).rx_buf_available, sizeof data);
    read_expect(remote, 0, data, sizeof data);
    EXPECT_OK(zx_handle_close(remote));
    EXPECT_STATUS(zx_socket_write(local, 0, &data[1], sizeof data[1], NULL), ZX_ERR_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(local));
}

TEST(SocketTest, InfoSocketReportsBothRings)
{
    zx_handle_t a, b, weak;
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &a, &b));
    write_all(a, msg1, 5);
    write_all(a, msg2, 6);
    write_all(b, msg3, 7);
    zx_info_socket_t ia = info_of(a), ib = info_of(b);
    EXPECT_EQ(ia.options, ZX_SOCKET_DATAGRAM);
    EXPECT_GT(ia.rx_buf_max, 0);
    EXPECT_EQ(ia.rx_buf_size, 7);
    EXPECT_EQ(ia.rx_buf_available, 7);
    EXPECT_EQ(ia.tx_buf_max, ib.rx_buf_max);
    EXPECT_EQ(ia.tx_buf_size, 11);
    EXPECT_EQ(ib.rx_buf_size, 11);
    EXPECT_EQ(ib.rx_buf_available, 5); /* the next datagram, not all of them */
    /* The layout is Fuchsia's: padding after the options, then five size_t. */
    EXPECT_EQ(sizeof(zx_info_socket_t), 48);
    EXPECT_EQ(__builtin_offsetof(zx_info_socket_t, rx_buf_max), 8);
    EXPECT_EQ(__builtin_offsetof(zx_info_socket_t, tx_buf_size), 40);
    /* It needs INSPECT, and a socket; a short buffer says how many records there are. */
    ASSERT_OK(zx_handle_duplicate(a, SOCKET_RIGHTS & ~ZX_RIGHT_INSPECT, &weak));
    EXPECT_STATUS(zx_object_get_info(weak, ZX_INFO_SOCKET, &ia, sizeof ia, NULL, NULL),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_object_get_info(zx_process_self(), ZX_INFO_SOCKET, &ia, sizeof ia, NULL, NULL),
                  ZX_ERR_WRONG_TYPE);
    size_t actual = 9, avail = 9;
    EXPECT_STATUS(zx_object_get_info(a, ZX_INFO_SOCKET, &ia, sizeof ia - 1, &actual, &avail),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(actual, 0);
    EXPECT_EQ(avail, 1);
    EXPECT_OK(zx_handle_close(b));
    ia = info_of(a);
    EXPECT_EQ(ia.tx_buf_max, 0); /* no peer, nothing to write into */
    EXPECT_EQ(ia.rx_buf_size, 7);
    EXPECT_OK(zx_handle_close(weak));
    EXPECT_OK(zx_handle_close(a));
}

TEST(SocketTest, ReadWriteAndDispositionNeedRights)
{
    zx_handle_t a, b, no_write, no_read, no_manage;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    ASSERT_OK(zx_handle_duplicate(a, SOCKET_RIGHTS & ~ZX_RIGHT_WRITE, &no_write));
    ASSERT_OK(zx_handle_duplicate(b, SOCKET_RIGHTS & ~ZX_RIGHT_READ, &no_read));
    ASSERT_OK(zx_handle_duplicate(a, SOCKET_RIGHTS & ~ZX_RIGHT_MANAGE_SOCKET, &no_manage));
    char c = 'x';
    EXPECT_STATUS(zx_socket_write(no_write, 0, &c, 1, NULL), ZX_ERR_ACCESS_DENIED);
    write_all(a, &c, 1);
    EXPECT_STATUS(zx_socket_read(no_read, 0, &c, 1, NULL), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_socket_read(no_read, ZX_SOCKET_PEEK, &c, 1, NULL), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_socket_set_disposition(no_manage, ZX_SOCKET_DISPOSITION_WRITE_DISABLED, 0),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_EQ(info_of(b).rx_buf_size, 1); /* nothing was read by the refused calls */
    EXPECT_OK(zx_handle_close(no_write));
    EXPECT_OK(zx_handle_close(no_read));
    EXPECT_OK(zx_handle_close(no_manage));
    close_both(a, b);
}

TEST(SocketTest, BadHandlesAndWrongTypes)
{
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    char c = 0;
    EXPECT_STATUS(zx_socket_write(event, 0, &c, 1, NULL), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_socket_read(event, 0, &c, 1, NULL), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_socket_set_disposition(event, 0, 0), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_socket_write(ZX_HANDLE_INVALID, 0, &c, 1, NULL), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_socket_read(0x7777777, 0, &c, 1, NULL), ZX_ERR_BAD_HANDLE);
    EXPECT_OK(zx_handle_close(event));
}

TEST(SocketTest, UnknownOptionsAreInvalidArgs)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    char c = 'x';
    EXPECT_STATUS(zx_socket_write(a, ZX_SOCKET_PEEK, &c, 1, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_socket_write(a, 1, &c, 1, NULL), ZX_ERR_INVALID_ARGS);
    write_all(a, &c, 1);
    EXPECT_STATUS(zx_socket_read(b, 1, &c, 1, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_socket_read(b, ZX_SOCKET_PEEK | 4, &c, 1, NULL), ZX_ERR_INVALID_ARGS);
    /* Checked before the handle, as in Zircon. */
    EXPECT_STATUS(zx_socket_write(ZX_HANDLE_INVALID, 1, &c, 1, NULL), ZX_ERR_INVALID_ARGS);
    close_both(a, b);
}

TEST(SocketTest, SetDispositionHandleWithoutRight)
{
    zx_handle_t local, remote, clone;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    zx_rights_t rights = basic(local).rights;
    EXPECT_NE(rights & ZX_RIGHT_MANAGE_SOCKET, 0);
    ASSERT_OK(zx_handle_duplicate(local, rights ^ ZX_RIGHT_MANAGE_SOCKET, &clone));
    EXPECT_STATUS(zx_socket_set_disposition(clone, ZX_SOCKET_DISPOSITION_WRITE_DISABLED, 0),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_socket_set_disposition(clone, 0, ZX_SOCKET_DISPOSITION_WRITE_DISABLED),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE);
    EXPECT_OK(zx_handle_close(clone));
    close_both(local, remote);
}

TEST(SocketTest, SetDispositionInvalidArgs)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    const uint32_t both =
        ZX_SOCKET_DISPOSITION_WRITE_DISABLED | ZX_SOCKET_DISPOSITION_WRITE_ENABLED;
    EXPECT_STATUS(zx_socket_set_disposition(local, both, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_socket_set_disposition(local, 0, both), ZX_ERR_INVALID_ARGS);
    const uint32_t invalid = 1337 & ~both;
    EXPECT_STATUS(zx_socket_set_disposition(local, invalid, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_socket_set_disposition(local, 0, invalid), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE); /* nothing changed */
    close_both(local, remote);
}

/* Fuchsia's disable_write_helper: disable the writes of one end or both, check the signals and that
   the disabled end cannot write while the other can, drain, then enable both again. */
static void disable_write(bool disable_local, bool disable_remote)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    zx_signals_t ls = ZX_SOCKET_WRITABLE, rs = ZX_SOCKET_WRITABLE;
    if (disable_local) {
        write_all(local, msg1, 5);
        rs |= ZX_SOCKET_READABLE;
    }
    if (disable_remote) {
        write_all(remote, msg2, 6);
        ls |= ZX_SOCKET_READABLE;
    }
    uint32_t ld = 0, rd = 0;
    if (disable_local) {
        ld = ZX_SOCKET_DISPOSITION_WRITE_DISABLED;
        ls = (ls | ZX_SOCKET_WRITE_DISABLED) & ~ZX_SOCKET_WRITABLE;
        rs |= ZX_SOCKET_PEER_WRITE_DISABLED;
    }
    if (disable_remote) {
        rd = ZX_SOCKET_DISPOSITION_WRITE_DISABLED;
        rs = (rs | ZX_SOCKET_WRITE_DISABLED) & ~ZX_SOCKET_WRITABLE;
        ls |= ZX_SOCKET_PEER_WRITE_DISABLED;
    }
    ASSERT_OK(zx_socket_set_disposition(local, ld, rd));
    EXPECT_EQ(signals_of(local), ls);
    EXPECT_EQ(signals_of(remote), rs);
    if (disable_local) {
        EXPECT_STATUS(zx_socket_write(local, 0, msg1, 5, NULL), ZX_ERR_BAD_STATE);
        /* Not while the peer has not read what was written before. */
        EXPECT_STATUS(zx_socket_set_disposition(local, ZX_SOCKET_DISPOSITION_WRITE_ENABLED, 0),
                      ZX_ERR_BAD_STATE);
    } else {
        write_all(local, msg1, 5);
        rs |= ZX_SOCKET_READABLE;
    }
    if (disable_remote) {
        EXPECT_STATUS(zx_socket_write(remote, 0, msg2, 6, NULL), ZX_ERR_BAD_STATE);
        EXPECT_STATUS(zx_socket_set_disposition(remote, ZX_SOCKET_DISPOSITION_WRITE_ENABLED, 0),
                      ZX_ERR_BAD_STATE);
    } else {
        write_all(remote, msg2, 6);
        ls |= ZX_SOCKET_READABLE;
    }
    EXPECT_EQ(signals_of(local), ls);
    EXPECT_EQ(signals_of(remote), rs);
    /* Drain; then an empty end whose peer cannot write says so (BAD_STATE) instead of SHOULD_WAIT.
     */
    char c;
    read_expect(local, 0, msg2, 6);
    EXPECT_STATUS(zx_socket_read(local, 0, &c, 1, NULL),
                  disable_remote ? ZX_ERR_BAD_STATE : ZX_ERR_SHOULD_WAIT);
    read_expect(remote, 0, msg1, 5);
    EXPECT_STATUS(zx_socket_read(remote, 0, &c, 1, NULL),
                  disable_local ? ZX_ERR_BAD_STATE : ZX_ERR_SHOULD_WAIT);
    EXPECT_EQ(signals_of(local), ls & ~ZX_SOCKET_READABLE);
    EXPECT_OK(zx_socket_set_disposition(local, ZX_SOCKET_DISPOSITION_WRITE_ENABLED,
                                        ZX_SOCKET_DISPOSITION_WRITE_ENABLED));
    EXPECT_EQ(signals_of(local), ZX_SOCKET_WRITABLE);
    EXPECT_EQ(signals_of(remote), ZX_SOCKET_WRITABLE);
    write_all(local, msg2, 6);
    write_all(remote, msg3, 7);
    read_expect(local, 0, msg3, 7);
    read_expect(remote, 0, msg2, 6);
    close_both(local, remote);
}

TEST(SocketTest, DisableWriteLocal)
{
    disable_write(true, false);
}

TEST(SocketTest, DisableWritePeer)
{
    disable_write(false, true);
}

TEST(SocketTest, DisableWriteBoth)
{
    disable_write(true, true);
}

TEST(SocketTest, SetDispositionOfClosedPeerWithBufferedData)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    write_all(remote, msg1, 5);
    EXPECT_OK(zx_socket_set_disposition(local, 0, ZX_SOCKET_DISPOSITION_WRITE_DISABLED));
    EXPECT_STATUS(zx_socket_set_disposition(local, 0, ZX_SOCKET_DISPOSITION_WRITE_ENABLED),
                  ZX_ERR_BAD_STATE);
    EXPECT_OK(zx_handle_close(remote));
    /* The peer is gone, but its bytes are still there: still no. */
    EXPECT_STATUS(zx_socket_set_disposition(local, 0, ZX_SOCKET_DISPOSITION_WRITE_ENABLED),
                  ZX_ERR_BAD_STATE);
    EXPECT_OK(zx_handle_close(local));
}

TEST(SocketTest, ShortWrite)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    size_t size = info_of(local).rx_buf_max + 1;
    ASSERT_TRUE(size <= sizeof big);
    size_t written = ~(size_t)0;
    EXPECT_OK(zx_socket_write(local, 0, big, size, &written));
    EXPECT_LT(written, size);
    EXPECT_EQ(written, size - 1); /* exactly what it holds */
    close_both(local, remote);
}

TEST(SocketTest, FullSocketShouldWaitUntilRead)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    size_t max = info_of(b).rx_buf_max, written = 0;
    ASSERT_OK(zx_socket_write(a, 0, big, max, &written));
    EXPECT_EQ(written, max);
    EXPECT_EQ(signals_of(a), 0); /* not writable: full */
    written = 77;
    EXPECT_STATUS(zx_socket_write(a, 0, big, 1, &written), ZX_ERR_SHOULD_WAIT);
    EXPECT_EQ(written, 77); /* a failed write leaves actual alone */
    size_t got = 0;
    EXPECT_OK(zx_socket_read(b, 0, big, 100, &got));
    EXPECT_EQ(got, 100);
    EXPECT_EQ(signals_of(a), ZX_SOCKET_WRITABLE);
    EXPECT_OK(zx_socket_write(a, 0, big, 1000, &written));
    EXPECT_EQ(written, 100); /* as much as there was room for */
    close_both(a, b);
}

TEST(SocketTest, StreamKeepsOrderAcrossTheRingsWrap)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    size_t max = info_of(b).rx_buf_max, n = 0;
    /* Write and read 3000-byte pieces of a counting pattern until it has gone around the ring
     * twice. */
    static uint8_t out[3000], in[3000];
    uint32_t counter = 0, expect = 0;
    for (size_t total = 0; total < 2 * max + 5000; total += n) {
        for (size_t i = 0; i < sizeof out; i++)
            out[i] = (uint8_t)(counter + i);
        EXPECT_OK(zx_socket_write(a, 0, out, sizeof out, &n));
        counter += n;
        size_t got = 0;
        EXPECT_OK(zx_socket_read(b, 0, in, sizeof in, &got));
        EXPECT_EQ(got, n);
        for (size_t i = 0; i < got; i++)
            if (in[i] != (uint8_t)(expect + i))
                ASSERT_EQ(in[i], (uint8_t)(expect + i));
        expect += got;
    }
    close_both(a, b);
}

TEST(SocketTest, Datagram)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &local, &remote));
    write_all(local, msg1, 5);
    write_all(local, msg2, 6);
    static uint8_t data[4096], got[4096];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)i;
    write_all(local, data, sizeof data);
    EXPECT_EQ(info_of(remote).rx_buf_available, 5);
    /* A short read takes the whole datagram; the rest of it is gone. */
    char buf[8];
    size_t actual = 0;
    EXPECT_OK(zx_socket_read(remote, 0, buf, 4, &actual));
    EXPECT_EQ(actual, 4);
    EXPECT_EQ(memcmp(buf, msg1, 4), 0);
    EXPECT_EQ(info_of(remote).rx_buf_available, 6);
    read_expect(remote, 0, msg2, 6);
    EXPECT_EQ(info_of(remote).rx_buf_available, sizeof data);
    EXPECT_OK(zx_socket_read(remote, 0, got, sizeof got, &actual));
    EXPECT_EQ(actual, sizeof data);
    EXPECT_EQ(memcmp(got, data, sizeof data), 0);
    EXPECT_EQ(info_of(remote).rx_buf_available, 0);
    close_both(local, remote);
}

TEST(SocketTest, DatagramPeek)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &local, &remote));
    write_all(local, msg1, 5);
    write_all(local, msg2, 6);
    char buf[8];
    size_t actual = 0;
    EXPECT_OK(zx_socket_read(remote, ZX_SOCKET_PEEK, buf, 4, &actual));
    EXPECT_EQ(actual, 4);
    EXPECT_EQ(memcmp(buf, msg1, 4), 0);
    read_expect(remote, ZX_SOCKET_PEEK, msg1, 5); /* the short peek took nothing */
    read_expect(remote, 0, msg1, 5);
    read_expect(remote, ZX_SOCKET_PEEK, msg2, 6);
    close_both(local, remote);
}

TEST(SocketTest, DatagramPeekEmpty)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &local, &remote));
    char c;
    EXPECT_STATUS(zx_socket_read(local, ZX_SOCKET_PEEK, &c, 1, NULL), ZX_ERR_SHOULD_WAIT);
    close_both(local, remote);
}

TEST(SocketTest, DatagramNoShortWrite)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &local, &remote));
    size_t max = info_of(remote).tx_buf_max;
    EXPECT_GT(max, 0);
    size_t written = ~(size_t)0;
    EXPECT_STATUS(zx_socket_write(local, 0, big, max + 1, &written), ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(written, ~(size_t)0); /* not touched */
    EXPECT_FALSE(signals_of(remote) & ZX_SOCKET_READABLE);
    close_both(local, remote);
}

TEST(SocketTest, DatagramLimitsAndFullSocket)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &a, &b));
    size_t max = info_of(a).tx_buf_max;
    /* A datagram's length word counts against the capacity: the largest that fits is a little
       smaller than the ring, and the ring itself is "out of range". */
    EXPECT_STATUS(zx_socket_write(a, 0, big, max, NULL), ZX_ERR_OUT_OF_RANGE);
    size_t largest = max - sizeof(uint32_t), written = 0;
    EXPECT_OK(zx_socket_write(a, 0, big, largest, &written));
    EXPECT_EQ(written, largest);
    EXPECT_EQ(signals_of(a), 0);
    EXPECT_STATUS(zx_socket_write(a, 0, big, 1, NULL), ZX_ERR_SHOULD_WAIT);
    /* A datagram that does not fit now waits; it is not cut. */
    size_t got = 0;
    EXPECT_OK(zx_socket_read(b, 0, big, 10, &got));
    EXPECT_EQ(got, 10); /* and the other largest - 10 bytes are dropped */
    write_all(a, big, 1000);
    write_all(a, big, 1000);
    EXPECT_EQ(info_of(b).rx_buf_size, 2000);
    close_both(a, b);
}

TEST(SocketTest, ZeroSize)
{
    zx_handle_t local, remote;
    char c;
    ASSERT_OK(zx_socket_create(0, &local, &remote));
    EXPECT_STATUS(zx_socket_read(local, 0, &c, 0, NULL), ZX_ERR_SHOULD_WAIT);
    size_t actual = 9;
    EXPECT_OK(zx_socket_write(local, 0, NULL, 0, &actual)); /* nothing, from no buffer */
    EXPECT_EQ(actual, 0);
    EXPECT_OK(zx_socket_write(local, 0, "a", 1, NULL));
    EXPECT_OK(zx_socket_read(remote, 0, &c, 0, NULL));
    EXPECT_OK(zx_socket_read(remote, 0, &c, 0, NULL)); /* a read of nothing takes nothing */
    close_both(local, remote);
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &local, &remote));
    EXPECT_STATUS(zx_socket_read(local, 0, &c, 0, NULL), ZX_ERR_SHOULD_WAIT);
    EXPECT_OK(zx_socket_write(remote, 0, "a", 1, NULL));
    EXPECT_OK(zx_socket_read(local, 0, &c, 0, NULL));
    EXPECT_OK(zx_socket_read(local, 0, &c, 0, NULL));
    EXPECT_EQ(info_of(local).rx_buf_available, 1);
    close_both(local, remote);
}

TEST(SocketTest, ReadIntoNullBuffer)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    ASSERT_OK(zx_socket_write(a, 0, "A", 1, NULL));
    size_t actual;
    EXPECT_STATUS(zx_socket_read(b, 0, NULL, 1, &actual), ZX_ERR_INVALID_ARGS);
    close_both(a, b);
}

TEST(SocketTest, StreamReadIntoBadBuffer)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    ASSERT_OK(zx_socket_write(a, 0, "A", 1, NULL));
    uintptr_t addr = map_fresh(PAGE, 0); /* mapped, but not writable */
    ASSERT_NE(addr, 0);
    size_t actual = 99;
    EXPECT_STATUS(zx_socket_read(b, 0, (void *)addr, 1, &actual), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(actual, 99);
    EXPECT_STATUS(zx_socket_read(b, 0, KERNEL_HALF, 1, &actual), ZX_ERR_INVALID_ARGS);
    read_expect(b, 0, "A", 1); /* a stream read that failed took nothing */
    unmap_fresh(addr, PAGE);
    close_both(a, b);
}

TEST(SocketTest, WriteFromNullBuffer)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    EXPECT_STATUS(zx_socket_write(a, 0, NULL, 1, NULL), ZX_ERR_INVALID_ARGS);
    close_both(a, b);
}

TEST(SocketTest, WriteFromBadBuffer)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    uintptr_t addr = map_fresh(PAGE, 0); /* mapped, but not readable */
    ASSERT_NE(addr, 0);
    size_t actual;
    EXPECT_STATUS(zx_socket_write(b, 0, (void *)addr, 1, &actual), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_socket_write(b, 0, UNMAPPED, 1, &actual), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_socket_write(b, 0, KERNEL_HALF, 1, &actual), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(signals_of(a), ZX_SOCKET_WRITABLE); /* nothing arrived */
    /* A bad actual pointer fails the call, though the bytes went. */
    EXPECT_STATUS(zx_socket_write(b, 0, "xy", 2, UNMAPPED), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(info_of(a).rx_buf_size, 2);
    unmap_fresh(addr, PAGE);
    close_both(a, b);
}

TEST(SocketTest, WriteFromPartialBadBuffer)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    uintptr_t addr = map_before_hole(4 * PAGE);
    ASSERT_NE(addr, 0);
    EXPECT_FALSE(signals_of(a) & ZX_SOCKET_READABLE);
    size_t actual;
    EXPECT_STATUS(zx_socket_write(b, 0, (void *)addr, 8 * PAGE, &actual), ZX_ERR_INVALID_ARGS);
    bool readable = signals_of(a) & ZX_SOCKET_READABLE;
    bool could_read = zx_socket_read(a, 0, (void *)addr, 1, &actual) == ZX_OK;
    EXPECT_EQ(readable, could_read);
    EXPECT_FALSE(readable); /* Zinc writes all or none of a failed write */
    unmap_fresh(addr, 4 * PAGE);
    close_both(a, b);
}

TEST(SocketTest, StreamReadToPartialBadBuffer)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    uintptr_t addr = map_before_hole(4 * PAGE);
    ASSERT_NE(addr, 0);
    size_t actual;
    while (zx_socket_write(b, 0, (void *)addr, 4 * PAGE, &actual) == ZX_OK)
        ;
    EXPECT_TRUE(signals_of(a) & ZX_SOCKET_READABLE);
    EXPECT_FALSE(signals_of(b) & ZX_SOCKET_WRITABLE);
    EXPECT_STATUS(zx_socket_read(a, 0, (void *)addr, 8 * PAGE, &actual), ZX_ERR_INVALID_ARGS);
    bool writable = signals_of(b) & ZX_SOCKET_WRITABLE;
    bool could_write = zx_socket_write(b, 0, (void *)addr, 1, &actual) == ZX_OK;
    EXPECT_EQ(writable, could_write);
    while (zx_socket_read(a, 0, (void *)addr, 4 * PAGE, &actual) == ZX_OK)
        ;
    EXPECT_TRUE(signals_of(b) & ZX_SOCKET_WRITABLE);
    unmap_fresh(addr, 4 * PAGE);
    close_both(a, b);
}

TEST(SocketTest, ReuseDatagramBuffer)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &a, &b));
    static char buffer[3000];
    memset(buffer, 0xaa, sizeof buffer);
    size_t actual;
    buffer[0] = 'a';
    EXPECT_OK(zx_socket_write(a, 0, buffer, 1, &actual));
    buffer[0] = 'b';
    EXPECT_OK(zx_socket_write(a, 0, buffer, 1, &actual));
    EXPECT_OK(zx_socket_read(b, 0, buffer, 1, &actual));
    EXPECT_EQ(buffer[0], 'a');
    EXPECT_OK(zx_socket_read(b, 0, buffer, 1, &actual));
    EXPECT_EQ(buffer[0], 'b');
    buffer[0] = 'c';
    EXPECT_OK(zx_socket_write(a, 0, buffer, sizeof buffer, &actual));
    EXPECT_EQ(actual, sizeof buffer);
    buffer[0] = 'd';
    EXPECT_OK(zx_socket_write(a, 0, buffer, 1, &actual));
    EXPECT_OK(zx_socket_read(b, 0, buffer, 1, &actual));
    EXPECT_EQ(buffer[0], 'c');
    EXPECT_OK(zx_socket_read(b, 0, buffer, 1, &actual)); /* the rest of 'c' was dropped */
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(buffer[0], 'd');
    EXPECT_FALSE(signals_of(b) & ZX_SOCKET_READABLE);
    close_both(a, b);
}

/* Fuchsia's DatagramSocketBadBufferTest: two 2-page datagrams, a read into a buffer whose first or
   second page faults; consuming drops the first datagram, peeking keeps it. */
static void datagram_bad_buffer(bool fault_in_middle, bool peek)
{
    zx_handle_t local, remote;
    ASSERT_OK(zx_socket_create(ZX_SOCKET_DATAGRAM, &local, &remote));
    const size_t size = 2 * PAGE;
    uintptr_t addr = map_fresh(size, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE);
    ASSERT_NE(addr, 0);
    memset((void *)addr, 'A', size);
    write_all(local, (void *)addr, size);
    memset((void *)addr, 'B', size);
    write_all(local, (void *)addr, size);
    ASSERT_OK(zx_vmar_protect(zx_vmar_root_self(), 0, addr + (fault_in_middle ? PAGE : 0), PAGE));
    size_t count;
    EXPECT_STATUS(zx_socket_read(remote, peek ? ZX_SOCKET_PEEK : 0, (void *)addr, size, &count),
                  ZX_ERR_INVALID_ARGS);
    ASSERT_OK(zx_vmar_protect(zx_vmar_root_self(), ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, addr, size));
    for (char want = peek ? 'A' : 'B'; want <= 'B'; want++) {
        EXPECT_OK(zx_socket_read(remote, 0, (void *)addr, size, &count));
        EXPECT_EQ(count, size);
        EXPECT_EQ(((char *)addr)[0], want);
        EXPECT_EQ(((char *)addr)[size - 1], want);
    }
    uint32_t data;
    EXPECT_STATUS(zx_socket_read(remote, 0, &data, sizeof data, NULL), ZX_ERR_SHOULD_WAIT);
    unmap_fresh(addr, size);
    close_both(local, remote);
}

TEST(DatagramSocketBadBufferTest, ReadConsumingFaultAtBeginning)
{
    datagram_bad_buffer(false, false);
}

TEST(DatagramSocketBadBufferTest, ReadConsumingFaultInMiddle)
{
    datagram_bad_buffer(true, false);
}

TEST(DatagramSocketBadBufferTest, ReadPeekingFaultAtBeginning)
{
    datagram_bad_buffer(false, true);
}

TEST(DatagramSocketBadBufferTest, ReadPeekingFaultInMiddle)
{
    datagram_bad_buffer(true, true);
}

static void write_later(uintptr_t socket)
{
    zx_nanosleep(zx_clock_get_monotonic() + 20000000);
    zx_socket_write((zx_handle_t)socket, 0, msg3, 7, NULL);
}

TEST(SocketTest, WaitForReadableWakesOnWrite)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_socket_create(0, &a, &b));
    zx_handle_t helper = helper_thread_start(write_later, a);
    zx_signals_t observed = 0;
    EXPECT_OK(zx_object_wait_one(b, ZX_SOCKET_READABLE | ZX_SOCKET_PEER_CLOSED,
                                 zx_clock_get_monotonic() + 5000000000ll, &observed));
    EXPECT_TRUE(observed & ZX_SOCKET_READABLE);
    helper_thread_join(helper);
    read_expect(b, 0, msg3, 7);
    close_both(a, b);
}
