/*: # Channel messages

A message is some bytes and some handles in flight between two processes. While a message sits in a
channel, its handles belong to no process: the message holds their objects (one reference each) and
their rights, and whoever reads the message gets them in its own table. A handle that
`channel_write` moved in from a process still counts among its object's handles while it travels
(its bit in `counted`: see object/handle.c); one the kernel puts in a message of its own making
(start-up, exceptions) is an object reference only, and becomes a handle when it is read.

The bytes can reach `ZX_CHANNEL_MAX_MSG_BYTES` (64 KiB), more than one kernel heap block, so they
live in frames, one per 4 KiB, unless they fit in the message's own heap block after its handles:
most messages are small (a write of a few bytes to a pipe is one), and a frame for each would be
4 KiB zeroed and 4 KiB freed for every one of them. `message_bytes_at` gives the kernel pointer to
the bytes at an offset and how many follow contiguously, which is what a copy from or to user
memory needs, one page at a time. */
#ifndef ZINC_MESSAGE_H
#define ZINC_MESSAGE_H

#include "object/kobject.h"

struct message_handle {
    struct kobject *obj;
    zx_rights_t rights;
};

struct message {
    struct message *next;
    uint32_t num_bytes, num_handles;
    /* bit i: handles[i] was moved out of a table (handle_table_move_out), a handle still */
    uint64_t counted;
    paddr_t pages[ZX_CHANNEL_MAX_MSG_BYTES / PAGE_SIZE]; /* the bytes, unless they are inline */
    uint8_t *inline_bytes; /* or NULL: the bytes, in this block after the handles */
    struct message_handle handles[]; /* num_handles of them */
};

/* A message with room for the given sizes (within the limits), its bytes zeroed and no handles set;
   NULL if memory ran out. */
struct message *message_create(uint32_t num_bytes, uint32_t num_handles);

/* Free the message, closing the handles it still carries. */
void message_destroy(struct message *m);

/* The bytes at offset (< num_bytes), and in *contiguous how many follow before a page boundary. */
uint8_t *message_bytes_at(struct message *m, uint32_t offset, uint32_t *contiguous);

/* Copy between kernel memory and the message's bytes. */
void message_write(struct message *m, uint32_t offset, const void *src, uint32_t len);
void message_read(struct message *m, uint32_t offset, void *dst, uint32_t len);

#endif
