/*: # ChannelWriteEtcTest, and channel_read_etc

Fuchsia's core-tests `channel-write-etc` cases, under their names, and `ReadEtcHandleInfoValidation`
of `channel.cc`; cases of our own for the rest of what the reference pages promise. Most of
Fuchsia's cases run twice, once for each operation, because the two differ in what a failed write
leaves: a handle to *move* is consumed whatever happens (closing it afterwards is
`ZX_ERR_BAD_HANDLE`), a handle to *duplicate* stays with the writer (closing it is `ZX_OK`). What
they hold `zx_channel_write_etc` to:

- each disposition is checked: a valid operation, a valid handle, not the channel written to,
  `ZX_RIGHT_TRANSFER`, the type it names (or `ZX_OBJ_TYPE_NONE`), `ZX_RIGHT_DUPLICATE` to
  duplicate, and rights that are `ZX_RIGHT_SAME_RIGHTS` or a subset of the handle's; the status of
  each failed disposition is written to its `result`, the others' are left alone; a failed write
  sends nothing;
- the message carries the rights the disposition asked for, to the same object;
- the counts and sizes are chapter 2's (`ZX_ERR_OUT_OF_RANGE` beyond the limits).

And `zx_channel_read_etc` gives each handle's type and rights with its value. */
#include <string.h>

#include "probe.h"
#include "zircon/fifo.h"
#include "zircon/socket.h"
#include "zxtest.h"

static const uint32_t data = 0xbaadcafe;

static zx_status_t after_close(zx_handle_op_t op)
{
    return op == ZX_HANDLE_OP_DUPLICATE ? ZX_OK : ZX_ERR_BAD_HANDLE;
}

static void pair(zx_handle_t *a, zx_handle_t *b)
{
    EXPECT_OK(zx_channel_create(0, a, b));
}

static zx_handle_t new_socket(zx_handle_t *peer)
{
    zx_handle_t s = ZX_HANDLE_INVALID, p = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_socket_create(ZX_SOCKET_STREAM, &s, &p));
    if (peer)
        *peer = p;
    else
        EXPECT_OK(zx_handle_close(p));
    return s;
}

static zx_handle_t new_event(void)
{
    zx_handle_t e = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_event_create(0, &e));
    return e;
}

static zx_handle_disposition_t disp(zx_handle_op_t op, zx_handle_t h, zx_obj_type_t type,
                                    zx_rights_t rights)
{
    return (zx_handle_disposition_t){op, h, type, rights, ZX_OK};
}

static zx_status_t write_one(zx_handle_t ch, zx_handle_disposition_t *d)
{
    return zx_channel_write_etc(ch, 0, &data, sizeof data, d, 1);
}

/* Read the one handle of the next message on ch. */
static zx_handle_t read_one(zx_handle_t ch)
{
    uint32_t bytes;
    zx_handle_t h = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_channel_read(ch, 0, &bytes, &h, sizeof bytes, 1, NULL, NULL));
    return h;
}

static void close_all(const zx_handle_t *hs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        EXPECT_OK(zx_handle_close(hs[i]));
}

TEST(ChannelWriteEtcTest, MultipleHandlesSomeInvalidResultsReportedCorrectly)
{
    zx_handle_t local, remote, arg_local, arg_remote, sock_peer;
    pair(&local, &remote);
    pair(&arg_local, &arg_remote);
    zx_handle_t sock = new_socket(&sock_peer), ev = new_event();
    zx_handle_disposition_t d[] = {
        disp(ZX_HANDLE_OP_MOVE, sock, ZX_OBJ_TYPE_PORT, ZX_RIGHT_SAME_RIGHTS),
        disp(ZX_HANDLE_OP_MOVE, sock_peer, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS),
        disp(ZX_HANDLE_OP_DUPLICATE, arg_local, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS),
        disp(ZX_HANDLE_OP_MOVE, ev, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS),
    };
    EXPECT_STATUS(zx_channel_write_etc(local, 0, &data, sizeof data, d, 4), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(d[0].result, ZX_ERR_WRONG_TYPE);
    EXPECT_OK(d[1].result);
    EXPECT_STATUS(d[2].result, ZX_ERR_ACCESS_DENIED); /* a channel has no DUPLICATE right */
    EXPECT_OK(d[3].result);
    close_all((zx_handle_t[]){arg_local, arg_remote, local, remote}, 4);
}

TEST(ChannelWriteEtcTest, ImproperlyInitalizedResultsArgReportedBackAsOriginallyInitalized)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    zx_handle_disposition_t d = disp(ZX_HANDLE_OP_MOVE, new_event(), 0, ZX_RIGHT_SAME_RIGHTS);
    d.result = ZX_ERR_WRONG_TYPE;
    EXPECT_OK(write_one(local, &d));
    EXPECT_STATUS(d.result, ZX_ERR_WRONG_TYPE);
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelWriteEtcTest, FailureDoesNotResultInReceivedPacket)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    zx_handle_disposition_t d =
        disp(ZX_HANDLE_OP_MOVE, new_event(), ZX_OBJ_TYPE_SOCKET, ZX_RIGHT_SAME_RIGHTS);
    EXPECT_STATUS(write_one(local, &d), ZX_ERR_WRONG_TYPE);
    uint32_t bytes;
    zx_handle_t h;
    EXPECT_STATUS(zx_channel_read(remote, 0, &bytes, &h, sizeof bytes, 1, NULL, NULL),
                  ZX_ERR_SHOULD_WAIT);
    close_all((zx_handle_t[]){local, remote}, 2);
}

/* Run case(op) for both operations. */
#define BOTH_OPS(case_)                                                                            \
    do {                                                                                           \
        case_(ZX_HANDLE_OP_MOVE);                                                                  \
        case_(ZX_HANDLE_OP_DUPLICATE);                                                             \
    } while (0)

static void sent_handle_is_the_same_object(zx_handle_op_t op)
{
    zx_handle_t local, remote, ev = new_event();
    pair(&local, &remote);
    zx_info_handle_basic_t before = basic(ev);
    zx_handle_disposition_t d = disp(op, ev, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    EXPECT_OK(write_one(local, &d));
    EXPECT_STATUS(zx_handle_close(ev), after_close(op));
    zx_handle_t got = read_one(remote);
    zx_info_handle_basic_t after = basic(got);
    EXPECT_EQ(after.koid, before.koid);
    EXPECT_EQ(after.rights, before.rights);
    EXPECT_EQ(after.type, before.type);
    close_all((zx_handle_t[]){got, local, remote}, 3);
}

TEST(ChannelWriteEtcTest, SentHandleReferrsToSameObject)
{
    BOTH_OPS(sent_handle_is_the_same_object);
}

TEST(ChannelWriteEtcTest, InvalidOpArgShouldFail)
{
    zx_handle_op_t ops[] = {0xffffffffu, 2};
    for (int i = 0; i < 2; i++) {
        zx_handle_t local, remote, sock = new_socket(NULL);
        pair(&local, &remote);
        zx_handle_disposition_t d = disp(ops[i], sock, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
        EXPECT_STATUS(write_one(local, &d), ZX_ERR_INVALID_ARGS);
        EXPECT_STATUS(zx_handle_close(sock), ZX_ERR_BAD_HANDLE);
        close_all((zx_handle_t[]){local, remote}, 2);
    }
}

static void not_a_channel(zx_handle_op_t op)
{
    zx_handle_t peer, sock = new_socket(&peer);
    zx_handle_disposition_t d = disp(op, peer, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    EXPECT_STATUS(write_one(sock, &d), ZX_ERR_WRONG_TYPE);
    EXPECT_OK(zx_handle_close(sock));
    EXPECT_STATUS(zx_handle_close(peer), after_close(op));
}

TEST(ChannelWriteEtcTest, HandleArgNotAChannelHandleShouldFail)
{
    BOTH_OPS(not_a_channel);
}

static void channel_not_valid(zx_handle_op_t op)
{
    zx_handle_t local, remote, sock = new_socket(NULL);
    pair(&local, &remote);
    EXPECT_OK(zx_handle_close(local));
    zx_handle_disposition_t d = disp(op, sock, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    EXPECT_STATUS(write_one(local, &d), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_close(sock), after_close(op));
    EXPECT_OK(zx_handle_close(remote));
}

TEST(ChannelWriteEtcTest, ChannelHandleNotValidShouldFail)
{
    BOTH_OPS(channel_not_valid);
}

static void channel_without_write(zx_handle_op_t op)
{
    zx_handle_t local, remote, weak, sock = new_socket(NULL);
    pair(&local, &remote);
    EXPECT_OK(zx_handle_replace(local, basic(local).rights & ~ZX_RIGHT_WRITE, &weak));
    zx_handle_disposition_t d = disp(op, sock, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    EXPECT_STATUS(write_one(weak, &d), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_handle_close(sock), after_close(op));
    close_all((zx_handle_t[]){weak, remote}, 2);
}

TEST(ChannelWriteEtcTest, ChannelHandleWithoutWriteRightShouldFail)
{
    BOTH_OPS(channel_without_write);
}

static void without_transfer(zx_handle_op_t op)
{
    zx_handle_t local, remote, weak, sock = new_socket(NULL);
    pair(&local, &remote);
    EXPECT_OK(zx_handle_replace(sock, basic(sock).rights & ~ZX_RIGHT_TRANSFER, &weak));
    zx_handle_disposition_t d = disp(op, weak, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    EXPECT_STATUS(write_one(local, &d), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_handle_close(weak), after_close(op));
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelWriteEtcTest, HandleWithoutTransferRightShouldFail)
{
    BOTH_OPS(without_transfer);
}

TEST(ChannelWriteEtcTest, InvalidHandleInTransferredHandlesShouldFail)
{
    zx_handle_t closed = new_socket(NULL);
    EXPECT_OK(zx_handle_close(closed));
    zx_handle_t bad[] = {closed, ZX_HANDLE_INVALID, 0xffffffffu};
    for (int i = 0; i < 3; i++) {
        zx_handle_t local, remote;
        pair(&local, &remote);
        zx_handle_disposition_t d =
            disp(ZX_HANDLE_OP_DUPLICATE, bad[i], ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
        EXPECT_STATUS(write_one(local, &d), ZX_ERR_BAD_HANDLE);
        close_all((zx_handle_t[]){local, remote}, 2);
    }
}

TEST(ChannelWriteEtcTest, RepeatedHandlesWithOpMoveHandlesShouldFail)
{
    zx_handle_t local, remote, sock = new_socket(NULL);
    pair(&local, &remote);
    zx_handle_disposition_t d[] = {
        disp(ZX_HANDLE_OP_MOVE, sock, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS),
        disp(ZX_HANDLE_OP_MOVE, sock, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS),
    };
    EXPECT_STATUS(zx_channel_write_etc(local, 0, &data, sizeof data, d, 2), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_close(sock), ZX_ERR_BAD_HANDLE);
    close_all((zx_handle_t[]){local, remote}, 2);
}

static void duplicates_in_the_list(zx_handle_op_t op)
{
    zx_handle_t local, remote, sock = new_socket(NULL), dup;
    pair(&local, &remote);
    EXPECT_OK(zx_handle_duplicate(sock, ZX_RIGHT_SAME_RIGHTS, &dup));
    zx_handle_disposition_t d[] = {
        disp(op, sock, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS),
        disp(op, dup, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS),
    };
    EXPECT_OK(zx_channel_write_etc(local, 0, &data, sizeof data, d, 2));
    EXPECT_STATUS(zx_handle_close(sock), after_close(op));
    EXPECT_STATUS(zx_handle_close(dup), after_close(op));
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelWriteEtcTest, DuplicateHandlesInTransferredHandlesShouldSucceed)
{
    BOTH_OPS(duplicates_in_the_list);
}

static void type_mismatch(zx_handle_op_t op)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    for (zx_obj_type_t type = 1; type < 256; type++) {
        if (type == ZX_OBJ_TYPE_SOCKET)
            continue;
        zx_handle_t sock = new_socket(NULL);
        zx_handle_disposition_t d = disp(op, sock, type, ZX_RIGHT_SAME_RIGHTS);
        EXPECT_STATUS(write_one(local, &d), ZX_ERR_WRONG_TYPE);
        EXPECT_STATUS(zx_handle_close(sock), after_close(op));
    }
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelWriteEtcTest, HandleDoesNotMatchTypeShouldFail)
{
    BOTH_OPS(type_mismatch);
}

static void nonzero_options(zx_handle_op_t op)
{
    zx_handle_t local, remote, sock = new_socket(NULL);
    pair(&local, &remote);
    zx_handle_disposition_t d = disp(op, sock, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    EXPECT_STATUS(zx_channel_write_etc(local, 1, &data, sizeof data, &d, 1), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_handle_close(sock), after_close(op));
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelWriteEtcTest, OptionsArgNonZeroShouldFail)
{
    BOTH_OPS(nonzero_options);
}

static void channel_in_its_own_list(zx_handle_op_t op)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    zx_handle_disposition_t d = disp(op, local, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    EXPECT_STATUS(write_one(local, &d), ZX_ERR_NOT_SUPPORTED);
    EXPECT_STATUS(zx_handle_close(local), after_close(op));
    EXPECT_OK(zx_handle_close(remote));
}

TEST(ChannelWriteEtcTest, ChannelHandleInTransferredHandlesShouldFail)
{
    BOTH_OPS(channel_in_its_own_list);
}

static void peer_closed(zx_handle_op_t op)
{
    zx_handle_t local, remote, sock = new_socket(NULL);
    pair(&local, &remote);
    EXPECT_OK(zx_handle_close(remote));
    zx_handle_disposition_t d = disp(op, sock, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    EXPECT_STATUS(write_one(local, &d), ZX_ERR_PEER_CLOSED);
    EXPECT_STATUS(zx_handle_close(sock), after_close(op));
    EXPECT_OK(zx_handle_close(local));
}

TEST(ChannelWriteEtcTest, OppositeChannelEndClosedShouldFail)
{
    BOTH_OPS(peer_closed);
}

static zx_handle_disposition_t many[ZX_CHANNEL_MAX_MSG_HANDLES + 1];
static zx_handle_t events[ZX_CHANNEL_MAX_MSG_HANDLES + 1];

static void count_boundary(zx_handle_op_t op, uint32_t n, zx_status_t want)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    for (uint32_t i = 0; i < n; i++) {
        events[i] = new_event();
        many[i] = disp(op, events[i], ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    }
    EXPECT_STATUS(zx_channel_write_etc(local, 0, &data, sizeof data, many, n), want);
    for (uint32_t i = 0; i < n; i++)
        EXPECT_STATUS(zx_handle_close(events[i]), after_close(op));
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelWriteEtcTest, HandleCountBoundaryChecks)
{
    zx_handle_op_t ops[] = {ZX_HANDLE_OP_MOVE, ZX_HANDLE_OP_DUPLICATE};
    for (int i = 0; i < 2; i++) {
        count_boundary(ops[i], 0, ZX_OK);
        count_boundary(ops[i], ZX_CHANNEL_MAX_MSG_HANDLES, ZX_OK);
        count_boundary(ops[i], ZX_CHANNEL_MAX_MSG_HANDLES + 1, ZX_ERR_OUT_OF_RANGE);
    }
}

TEST(ChannelWriteEtcTest, HandleCountAndDataCountBothZeroShouldSucceed)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    EXPECT_OK(zx_channel_write_etc(local, 0, NULL, 0, NULL, 0));
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelWriteEtcTest, MaximumNumberHandlesWithZeroCountArrayArgShouldSucceed)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    for (uint32_t i = 0; i < ZX_CHANNEL_MAX_MSG_HANDLES; i++) {
        events[i] = new_event();
        many[i] = disp(ZX_HANDLE_OP_MOVE, events[i], ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
    }
    EXPECT_OK(zx_channel_write_etc(local, 0, &data, sizeof data, many, 0));
    close_all(events, ZX_CHANNEL_MAX_MSG_HANDLES); /* none was touched */
    close_all((zx_handle_t[]){local, remote}, 2);
}

static uint8_t max_bytes[ZX_CHANNEL_MAX_MSG_BYTES + 1];

TEST(ChannelWriteEtcTest, ByteCountIsMaxShouldSucceed)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    EXPECT_OK(zx_channel_write_etc(local, 0, max_bytes, ZX_CHANNEL_MAX_MSG_BYTES, NULL, 0));
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelWriteEtcTest, ByteCountIsMaxPlusOneShouldFail)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    EXPECT_STATUS(zx_channel_write_etc(local, 0, max_bytes, sizeof max_bytes, NULL, 0),
                  ZX_ERR_OUT_OF_RANGE);
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelWriteEtcTest, NullptrArgWhenSizeNonZeroShouldFail)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    EXPECT_STATUS(zx_channel_write_etc(local, 0, NULL, 10, NULL, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_channel_write_etc(local, 0, NULL, 0, NULL, 10), ZX_ERR_INVALID_ARGS);
    close_all((zx_handle_t[]){local, remote}, 2);
}

/* Send a socket with rights (from rights_of(its rights)); check what arrives and what stays. */
static void send_with_rights(zx_handle_op_t op, zx_rights_t (*rights_of)(zx_rights_t))
{
    zx_handle_t local, remote, sock = new_socket(NULL);
    pair(&local, &remote);
    zx_rights_t before = basic(sock).rights, asked = rights_of(before);
    zx_handle_disposition_t d = disp(op, sock, ZX_OBJ_TYPE_NONE, asked);
    EXPECT_OK(write_one(local, &d));
    zx_handle_t got = read_one(remote);
    zx_info_handle_basic_t info = basic(got);
    EXPECT_EQ(info.rights, asked == ZX_RIGHT_SAME_RIGHTS ? before : asked);
    EXPECT_EQ(info.type, ZX_OBJ_TYPE_SOCKET);
    if (op == ZX_HANDLE_OP_DUPLICATE)
        EXPECT_EQ(basic(sock).rights, before); /* the writer's handle is as it was */
    EXPECT_STATUS(zx_handle_close(sock), after_close(op));
    close_all((zx_handle_t[]){got, local, remote}, 3);
}

static zx_rights_t none(zx_rights_t r) { return ZX_RIGHT_NONE; }
static zx_rights_t all_but_write(zx_rights_t r) { return r & ~ZX_RIGHT_WRITE; }
static zx_rights_t same_bits(zx_rights_t r) { return r; }
static zx_rights_t same_flag(zx_rights_t r) { return ZX_RIGHT_SAME_RIGHTS; }

TEST(ChannelWriteEtcTest, RemoveAllHandleRightsShouldSucceed)
{
    send_with_rights(ZX_HANDLE_OP_MOVE, none);
    send_with_rights(ZX_HANDLE_OP_DUPLICATE, none);
}

TEST(ChannelWriteEtcTest, RemovingSomeHandleRightsShouldSucceed)
{
    send_with_rights(ZX_HANDLE_OP_MOVE, all_but_write);
    send_with_rights(ZX_HANDLE_OP_DUPLICATE, all_but_write);
}

TEST(ChannelWriteEtcTest, SameHandleRightsBitsShouldSucceed)
{
    send_with_rights(ZX_HANDLE_OP_MOVE, same_bits);
    send_with_rights(ZX_HANDLE_OP_DUPLICATE, same_bits);
}

TEST(ChannelWriteEtcTest, SameHandleRightsFlagShouldSucceed)
{
    send_with_rights(ZX_HANDLE_OP_MOVE, same_flag);
    send_with_rights(ZX_HANDLE_OP_DUPLICATE, same_flag);
}

TEST(ChannelWriteEtcTest, HandleWithoutDuplicateRightsMoveOpSucceedsDuplicateOpFails)
{
    zx_handle_op_t ops[] = {ZX_HANDLE_OP_MOVE, ZX_HANDLE_OP_DUPLICATE};
    zx_status_t want[] = {ZX_OK, ZX_ERR_ACCESS_DENIED};
    for (int i = 0; i < 2; i++) {
        zx_handle_t local, remote, sock = new_socket(NULL), weak;
        pair(&local, &remote);
        EXPECT_OK(zx_handle_replace(sock, basic(sock).rights & ~ZX_RIGHT_DUPLICATE, &weak));
        zx_handle_disposition_t d = disp(ops[i], weak, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SAME_RIGHTS);
        EXPECT_STATUS(write_one(local, &d), want[i]);
        EXPECT_STATUS(zx_handle_close(weak), after_close(ops[i]));
        close_all((zx_handle_t[]){local, remote}, 2);
    }
}

TEST(ChannelWriteEtcTest, RightsBeyondTheHandlesAreInvalidArgs)
{
    zx_handle_t local, remote, ev = new_event(), weak;
    pair(&local, &remote);
    EXPECT_OK(zx_handle_replace(ev, basic(ev).rights & ~ZX_RIGHT_SIGNAL, &weak));
    zx_handle_disposition_t d =
        disp(ZX_HANDLE_OP_DUPLICATE, weak, ZX_OBJ_TYPE_NONE, ZX_RIGHT_SIGNAL | ZX_RIGHT_TRANSFER);
    EXPECT_STATUS(write_one(local, &d), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(d.result, ZX_ERR_INVALID_ARGS);
    close_all((zx_handle_t[]){weak, local, remote}, 3);
}

TEST(ChannelTest, ReadEtcHandleInfoValidation)
{
    zx_handle_t local, remote, ev = new_event(), weak, fifo_a, fifo_b;
    pair(&local, &remote);
    EXPECT_OK(zx_handle_duplicate(ev, ZX_RIGHTS_BASIC & ~ZX_RIGHT_WAIT, &weak));
    EXPECT_OK(zx_fifo_create(32, 8, 0, &fifo_a, &fifo_b));
    zx_rights_t fifo_rights = basic(fifo_a).rights, event_rights = basic(ev).rights;
    zx_handle_t hs[4] = {fifo_a, ev, weak, fifo_b};
    EXPECT_OK(zx_channel_write(local, 0, NULL, 0, hs, 4));
    zx_handle_info_t info[4];
    uint32_t nb = 1, nh = 0;
    EXPECT_OK(zx_channel_read_etc(remote, 0, NULL, info, 0, 4, &nb, &nh));
    EXPECT_EQ(nb, 0);
    ASSERT_EQ(nh, 4);
    zx_obj_type_t types[] = {ZX_OBJ_TYPE_FIFO, ZX_OBJ_TYPE_EVENT, ZX_OBJ_TYPE_EVENT,
                             ZX_OBJ_TYPE_FIFO};
    zx_rights_t rights[] = {fifo_rights, event_rights, ZX_RIGHTS_BASIC & ~ZX_RIGHT_WAIT,
                            fifo_rights};
    for (int i = 0; i < 4; i++) {
        EXPECT_EQ(info[i].type, types[i]);
        EXPECT_EQ(info[i].rights, rights[i]);
        EXPECT_EQ(basic(info[i].handle).rights, rights[i]);
        EXPECT_OK(zx_handle_close(info[i].handle));
    }
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelReadEtcTest, TooSmallReportsSizesAndKeepsTheMessage)
{
    zx_handle_t local, remote, ev = new_event();
    pair(&local, &remote);
    EXPECT_OK(zx_channel_write(local, 0, &data, sizeof data, &ev, 1));
    zx_handle_info_t info;
    uint32_t bytes, nb = 0, nh = 0;
    EXPECT_STATUS(zx_channel_read_etc(remote, 0, &bytes, &info, sizeof bytes, 0, &nb, &nh),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(nb, sizeof data);
    EXPECT_EQ(nh, 1);
    EXPECT_OK(zx_channel_read_etc(remote, 0, &bytes, &info, sizeof bytes, 1, &nb, &nh));
    EXPECT_EQ(bytes, data);
    close_all((zx_handle_t[]){info.handle, local, remote}, 3);
}

TEST(ChannelReadEtcTest, NeedsReadRightAndAChannel)
{
    zx_handle_t local, remote, weak, ev = new_event();
    pair(&local, &remote);
    EXPECT_OK(zx_handle_replace(remote, basic(remote).rights & ~ZX_RIGHT_READ, &weak));
    zx_handle_info_t info;
    EXPECT_STATUS(zx_channel_read_etc(weak, 0, NULL, &info, 0, 1, NULL, NULL),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_channel_read_etc(ev, 0, NULL, &info, 0, 1, NULL, NULL), ZX_ERR_WRONG_TYPE);
    close_all((zx_handle_t[]){ev, local, weak}, 3);
}

static zx_handle_t long_list[200];

TEST(ChannelTest, WriteConsumesEveryHandleOfAListLongerThanAMessage)
{
    zx_handle_t local, remote;
    pair(&local, &remote);
    for (uint32_t i = 0; i < 200; i++)
        long_list[i] = new_event();
    EXPECT_STATUS(zx_channel_write(local, 0, NULL, 0, long_list, 200), ZX_ERR_OUT_OF_RANGE);
    for (uint32_t i = 0; i < 200; i++)
        EXPECT_STATUS(zx_handle_close(long_list[i]), ZX_ERR_BAD_HANDLE);
    close_all((zx_handle_t[]){local, remote}, 2);
}
