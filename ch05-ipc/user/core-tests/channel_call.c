/*: # ChannelTest: calls

The call cases of Fuchsia's core-tests `channel.cc` keep their names; the cases of our own check
what the reference page of `zx_channel_call` promises beyond them. What they hold a call to:

- the request's first four bytes are a txid the kernel picks (`0x80000000` and up), and the reply
  is the message that carries it back; the request needs at least those four bytes;
- the channel handle needs `ZX_RIGHT_READ` and `ZX_RIGHT_WRITE`; the handles of the request are
  consumed whatever happens;
- a reply larger than the buffers is dropped (with its handles), `ZX_ERR_BUFFER_TOO_SMALL`;
  `actual_bytes` and `actual_handles` must be given;
- the call ends with `ZX_ERR_TIMED_OUT` at its deadline, `ZX_ERR_PEER_CLOSED` when the server goes,
  `ZX_ERR_CANCELED` when its own handle is closed; a reply after the deadline waits in the queue;
- while it waits, the thread is `ZX_THREAD_STATE_BLOCKED_CHANNEL`;
- `zx_channel_call_etc` sends dispositions and receives handle records.

The server is a second thread of the test's process (ipc_support.h) that answers a number of
requests the way a test sets, copying each request's txid into its reply. */
#include <string.h>

#include "ipc_support.h"
#include "probe.h"
#include "zircon/call.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zxtest.h"

#define MS(n) ((zx_time_t)(n) * 1000000)

/* What the server does with each request: reply with reply_bytes bytes (at least a txid) and
   reply_handles new events, or close its end, or wait for a thread to be blocked and then close
   that thread's channel handle. */
enum reply_kind { REPLY, CLOSE_SERVER, CLOSE_CALLER_HANDLE };

static struct {
    zx_handle_t svc;
    enum reply_kind kind;
    uint32_t reply_bytes, reply_handles;
    zx_handle_t caller_thread, caller_handle;
    zx_txid_t txid;       /* of the last request */
    uint32_t got_bytes, got_handles;
    zx_status_t status;   /* the first failure of the server, or ZX_OK */
} server;

static void serve(uintptr_t arg)
{
    uint8_t buf[256] = {0};
    zx_handle_t hs[16];
    uint32_t nb = 0, nh = 0;
    server.status = zx_object_wait_one(server.svc, ZX_CHANNEL_READABLE, ZX_TIME_INFINITE, NULL);
    if (server.status == ZX_OK)
        server.status = zx_channel_read(server.svc, 0, buf, hs, sizeof buf, 16, &nb, &nh);
    server.got_bytes = nb;
    server.got_handles = nh;
    for (uint32_t i = 0; i < nh; i++)
        zx_handle_close(hs[i]);
    memcpy(&server.txid, buf, sizeof server.txid);
    if (server.status != ZX_OK || server.kind == CLOSE_SERVER) {
        zx_handle_close(server.svc);
        return;
    }
    if (server.kind == CLOSE_CALLER_HANDLE) {
        server.status = thread_wait_state(server.caller_thread, ZX_THREAD_STATE_BLOCKED_CHANNEL);
        zx_handle_close(server.caller_handle);
        zx_handle_close(server.svc);
        return;
    }
    for (uint32_t i = 0; i < server.reply_handles && server.status == ZX_OK; i++)
        server.status = zx_event_create(0, &hs[i]);
    memset(buf + sizeof server.txid, 'r', sizeof buf - sizeof server.txid);
    if (server.status == ZX_OK)
        server.status = zx_channel_write(server.svc, 0, buf, server.reply_bytes, hs,
                                         server.reply_handles);
    zx_handle_close(server.svc);
}

/* Start the server on svc, which it takes. */
static zx_handle_t serve_start(zx_handle_t svc, enum reply_kind kind, uint32_t reply_bytes,
                               uint32_t reply_handles)
{
    server.svc = svc;
    server.kind = kind;
    server.reply_bytes = reply_bytes;
    server.reply_handles = reply_handles;
    server.status = ZX_OK;
    server.txid = 0;
    return helper_thread_start(serve, 0);
}

static void serve_join(zx_handle_t thread)
{
    helper_thread_join(thread);
    EXPECT_OK(server.status);
}

/* A request or reply buffer: a txid and room behind it; and handles. */
struct msg {
    zx_txid_t txid;
    uint8_t data[252];
    zx_handle_t handles[16];
};

static zx_channel_call_args_t args_of(struct msg *req, uint32_t nb, uint32_t nh, struct msg *rep,
                                      uint32_t rb, uint32_t rh)
{
    return (zx_channel_call_args_t){
        .wr_bytes = req, .wr_handles = req->handles, .rd_bytes = rep, .rd_handles = rep->handles,
        .wr_num_bytes = nb, .wr_num_handles = nh, .rd_num_bytes = rb, .rd_num_handles = rh};
}

static void channel_pair(zx_handle_t *a, zx_handle_t *b)
{
    EXPECT_OK(zx_channel_create(0, a, b));
}

static zx_handle_t new_event(void)
{
    zx_handle_t e = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_event_create(0, &e));
    return e;
}

/* A call whose server answers with reply_bytes and reply_handles, into buffers of rb and rh. */
static zx_status_t call_served(uint32_t nb, uint32_t nh, uint32_t reply_bytes,
                               uint32_t reply_handles, uint32_t rb, uint32_t rh, struct msg *rep,
                               uint32_t *actual_bytes, uint32_t *actual_handles)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    static struct msg req;
    memset(&req, 0, sizeof req);
    for (uint32_t i = 0; i < nh; i++)
        req.handles[i] = new_event();
    zx_channel_call_args_t args = args_of(&req, nb, nh, rep, rb, rh);
    zx_handle_t thread = serve_start(remote, REPLY, reply_bytes, reply_handles);
    zx_status_t status = zx_channel_call(local, 0, ZX_TIME_INFINITE, &args, actual_bytes,
                                         actual_handles);
    serve_join(thread);
    EXPECT_OK(zx_handle_close(local));
    return status;
}

static void close_all(const zx_handle_t *hs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        EXPECT_OK(zx_handle_close(hs[i]));
}

TEST(ChannelTest, CallWrittenBytesSmallerThanZxTxIdReturnsInvalidArgs)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {0}, rep;
    zx_channel_call_args_t args = args_of(&req, sizeof(zx_txid_t) - 1, 0, &rep, sizeof rep, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, ZX_TIME_INFINITE, &args, &nb, &nh),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_FALSE(signals_of(remote) & ZX_CHANNEL_READABLE); /* nothing was sent */
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelTest, CallWrittenBytesSmallerThanZxTxIdWithBadPointerReturnsInvalidArgs)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg rep;
    zx_channel_call_args_t args = {.wr_bytes = (void *)-1, .rd_bytes = &rep,
                                   .wr_num_bytes = sizeof(zx_txid_t) - 1, .rd_num_bytes = 16};
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, ZX_TIME_INFINITE, &args, &nb, &nh),
                  ZX_ERR_INVALID_ARGS);
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelTest, CallResponseBiggerThanRdNumBytesReturnsBufferTooSmall)
{
    static struct msg rep;
    uint32_t nb = 0, nh = 0;
    EXPECT_STATUS(call_served(24, 0, 6, 0, 5, 0, &rep, &nb, &nh), ZX_ERR_BUFFER_TOO_SMALL);
}

TEST(ChannelTest, CallResponseBiggerThanRdNumHandlesReturnsBufferTooSmall)
{
    static struct msg rep;
    uint32_t nb = 0, nh = 0;
    EXPECT_STATUS(call_served(4, 1, 4, 2, sizeof rep.txid, 1, &rep, &nb, &nh),
                  ZX_ERR_BUFFER_TOO_SMALL);
}

TEST(ChannelTest, CallBytesFitIsOk)
{
    static struct msg rep;
    uint32_t nb = 0, nh = 0;
    EXPECT_OK(call_served(4, 0, 9, 0, 9, 0, &rep, &nb, &nh));
    EXPECT_EQ(nb, 9);
    EXPECT_EQ(nh, 0);
    EXPECT_EQ(rep.data[4], 'r');
}

TEST(ChannelTest, CallHandlesFitIsOk)
{
    static struct msg rep;
    uint32_t nb = 0, nh = 0;
    EXPECT_OK(call_served(4, 1, 4, 2, 4, 2, &rep, &nb, &nh));
    EXPECT_EQ(nh, 2);
    close_all(rep.handles, nh);
}

TEST(ChannelTest, CallHandleAndBytesFitsIsOk)
{
    static struct msg rep;
    uint32_t nb = 0, nh = 0;
    EXPECT_OK(call_served(6, 1, 6, 2, 6, 2, &rep, &nb, &nh));
    EXPECT_EQ(nb, 6);
    EXPECT_EQ(nh, 2);
    close_all(rep.handles, nh);
}

TEST(ChannelTest, CallNullptrNumBytesIsInvalidArgs)
{
    static struct msg rep;
    uint32_t nh = 0;
    EXPECT_STATUS(call_served(6, 0, 4, 0, 4, 0, &rep, NULL, &nh), ZX_ERR_INVALID_ARGS);
}

TEST(ChannelTest, CallNullptrNumHandlesInvalidArgs)
{
    static struct msg rep;
    uint32_t nb = 0;
    EXPECT_STATUS(call_served(6, 0, 4, 0, 4, 0, &rep, &nb, NULL), ZX_ERR_INVALID_ARGS);
}

TEST(ChannelTest, CallDeadlineExceededReturnsTimedOut)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {0}, rep;
    zx_channel_call_args_t args = args_of(&req, 6, 0, &rep, sizeof rep.txid, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, 0, &args, &nb, &nh), ZX_ERR_TIMED_OUT);
    EXPECT_TRUE(signals_of(remote) & ZX_CHANNEL_READABLE); /* the request went all the same */
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelTest, CallConsumesHandlesOnSuccess)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    static struct msg req, rep;
    req.handles[0] = new_event();
    req.handles[1] = new_event();
    zx_channel_call_args_t args = args_of(&req, 4, 2, &rep, 4, 0);
    zx_handle_t thread = serve_start(remote, REPLY, 4, 0);
    uint32_t nb, nh;
    EXPECT_OK(zx_channel_call(local, 0, ZX_TIME_INFINITE, &args, &nb, &nh));
    serve_join(thread);
    EXPECT_EQ(server.got_handles, 2);
    EXPECT_STATUS(zx_handle_close(req.handles[0]), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_close(req.handles[1]), ZX_ERR_BAD_HANDLE);
    EXPECT_OK(zx_handle_close(local));
}

TEST(ChannelTest, CallConsumesHandlesOnError)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    EXPECT_OK(zx_handle_close(remote));
    struct msg req = {0}, rep;
    req.handles[0] = new_event();
    req.handles[1] = new_event();
    zx_channel_call_args_t args = args_of(&req, 4, 2, &rep, 4, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, ZX_TIME_INFINITE, &args, &nb, &nh), ZX_ERR_PEER_CLOSED);
    EXPECT_STATUS(zx_handle_close(req.handles[0]), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_handle_close(req.handles[1]), ZX_ERR_BAD_HANDLE);
    EXPECT_OK(zx_handle_close(local));
}

TEST(ChannelTest, CallNotifiedOnPeerClosed)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {0}, rep;
    zx_channel_call_args_t args = args_of(&req, 4, 0, &rep, 4, 0);
    zx_handle_t thread = serve_start(remote, CLOSE_SERVER, 0, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, ZX_TIME_INFINITE, &args, &nb, &nh), ZX_ERR_PEER_CLOSED);
    serve_join(thread);
    EXPECT_OK(zx_handle_close(local));
}

TEST(ChannelCallTest, TimesOutNoEarlierThanItsDeadline)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {0}, rep;
    zx_channel_call_args_t args = args_of(&req, 4, 0, &rep, 4, 0);
    uint32_t nb, nh;
    zx_time_t deadline = zx_clock_get_monotonic() + MS(20);
    EXPECT_STATUS(zx_channel_call(local, 0, deadline, &args, &nb, &nh), ZX_ERR_TIMED_OUT);
    EXPECT_GE(zx_clock_get_monotonic(), deadline);
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelCallTest, KernelPicksTheTxid)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {.txid = 0x1234}, rep;
    zx_channel_call_args_t args = args_of(&req, 4, 0, &rep, 4, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, 0, &args, &nb, &nh), ZX_ERR_TIMED_OUT);
    EXPECT_STATUS(zx_channel_call(local, 0, 0, &args, &nb, &nh), ZX_ERR_TIMED_OUT);
    zx_txid_t first = 0, second = 0;
    EXPECT_OK(zx_channel_read(remote, 0, &first, NULL, sizeof first, 0, NULL, NULL));
    EXPECT_OK(zx_channel_read(remote, 0, &second, NULL, sizeof second, 0, NULL, NULL));
    EXPECT_NE(first & 0x80000000u, 0);
    EXPECT_NE(second & 0x80000000u, 0);
    EXPECT_NE(first, second);
    EXPECT_EQ(req.txid, 0x1234); /* the caller's buffer is left alone */
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelCallTest, ReplyCarriesTheRequestsTxidAndBytes)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    static struct msg req, rep;
    memcpy(req.data, "hello", 5);
    zx_channel_call_args_t args = args_of(&req, 9, 0, &rep, sizeof rep.txid + sizeof rep.data, 0);
    zx_handle_t thread = serve_start(remote, REPLY, 12, 0);
    uint32_t nb = 0, nh = 1;
    EXPECT_OK(zx_channel_call(local, 0, ZX_TIME_INFINITE, &args, &nb, &nh));
    serve_join(thread);
    EXPECT_EQ(server.got_bytes, 9);
    EXPECT_EQ(rep.txid, server.txid);
    EXPECT_EQ(nb, 12);
    EXPECT_EQ(nh, 0);
    EXPECT_EQ(memcmp(rep.data, "rrrrrrrr", 8), 0);
    EXPECT_FALSE(signals_of(local) & ZX_CHANNEL_READABLE); /* the reply never reached the queue */
    EXPECT_OK(zx_handle_close(local));
}

TEST(ChannelCallTest, ReplyAfterTheDeadlineWaitsInTheQueue)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {0}, rep;
    zx_channel_call_args_t args = args_of(&req, 4, 0, &rep, 4, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, 0, &args, &nb, &nh), ZX_ERR_TIMED_OUT);
    zx_txid_t txid = 0;
    EXPECT_OK(zx_channel_read(remote, 0, &txid, NULL, sizeof txid, 0, NULL, NULL));
    EXPECT_OK(zx_channel_write(remote, 0, &txid, sizeof txid, NULL, 0));
    zx_txid_t late = 0;
    EXPECT_OK(zx_channel_read(local, 0, &late, NULL, sizeof late, 0, NULL, NULL));
    EXPECT_EQ(late, txid);
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelCallTest, TooSmallDropsTheReplyAndItsHandles)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    static struct msg req, rep;
    zx_channel_call_args_t args = args_of(&req, 4, 0, &rep, 4, 0);
    zx_handle_t thread = serve_start(remote, REPLY, 4, 1);
    uint32_t nb = 0, nh = 0;
    EXPECT_STATUS(zx_channel_call(local, 0, ZX_TIME_INFINITE, &args, &nb, &nh),
                  ZX_ERR_BUFFER_TOO_SMALL);
    serve_join(thread);
    EXPECT_EQ(nb, 4);
    EXPECT_EQ(nh, 1);
    EXPECT_FALSE(signals_of(local) & ZX_CHANNEL_READABLE);
    EXPECT_OK(zx_handle_close(local));
}

TEST(ChannelCallTest, NeedsReadAndWriteRights)
{
    zx_rights_t without[] = {ZX_RIGHT_READ, ZX_RIGHT_WRITE};
    for (int i = 0; i < 2; i++) {
        zx_handle_t local, remote, weak;
        channel_pair(&local, &remote);
        zx_rights_t rights = basic(local).rights & ~without[i];
        EXPECT_OK(zx_handle_replace(local, rights, &weak));
        struct msg req = {0}, rep;
        req.handles[0] = new_event();
        zx_channel_call_args_t args = args_of(&req, 4, 1, &rep, 4, 0);
        uint32_t nb, nh;
        EXPECT_STATUS(zx_channel_call(weak, 0, 0, &args, &nb, &nh), ZX_ERR_ACCESS_DENIED);
        EXPECT_STATUS(zx_handle_close(req.handles[0]), ZX_ERR_BAD_HANDLE);
        close_all((zx_handle_t[]){weak, remote}, 2);
    }
}

TEST(ChannelCallTest, BadHandleAndWrongType)
{
    struct msg req = {0}, rep;
    zx_channel_call_args_t args = args_of(&req, 4, 0, &rep, 4, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(ZX_HANDLE_INVALID, 0, 0, &args, &nb, &nh), ZX_ERR_BAD_HANDLE);
    zx_handle_t e = new_event();
    EXPECT_STATUS(zx_channel_call(e, 0, 0, &args, &nb, &nh), ZX_ERR_WRONG_TYPE);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ChannelCallTest, NonZeroOptionsIsInvalidArgsAndConsumesHandles)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {0}, rep;
    req.handles[0] = new_event();
    zx_channel_call_args_t args = args_of(&req, 4, 1, &rep, 4, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 1, 0, &args, &nb, &nh), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_handle_close(req.handles[0]), ZX_ERR_BAD_HANDLE);
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelCallTest, TooLargeRequestIsOutOfRange)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {0}, rep;
    zx_channel_call_args_t args = args_of(&req, ZX_CHANNEL_MAX_MSG_BYTES + 1, 0, &rep, 4, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, 0, &args, &nb, &nh), ZX_ERR_OUT_OF_RANGE);
    args = args_of(&req, 4, ZX_CHANNEL_MAX_MSG_HANDLES + 1, &rep, 4, 0);
    EXPECT_STATUS(zx_channel_call(local, 0, 0, &args, &nb, &nh), ZX_ERR_OUT_OF_RANGE);
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelCallTest, BadArgsPointerIsInvalidArgs)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, 0, UNMAPPED, &nb, &nh), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_channel_call(local, 0, 0, KERNEL_HALF, &nb, &nh), ZX_ERR_INVALID_ARGS);
    close_all((zx_handle_t[]){local, remote}, 2);
}

TEST(ChannelCallTest, ChannelItselfInTheRequestIsNotSupported)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {0}, rep;
    req.handles[0] = local;
    zx_channel_call_args_t args = args_of(&req, 4, 1, &rep, 4, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, 0, &args, &nb, &nh), ZX_ERR_NOT_SUPPORTED);
    EXPECT_STATUS(zx_handle_close(local), ZX_ERR_BAD_HANDLE); /* consumed too */
    EXPECT_TRUE(signals_of(remote) & ZX_CHANNEL_PEER_CLOSED);
    EXPECT_OK(zx_handle_close(remote));
}

TEST(ChannelCallTest, ClosingTheCallersHandleCancelsTheCall)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    struct msg req = {0}, rep;
    zx_channel_call_args_t args = args_of(&req, 4, 0, &rep, 4, 0);
    server.caller_thread = zx_thread_self();
    server.caller_handle = local;
    zx_handle_t thread = serve_start(remote, CLOSE_CALLER_HANDLE, 0, 0);
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call(local, 0, ZX_TIME_INFINITE, &args, &nb, &nh), ZX_ERR_CANCELED);
    serve_join(thread); /* it saw this thread BLOCKED_CHANNEL */
    EXPECT_STATUS(zx_handle_close(local), ZX_ERR_BAD_HANDLE);
}

TEST(ChannelCallTest, FinishWithoutAnInterruptedCallIsBadState)
{
    struct msg rep;
    zx_channel_call_args_t args = {.rd_bytes = &rep, .rd_num_bytes = 4};
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call_finish(ZX_TIME_INFINITE, &args, &nb, &nh), ZX_ERR_BAD_STATE);
}

TEST(ChannelCallTest, EtcSendsDispositionsAndReceivesRecords)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    zx_handle_t e = new_event();
    static zx_txid_t req[2], rep[2];
    zx_handle_disposition_t d = {ZX_HANDLE_OP_DUPLICATE, e, ZX_OBJ_TYPE_EVENT,
                                 ZX_RIGHT_SAME_RIGHTS, ZX_OK};
    zx_handle_info_t info[2];
    zx_channel_call_etc_args_t args = {.wr_bytes = req, .wr_handles = &d, .rd_bytes = rep,
                                       .rd_handles = info, .wr_num_bytes = 8, .wr_num_handles = 1,
                                       .rd_num_bytes = 8, .rd_num_handles = 2};
    zx_handle_t thread = serve_start(remote, REPLY, 8, 2);
    uint32_t nb = 0, nh = 0;
    EXPECT_OK(zx_channel_call_etc(local, 0, ZX_TIME_INFINITE, &args, &nb, &nh));
    serve_join(thread);
    EXPECT_EQ(server.got_handles, 1);
    EXPECT_EQ(nh, 2);
    for (uint32_t i = 0; i < nh; i++) {
        EXPECT_EQ(info[i].type, ZX_OBJ_TYPE_EVENT);
        EXPECT_EQ(info[i].rights, basic(info[i].handle).rights);
        EXPECT_OK(zx_handle_close(info[i].handle));
    }
    close_all((zx_handle_t[]){e, local}, 2); /* duplicated, so still here */
}

TEST(ChannelCallTest, EtcReportsTheDispositionThatFailed)
{
    zx_handle_t local, remote;
    channel_pair(&local, &remote);
    zx_handle_t e = new_event();
    zx_txid_t req = 0, rep = 0;
    zx_handle_disposition_t d = {ZX_HANDLE_OP_MOVE, e, ZX_OBJ_TYPE_SOCKET, ZX_RIGHT_SAME_RIGHTS,
                                 ZX_OK};
    zx_channel_call_etc_args_t args = {.wr_bytes = &req, .wr_handles = &d, .rd_bytes = &rep,
                                       .wr_num_bytes = 4, .wr_num_handles = 1, .rd_num_bytes = 4};
    uint32_t nb, nh;
    EXPECT_STATUS(zx_channel_call_etc(local, 0, 0, &args, &nb, &nh), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(d.result, ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_handle_close(e), ZX_ERR_BAD_HANDLE);
    EXPECT_FALSE(signals_of(remote) & ZX_CHANNEL_READABLE);
    close_all((zx_handle_t[]){local, remote}, 2);
}
