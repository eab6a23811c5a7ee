/*: # Calling through a channel, implemented

A call waits for two things at once, with one waiter, as a blocking operation (object/waiter.h):
the reply, which its catcher (object/channel.h) takes from the writer of the reply and hands
over; and the end of the conversation, which an observer of its own end sees:
`ZX_CHANNEL_PEER_CLOSED`, or its handle being closed. The catcher goes on the end *before* the
request is written, so a reply, however quick, cannot slip into the queue; it comes off in the
second half, under the pair's lock, so a reply that comes too late (after a timeout) is either
caught or queued, never lost.

Transaction ids come from one counter for the whole kernel, with the top bit set, as Fuchsia's
reference asks: so no two calls in progress share one, unless 2^31 calls started while one of
them waited. */
#include "object/channel_call.h"


#define TXID_KERNEL 0x80000000u

static uint32_t next_txid;

static zx_txid_t new_txid(void)
{
    return __atomic_fetch_add(&next_txid, 1, __ATOMIC_RELAXED) | TXID_KERNEL;
}

/* The catcher: does m answer this call? Called under the pair's lock by whoever writes m. */
static bool catch_reply(struct channel_catcher *catcher, struct message *m)
{
    struct channel_call *c = container_of(catcher, struct channel_call, catcher);
    /* LAB ch05-channel-call BEGIN: take m if it is the reply to this call: a message whose first 4
       bytes (message_read) hold c->txid; a message shorter than a txid is no reply. Taking it
       means keeping it in c->reply, waking the caller (waiter_wake), and returning true;
       anything else is left to the queue (return false).
       stub:
    c->reply = m;
    waiter_wake(&c->op.waiter);
    return true;
    */
    zx_txid_t txid;
    if (m->num_bytes < sizeof txid)
        return false;
    message_read(m, 0, &txid, sizeof txid);
    if (txid != c->txid)
        return false;
    c->reply = m;
    waiter_wake(&c->op.waiter);
    return true;
    /* LAB END */
}

/* The observer of the caller's own end: the peer went away, or the handle was closed. */
static bool wake_on_end(struct observer *o, zx_signals_t signals)
{
    struct channel_call *c = container_of(o, struct channel_call, o);
    c->seen = signals;
    waiter_wake(&c->op.waiter);
    return false;
}

/* The call's second half: take the catcher and the observer off, and say how it went. */
static zx_status_t finish_call(struct wait_op *op, zx_status_t ended)
{
    (void)ended; /* what the call caught and saw tells more */
    struct channel_call *c = container_of(op, struct channel_call, op);
    observer_remove(c->ch, &c->o);
    channel_catcher_remove(c->ch, &c->catcher); /* after this, c->reply changes no more */
    if (c->reply)
        return c->done(c, ZX_OK, c->reply);
    zx_status_t status = ZX_ERR_TIMED_OUT;
    if (!c->held || c->seen & ZX_SIGNAL_HANDLE_CLOSED || wait_cancelled())
        status = ZX_ERR_CANCELED;
    else if (c->seen & ZX_CHANNEL_PEER_CLOSED)
        status = ZX_ERR_PEER_CLOSED;
    return c->done(c, status, NULL);
}

zx_status_t channel_call(struct channel_call *c, struct kobject *ch, struct handle_table *table,
                         zx_handle_t value, struct message *request, uint64_t deadline,
                         zx_status_t (*done)(struct channel_call *c, zx_status_t status,
                                             struct message *reply))
{
    *c = (struct channel_call){
        .catcher = {.take = catch_reply},
        .o = {.watched = ZX_CHANNEL_PEER_CLOSED, .on_change = wake_on_end, .table = table,
              .handle = value},
        .ch = ch,
        .txid = new_txid(),
        .done = done,
    };
    wait_op_init(&c->op, deadline, ZX_THREAD_STATE_BLOCKED_CHANNEL, finish_call);
    message_write(request, 0, &c->txid, sizeof c->txid);
    channel_catcher_add(ch, &c->catcher);
    zx_status_t status = channel_write(ch, request);
    if (status != ZX_OK) {
        channel_catcher_remove(ch, &c->catcher);
        return done(c, status, NULL);
    }
    observer_add(ch, &c->o);
    c->held = !table || handle_table_holds(table, value, ch); /* a close before the observer */
    if (!c->held)
        return finish_call(&c->op, ZX_ERR_CANCELED);
    return wait_then(&c->op);
}

struct call_here {
    struct channel_call c;
    struct message *reply;
};

static zx_status_t keep_reply(struct channel_call *c, zx_status_t status, struct message *reply)
{
    container_of(c, struct call_here, c)->reply = reply;
    return status;
}

zx_status_t channel_call_here(struct kobject *ch, struct message *request, uint64_t deadline,
                              struct message **reply)
{
    struct call_here here;
    zx_status_t status = channel_call(&here.c, ch, NULL, ZX_HANDLE_INVALID, request, deadline,
                                      keep_reply);
    *reply = here.reply;
    return status;
}
