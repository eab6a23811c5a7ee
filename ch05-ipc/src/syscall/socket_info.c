/*: # What a socket says about itself, and its thresholds

`ZX_INFO_SOCKET` needs `ZX_RIGHT_INSPECT` on a socket handle (`ZX_ERR_WRONG_TYPE` for another
object, checked first). It reports the mode, this end's ring (`rx_`) and the peer's (`tx_`, zeros
once the peer is gone); `rx_buf_available` is what one read would return, the next datagram's
length in datagram mode.

The thresholds are two `size_t` properties, registered like chapter 2's name:
`ZX_PROP_SOCKET_RX_THRESHOLD` asserts `ZX_SOCKET_READ_THRESHOLD` while at least that many bytes
wait to be read, and `ZX_PROP_SOCKET_TX_THRESHOLD` asserts `ZX_SOCKET_WRITE_THRESHOLD` while the
peer has at least that much room; 0 turns either off. A reader that wants whole records of 100
bytes waits for the first instead of waking for every byte. Fuchsia's reference still defines
both (`zx_object_get_property`), and its core-tests check them, so Zinc has them. */
#include <string.h>

#include "object/socket.h"
#include "syscall/info.h"
#include "syscall/properties.h"

static zx_status_t socket_info_topic(const struct info_request *req)
{
    zx_info_socket_t info;
    socket_info(req->obj, &info);
    return info_single_record(req, &info, sizeof info);
}
INFO_TOPIC(ZX_INFO_SOCKET, ZX_OBJ_TYPE_SOCKET, ZX_RIGHT_INSPECT, socket_info_topic);

static zx_status_t get_threshold(struct kobject *obj, void *value, bool tx)
{
    if (obj->type != &socket_type)
        return ZX_ERR_WRONG_TYPE;
    size_t v = socket_threshold(obj, tx);
    memcpy(value, &v, sizeof v);
    return ZX_OK;
}

static zx_status_t set_threshold(struct kobject *obj, const void *value, size_t size, bool tx)
{
    size_t v;
    if (obj->type != &socket_type)
        return ZX_ERR_WRONG_TYPE;
    if (size < sizeof v)
        return ZX_ERR_BUFFER_TOO_SMALL;
    memcpy(&v, value, sizeof v);
    return socket_set_threshold(obj, tx, v);
}

static zx_status_t get_rx_threshold(struct kobject *obj, void *value)
{
    return get_threshold(obj, value, false);
}

static zx_status_t set_rx_threshold(struct kobject *obj, const void *value, size_t size)
{
    return set_threshold(obj, value, size, false);
}
PROPERTY(ZX_PROP_SOCKET_RX_THRESHOLD, sizeof(size_t), get_rx_threshold, set_rx_threshold);

static zx_status_t get_tx_threshold(struct kobject *obj, void *value)
{
    return get_threshold(obj, value, true);
}

static zx_status_t set_tx_threshold(struct kobject *obj, const void *value, size_t size)
{
    return set_threshold(obj, value, size, true);
}
PROPERTY(ZX_PROP_SOCKET_TX_THRESHOLD, sizeof(size_t), get_tx_threshold, set_tx_threshold);
