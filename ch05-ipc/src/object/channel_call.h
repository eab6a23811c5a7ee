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

/* Write request (at least 4 bytes, its first 4 replaced by a fresh txid) to the end ch, which the
   caller holds as value in table, and wait until the deadline for the reply, which it then owns
   in *reply. The request is taken in every case. ZX_ERR_PEER_CLOSED when the peer is gone or goes
   before it replies, ZX_ERR_TIMED_OUT, ZX_ERR_CANCELED when the handle is closed (or the thread
   killed). table may be NULL for a call of the kernel's own. */
zx_status_t channel_call(struct kobject *ch, struct handle_table *table, zx_handle_t value,
                         struct message *request, uint64_t deadline, struct message **reply);

#endif
