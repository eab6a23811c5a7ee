/*: # Messages in and out of user memory

What `channel_write` and `channel_read` do with user memory, kept apart so that chapter 5's
`channel_write_etc`, `channel_read_etc` and `channel_call` do it the same way: a message is built
from the caller's bytes and handles, and a message is handed out as bytes and handles. Only the
form of the handle lists differs between the calls: values, or (in chapter 5) records that say
more about each handle; so each list comes with the functions that read or write its form. */
#ifndef ZINC_CHANNEL_MSG_H
#define ZINC_CHANNEL_MSG_H

#include "object/handle.h"
#include "object/message.h"
#include "syscall/user_copy.h"

/* The handles a write names, and how to read their list. */
struct handles_in {
    uaddr_t user;
    uint32_t count;
    /* Move all count handles into m (m->handles[i] for the i-th), writing to channel ch: every one
       is consumed, even after an error; the first error is returned. */
    zx_status_t (*take)(const struct handles_in *in, struct handle_table *t, struct kobject *ch,
                        struct message *m);
    /* The write failed before its handles went into a message: consume them all the same. */
    void (*drop)(const struct handles_in *in, struct handle_table *t);
};

/* A handle list of plain values (channel_write). */
struct handles_in handle_values_in(uaddr_t user, uint32_t count);

/* Build the message of a write to ch, whose checks so far gave status: the sizes, the bytes, the
   handles, in Zircon's order. The handles are consumed whatever happens; on ZX_OK the caller owns
   *out. */
zx_status_t channel_msg_in(struct handle_table *t, struct kobject *ch, zx_status_t status,
                           uaddr_t bytes, uint32_t num_bytes, const struct handles_in *in,
                           struct message **out);

/* Write the i-th handle of a message, now value in the reader's table, to the list at user. */
typedef zx_status_t (*handle_out_fn)(uaddr_t user, uint32_t i, zx_handle_t value,
                                     const struct kobject *obj, zx_rights_t rights);

/* The list of plain values (channel_read). */
zx_status_t handle_value_out(uaddr_t user, uint32_t i, zx_handle_t value,
                             const struct kobject *obj, zx_rights_t rights);

/* Give the reader in table t the message's handles, write them with out to the list at handles
   and the bytes to bytes. Takes m: on failure its remaining contents are dropped with it. */
zx_status_t channel_msg_out(struct handle_table *t, struct message *m, uaddr_t bytes,
                            uaddr_t handles, handle_out_fn out);

/* channel_read's work after its handle is checked (it needs ZX_RIGHT_READ): take the oldest
   message of ch if it fits, and hand it out with out. */
zx_status_t channel_read_into(struct kobject *ch, uint32_t options, uaddr_t bytes, uaddr_t handles,
                              uint32_t num_bytes, uint32_t num_handles, uaddr_t actual_bytes,
                              uaddr_t actual_handles, handle_out_fn out);

#endif
