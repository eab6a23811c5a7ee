/*: # The Zircon ABI: ports and their packets

A packet is 48 bytes: a key the sender chose, a type, a status, and 32 bytes whose meaning depends
on the type. Chapter 4 uses two types: packets a program queues itself (`ZX_PKT_TYPE_USER`) and the
page requests of a pager (`ZX_PKT_TYPE_PAGE_REQUEST`); chapter 5 adds the packets of signals
(`ZX_PKT_TYPE_SIGNAL_ONE`, queued by `zx_object_wait_async` with its `ZX_WAIT_ASYNC_*` options).
Numbers and layouts are Fuchsia's. */
#ifndef ZIRCON_PORT_H
#define ZIRCON_PORT_H

#include "zircon/types.h"

#define ZX_PKT_TYPE_USER ((uint8_t)0x00u)
#define ZX_PKT_TYPE_SIGNAL_ONE ((uint8_t)0x01u)
#define ZX_PKT_TYPE_PAGE_REQUEST ((uint8_t)0x09u)

#define ZX_PORT_BIND_TO_INTERRUPT ((uint32_t)1u << 0)

#define ZX_WAIT_ASYNC_ONCE ((uint32_t)0u)
#define ZX_WAIT_ASYNC_TIMESTAMP ((uint32_t)1u)
#define ZX_WAIT_ASYNC_EDGE ((uint32_t)2u)

#define ZX_PAGER_VMO_READ ((uint16_t)0u)
#define ZX_PAGER_VMO_COMPLETE ((uint16_t)1u)

typedef union zx_packet_user {
    uint64_t u64[4];
    uint32_t u32[8];
    uint16_t u16[16];
    uint8_t c8[32];
} zx_packet_user_t;

typedef struct zx_packet_signal {
    zx_signals_t trigger;  /* the signals waited for */
    zx_signals_t observed; /* the object's signals when the packet was queued */
    uint64_t count;        /* always 1 */
    zx_time_t timestamp;   /* when, with ZX_WAIT_ASYNC_TIMESTAMP; else 0 */
    uint64_t reserved1;
} zx_packet_signal_t;

typedef struct zx_packet_page_request {
    uint16_t command;
    uint16_t flags;
    uint32_t reserved0;
    uint64_t offset;
    uint64_t length;
    uint64_t reserved1;
} zx_packet_page_request_t;

typedef struct zx_port_packet {
    uint64_t key;
    uint32_t type;
    zx_status_t status;
    union {
        zx_packet_user_t user;
        zx_packet_signal_t signal;
        zx_packet_page_request_t page_request;
    };
} zx_port_packet_t;

#endif
