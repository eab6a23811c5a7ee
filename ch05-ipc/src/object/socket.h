/*: # Socket

A socket is a pair of ends, like a channel, but it carries bytes only, no handles, and it holds
at most `SOCKET_CAPACITY` bytes in each direction: each end has a ring (object/ring.h) of the
bytes its peer wrote and it has not read yet. When the ring is full, a writer is told
`ZX_ERR_SHOULD_WAIT` and waits for `ZX_SOCKET_WRITABLE`; the kernel never blocks it, and never
queues without bound, as a channel does.

A socket is made in one of two modes, for good:

- **stream**: the bytes are one sequence; a write takes as many as fit (a *short write*), a read
  returns as many as are there, whatever the writes that put them there;
- **datagram**: each write is one message, queued whole or not at all, and each read takes
  exactly one message; a reader whose buffer is too small gets the start of it, and the rest is
  gone. In the ring a datagram is a 4-byte length followed by its bytes, so the largest datagram
  is `SOCKET_CAPACITY - SOCKET_DATAGRAM_HEADER` bytes: the ring "may become full at a capacity
  less than the maximum due to overhead", in the words of Fuchsia's `zx_info_socket_t`.

Each end's kernel signals are a function of the pair's state, recomputed after every change:

| signal (`ZX_SOCKET_`) | asserted on an end while |
|--------|--------------------------|
| `READABLE` | its ring holds bytes |
| `WRITABLE` | the peer exists, this end's writes are enabled, and the peer's ring has room |
| `PEER_CLOSED` | the peer is gone |
| `WRITE_DISABLED` | this end's writes were disabled (`zx_socket_set_disposition`) |
| `PEER_WRITE_DISABLED` | the peer's writes were disabled |
| `READ_THRESHOLD` | a read threshold is set and the ring holds at least that much |
| `WRITE_THRESHOLD` | a write threshold is set and the peer's ring has at least that much room |

The system calls never let the kernel touch user memory while it holds the pair's lock (a copy
may fault, and a fault may have to wait). So a write is two steps: `socket_write_room` says how
much a write could take now, the system call copies that much from the user into a staging buffer
(a `struct message`, chapter 2's bytes-in-frames), and `socket_write` queues it, taking less if
the room shrank in between. A read is `socket_read`, which copies what the read returns into a
new staging buffer without taking it out, and, once the system call has copied it to the user,
`socket_consume`, which takes it out if no other reader took anything in between (else the read
starts again). */
#ifndef ZINC_SOCKET_H
#define ZINC_SOCKET_H

#include "object/message.h"
#include "object/peered.h"
#include "object/ring.h"
#include "zircon/socket.h"

#define SOCKET_CAPACITY ((uint32_t)RING_MAX_CAPACITY)
#define SOCKET_DATAGRAM_HEADER ((uint32_t)sizeof(uint32_t))
#define SOCKET_DATAGRAM_MAX (SOCKET_CAPACITY - SOCKET_DATAGRAM_HEADER)

struct socket {
    struct peered p;
    uint32_t options; /* ZX_SOCKET_STREAM or ZX_SOCKET_DATAGRAM, fixed */
    /* Guarded by p.pair->lock: */
    struct ring ring;                       /* the bytes for this end to read */
    uint32_t datagrams;                     /* how many datagrams the ring holds */
    bool write_disabled;                    /* this end may not write */
    bool read_disabled;                     /* the peer may not write; kept when the peer is gone */
    size_t read_threshold, write_threshold; /* 0: none */
};

extern const struct kobject_type socket_type;

/* Two new ends; options is ZX_SOCKET_STREAM or ZX_SOCKET_DATAGRAM. The caller owns a reference to
   each. ZX_ERR_INVALID_ARGS for other options, ZX_ERR_NO_MEMORY. */
zx_status_t socket_create(uint32_t options, struct kobject **out0, struct kobject **out1);

/* The checks of a write of len bytes from obj, in Zircon's order: ZX_ERR_PEER_CLOSED,
   ZX_ERR_BAD_STATE (writes disabled), ZX_ERR_SHOULD_WAIT (no room), ZX_ERR_OUT_OF_RANGE (a datagram
   that can never fit), ZX_ERR_SHOULD_WAIT (a datagram that does not fit now). On ZX_OK, *room is
   how many bytes the write would queue now: len for a datagram, as many as fit for a stream (0 when
   len is 0). */
zx_status_t socket_write_room(struct kobject *obj, size_t len, uint32_t *room);

/* Queue the first len bytes of m at the peer, with the checks above again: a stream may take fewer
   (*written says how many), a datagram all or nothing. */
zx_status_t socket_write(struct kobject *obj, struct message *m, uint32_t len, uint32_t *written);

/* What a read of up to len bytes would return: ZX_ERR_PEER_CLOSED, ZX_ERR_BAD_STATE (the peer's
   writes are disabled) or ZX_ERR_SHOULD_WAIT when there is nothing, ZX_ERR_NO_MEMORY. On ZX_OK *out
   holds a copy of those bytes (NULL when there are none to copy, for len 0), *ticket names the read
   position, and nothing is taken out yet. */
zx_status_t socket_read(struct kobject *obj, size_t len, struct message **out, uint64_t *ticket);

/* Take out what the socket_read that gave ticket returned: len bytes of a stream, or the whole
   datagram however much of it was delivered (a read that could not deliver it passes 0: the
   datagram is dropped, as in Zircon, while a stream loses nothing). ZX_ERR_SHOULD_WAIT if another
   read took bytes out since: the read must start again. */
zx_status_t socket_consume(struct kobject *obj, uint64_t ticket, uint32_t len);

/* Is d one of 0, ZX_SOCKET_DISPOSITION_WRITE_DISABLED and ZX_SOCKET_DISPOSITION_WRITE_ENABLED? */
bool socket_disposition_valid(uint32_t d);

/* Set the disposition of obj's writes and of its peer's (ZX_SOCKET_DISPOSITION_* or 0 for no
   change). ZX_ERR_INVALID_ARGS for other values, ZX_ERR_BAD_STATE to enable writes into a ring that
   still holds bytes written before they were disabled. */
zx_status_t socket_set_disposition(struct kobject *obj, uint32_t disposition,
                                   uint32_t disposition_peer);

void socket_info(struct kobject *obj, zx_info_socket_t *info);

/* The read threshold (tx false) or the write threshold (tx true). Setting one above the capacity of
   the ring it watches is ZX_ERR_INVALID_ARGS; a write threshold with no peer, ZX_ERR_PEER_CLOSED.
 */
size_t socket_threshold(struct kobject *obj, bool tx);
zx_status_t socket_set_threshold(struct kobject *obj, bool tx, size_t value);

/* Shared by socket.c and socket_io.c. The end of obj; with the pair's lock held: the peer of s (or
   NULL), the most one write could put into s's ring, the length of the datagram at the head of s's
   ring (which holds one), and recomputing the signals of s and its peer from their state. */
struct socket *socket_of(struct kobject *obj);
struct socket *socket_peer_locked(struct socket *s);
uint32_t socket_room_locked(const struct socket *s);
uint32_t socket_datagram_length_locked(const struct socket *s);
void socket_update_signals_locked(struct socket *s);

#endif
