/*: # Channel

The object Zircon programs talk through: a pair of ends, each with a queue of messages written by
the other end. Writing never blocks; reading takes the oldest message, or says `ZX_ERR_SHOULD_WAIT`
when there is none, and the reader waits for `ZX_CHANNEL_READABLE`. A channel is how handles move
between processes, which is why it comes this early in the book: bootstrap and exceptions need it.

Signals: `ZX_CHANNEL_READABLE` while this end's queue holds a message, `ZX_CHANNEL_WRITABLE` while
the peer exists, `ZX_CHANNEL_PEER_CLOSED` once it does not. */
#ifndef ZINC_CHANNEL_H
#define ZINC_CHANNEL_H

#include "object/kobject.h"
#include "object/message.h"

zx_status_t channel_create(struct kobject **out0, struct kobject **out1);

/* A reader that wants one particular message before the queue sees it: chapter 5's channel_call,
   waiting for the reply to its request. Each message written to an end is first offered to the
   end's catchers, in the order they were added, under the pair's lock; the first whose `take`
   returns true owns the message, and leaves the end's list. `take` must not block. */
struct channel_catcher {
    struct channel_catcher *next;
    bool (*take)(struct channel_catcher *c, struct message *m);
};

/* Put c on the end ch, or take it off again if it is still there (it is not once it took a
   message). */
void channel_catcher_add(struct kobject *ch, struct channel_catcher *c);
void channel_catcher_remove(struct kobject *ch, struct channel_catcher *c);

/* Queue m at the peer. The channel takes m in every case: on failure (ZX_ERR_PEER_CLOSED) it is
   destroyed. */
zx_status_t channel_write(struct kobject *ch, struct message *m);

/* Take the oldest message if it fits in bytes_cap bytes and handles_cap handles. ZX_ERR_SHOULD_WAIT
   when the queue is empty, ZX_ERR_PEER_CLOSED when it is empty and will stay so.
   ZX_ERR_BUFFER_TOO_SMALL when it does not fit: *actual_bytes and *actual_handles then say what
   would, and the message stays queued unless may_discard. On ZX_OK the caller owns *out. */
zx_status_t channel_read(struct kobject *ch, uint32_t bytes_cap, uint32_t handles_cap,
                         bool may_discard, struct message **out, uint32_t *actual_bytes,
                         uint32_t *actual_handles);

extern const struct kobject_type channel_type;

#endif
