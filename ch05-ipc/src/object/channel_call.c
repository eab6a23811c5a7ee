/*: # Calling through a channel, implemented

A call waits for two things at once, with one waiter (object/waiter.h): the reply, which its
catcher (object/channel.h) takes from the writer of the reply and hands over; and the end of the
conversation, which an observer of its own end sees: `ZX_CHANNEL_PEER_CLOSED`, or its handle
being closed. The catcher goes on the end *before* the request is written, so a reply, however
quick, cannot slip into the queue; it comes off after the wait, under the pair's lock, so a reply
that comes too late (after a timeout) is either caught or queued, never lost.

Transaction ids come from one counter for the whole kernel, with the top bit set, as Fuchsia's
reference asks: so no two calls in progress share one, unless 2^31 calls started while one of
them waited. */
#include "object/channel_call.h"

#include "object/observer.h"
#include "object/waiter.h"
#include "zircon/channel_call.h"

#define TXID_KERNEL 0x80000000u

struct call {
    struct channel_catcher catcher;
    struct observer o;
    struct waiter waiter;
    zx_txid_t txid;
    struct message *reply; /* set by catch_reply, under the pair's lock */
    zx_signals_t seen;     /* set by wake_on_end, under the end's lock */
};

static uint32_t next_txid;

static zx_txid_t new_txid(void)
{
    return __atomic_fetch_add(&next_txid, 1, __ATOMIC_RELAXED) | TXID_KERNEL;
}

/* The catcher: does m answer this call? Called under the pair's lock by whoever writes m. */
static bool catch_reply(struct channel_catcher *c, struct message *m)
{
    struct call *call = container_of(c, struct call, catcher);
    /* LAB ch05-channel-call BEGIN: take m if it is the reply to this call: a message whose first 4
       bytes (message_read) hold call->txid; a message shorter than a txid is no reply. Taking it
       means keeping it in call->reply, waking the caller (waiter_wake), and returning true;
       anything else is left to the queue (return false).
       stub:
    call->reply = m;
    waiter_wake(&call->waiter);
    return true;
    */
    zx_txid_t txid;
    if (m->num_bytes < sizeof txid)
        return false;
    message_read(m, 0, &txid, sizeof txid);
    if (txid != call->txid)
        return false;
    call->reply = m;
    waiter_wake(&call->waiter);
    return true;
    /* LAB END */
}

/* The observer of the caller's own end: the peer went away, or the handle was closed. */
static bool wake_on_end(struct observer *o, zx_signals_t signals)
{
    struct call *call = container_of(o, struct call, o);
    call->seen = signals;
    waiter_wake(&call->waiter);
    return false;
}

zx_status_t channel_call(struct kobject *ch, struct handle_table *table, zx_handle_t value,
                         struct message *request, uint64_t deadline, struct message **reply)
{
    struct call call = {
        .catcher = {.take = catch_reply},
        .o = {.watched = ZX_CHANNEL_PEER_CLOSED, .on_change = wake_on_end, .table = table,
              .handle = value},
        .txid = new_txid(),
    };
    waiter_init(&call.waiter);
    message_write(request, 0, &call.txid, sizeof call.txid);
    channel_catcher_add(ch, &call.catcher);
    zx_status_t status = channel_write(ch, request);
    bool held = true;
    if (status == ZX_OK) {
        observer_add(ch, &call.o);
        held = !table || handle_table_holds(table, value, ch); /* a close before the observer */
        if (held)
            wait_block(&call.waiter, deadline, ZX_THREAD_STATE_BLOCKED_CHANNEL);
        observer_remove(ch, &call.o);
    }
    channel_catcher_remove(ch, &call.catcher); /* after this, call.reply changes no more */
    *reply = call.reply;
    if (call.reply || status != ZX_OK)
        return status;
    if (!held || call.seen & ZX_SIGNAL_HANDLE_CLOSED || wait_cancelled())
        return ZX_ERR_CANCELED;
    return call.seen & ZX_CHANNEL_PEER_CLOSED ? ZX_ERR_PEER_CLOSED : ZX_ERR_TIMED_OUT;
}
