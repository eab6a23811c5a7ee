/*: # The Zircon ABI: sockets

Options, signals, dispositions, the `ZX_INFO_SOCKET` record and the threshold properties of a
socket. Names, numbers and the record's layout (its padding too) are Fuchsia's. The signals reuse
the generic bit numbers: `READABLE`, `WRITABLE` and `PEER_CLOSED` are the channel's bits 0 to 2. */
#ifndef ZIRCON_SOCKET_H
#define ZIRCON_SOCKET_H

#include "zircon/types.h"

/* zx_socket_create options: a byte stream, or messages that keep their boundaries. */
#define ZX_SOCKET_STREAM ((uint32_t)0u)
#define ZX_SOCKET_DATAGRAM ((uint32_t)1u << 0)
#define ZX_SOCKET_CREATE_MASK ZX_SOCKET_DATAGRAM

/* zx_socket_read options: leave what is read in the socket. */
#define ZX_SOCKET_PEEK ((uint32_t)1u << 3)

/* zx_socket_set_disposition: what happens to writes from an end from now on. */
#define ZX_SOCKET_DISPOSITION_WRITE_DISABLED ((uint32_t)1u << 0)
#define ZX_SOCKET_DISPOSITION_WRITE_ENABLED ((uint32_t)1u << 1)

#define ZX_SOCKET_READABLE ((zx_signals_t)1u << 0)
#define ZX_SOCKET_WRITABLE ((zx_signals_t)1u << 1)
#define ZX_SOCKET_PEER_CLOSED ((zx_signals_t)1u << 2)
#define ZX_SOCKET_PEER_WRITE_DISABLED ((zx_signals_t)1u << 4)
#define ZX_SOCKET_WRITE_DISABLED ((zx_signals_t)1u << 5)
#define ZX_SOCKET_READ_THRESHOLD ((zx_signals_t)1u << 10)
#define ZX_SOCKET_WRITE_THRESHOLD ((zx_signals_t)1u << 11)

/* object_get_property and object_set_property, a size_t each. */
#define ZX_PROP_SOCKET_RX_THRESHOLD ((uint32_t)12u)
#define ZX_PROP_SOCKET_TX_THRESHOLD ((uint32_t)13u)

#define ZX_INFO_SOCKET ((uint32_t)22u)

typedef struct zx_info_socket {
    uint32_t options; /* what zx_socket_create was given */
    uint8_t padding1[4];
    size_t rx_buf_max;       /* the most this end can hold for reading, in bytes */
    size_t rx_buf_size;      /* how much it holds now */
    size_t rx_buf_available; /* how much one read would return: all of it, or the next datagram */
    size_t tx_buf_max;       /* the peer's rx_buf_max: the most this end's writes can queue */
    size_t tx_buf_size;      /* the peer's rx_buf_size; both 0 once the peer is gone */
} zx_info_socket_t;

#endif
