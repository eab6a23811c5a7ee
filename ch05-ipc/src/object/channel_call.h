/*: # Calling through a channel

A *call* is a request and its reply on one channel: write a message, wait for the answer to that
message, read it. Many threads may call through the same channel end at once, and the server may
answer them in any order, so each request carries a *transaction id* in its first four bytes, which
the server copies into its reply. The kernel picks the id of each call (object/channel_call.c)
and, while the call waits, catches the message that carries it before it reaches the end's queue
(a catcher, object/channel.h): the reply goes straight to its caller, and never wakes a reader
of the queue. */
#ifndef ZINC_CHANNEL_CALL_H
#define ZINC_CHANNEL_CALL_H

#include "object/channel.h"
#include "object/handle.h"
#include "object/observer.h"
#include "object/waiter.h"
#include "zircon/channel_call.h"

/* One call while it waits: a blocking operation (object/waiter.h), embedded in the caller's own
   state. */
struct channel_call {
    struct wait_op op;
    struct channel_catcher catcher;
    struct observer o;
    struct kobject *ch;
    bool held;             /* the handle was still there once the observer was in place */
    zx_txid_t txid;
    struct message *reply; /* set by catch_reply, under the pair's lock */
    zx_signals_t seen;     /* set by wake_on_end, under the end's lock */
    zx_status_t (*done)(struct channel_call *c, zx_status_t status, struct message *reply);
};

/* Write request (at least 4 bytes, its first 4 replaced by a fresh txid) to the end ch, which the
   caller holds as value in table, and wait until the deadline for the reply; then call done with
   the status and the reply (which done then owns; NULL unless the status is ZX_OK), and return
   what done returns. The request is taken in every case. ZX_ERR_PEER_CLOSED when the peer is gone
   or goes before it replies, ZX_ERR_TIMED_OUT, ZX_ERR_CANCELED when the handle is closed (or the
   thread killed). The caller keeps its reference to ch until done. */
zx_status_t channel_call(struct channel_call *c, struct kobject *ch, struct handle_table *table,
                         zx_handle_t value, struct message *request, uint64_t deadline,
                         zx_status_t (*done)(struct channel_call *c, zx_status_t status,
                                             struct message *reply));

/* The same for a kernel thread of the kernel's own, which blocks here: the reply in *reply. */
zx_status_t channel_call_here(struct kobject *ch, struct message *request, uint64_t deadline,
                              struct message **reply);

#endif
