/*: # Tests of sockets and FIFOs as objects

What user programs cannot arrange on their own: two reads that race. A read copies, then takes
out only if nobody took anything in between (object/socket.h); these tests play both readers by
hand and check that the slower one is told to start again, and that what the faster one took is
gone exactly once. And a write whose room shrinks between its check and its queueing: a stream
takes less, a datagram nothing. */
#include "kernel/ktest.h"
#include "object/fifo.h"
#include "object/socket.h"

/* A staging message holding len bytes of c. */
static struct message *bytes_of(char c, uint32_t len)
{
    struct message *m = message_create(len, 0);
    if (m)
        for (uint32_t i = 0; i < len; i++)
            message_write(m, i, &c, 1);
    return m;
}

/* Write len bytes of c from a to its peer; how many went. */
static uint32_t put(struct kobject *a, char c, uint32_t len)
{
    struct message *m = bytes_of(c, len);
    uint32_t written = 0;
    if (m && socket_write(a, m, len, &written) != ZX_OK)
        written = 0;
    if (m)
        message_destroy(m);
    return written;
}

KTEST(socket_read_that_lost_a_race_starts_again)
{
    struct kobject *a, *b;
    KASSERT_EQ(socket_create(ZX_SOCKET_STREAM, &a, &b), ZX_OK);
    KEXPECT_EQ(put(a, 'x', 10), 10);
    struct message *first, *second;
    uint64_t t1, t2;
    KASSERT_EQ(socket_read(b, 4, &first, &t1), ZX_OK);
    KASSERT_EQ(socket_read(b, 4, &second, &t2), ZX_OK);
    KEXPECT_EQ(t1, t2); /* both copied the same four bytes */
    KEXPECT_EQ(socket_consume(b, t2, 4), ZX_OK);
    KEXPECT_EQ(socket_consume(b, t1, 4), ZX_ERR_SHOULD_WAIT); /* the slower one must read again */
    zx_info_socket_t info;
    socket_info(b, &info);
    KEXPECT_EQ(info.rx_buf_size, 6); /* taken once, not twice */
    message_destroy(first);
    message_destroy(second);
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(socket_write_takes_less_when_room_shrank)
{
    struct kobject *a, *b;
    KASSERT_EQ(socket_create(ZX_SOCKET_STREAM, &a, &b), ZX_OK);
    uint32_t room = 0;
    KEXPECT_EQ(socket_write_room(a, 100, &room), ZX_OK);
    KEXPECT_EQ(room, 100);
    KEXPECT_EQ(put(a, 'y', SOCKET_CAPACITY - 40),
               SOCKET_CAPACITY - 40); /* another writer, faster */
    KEXPECT_EQ(put(a, 'z', 100), 40);
    KEXPECT_EQ(put(a, 'z', 1), 0); /* full */
    kobject_unref(a);
    kobject_unref(b);
    KASSERT_EQ(socket_create(ZX_SOCKET_DATAGRAM, &a, &b), ZX_OK);
    KEXPECT_EQ(put(a, 'y', SOCKET_CAPACITY - 100), SOCKET_CAPACITY - 100);
    KEXPECT_EQ(put(a, 'z', 100), 0); /* a datagram is not cut to fit */
    KEXPECT_EQ(put(a, 'z', 100 - 2 * SOCKET_DATAGRAM_HEADER), 100 - 2 * SOCKET_DATAGRAM_HEADER);
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(socket_failed_datagram_delivery_drops_it)
{
    struct kobject *a, *b;
    KASSERT_EQ(socket_create(ZX_SOCKET_DATAGRAM, &a, &b), ZX_OK);
    KEXPECT_EQ(put(a, 'p', 30), 30);
    KEXPECT_EQ(put(a, 'q', 20), 20);
    struct message *m;
    uint64_t ticket;
    KASSERT_EQ(socket_read(b, 5, &m, &ticket), ZX_OK);
    KEXPECT_EQ(m->num_bytes, 5);
    message_destroy(m);
    KEXPECT_EQ(socket_consume(b, ticket, 0), ZX_OK); /* as a read whose copy failed */
    zx_info_socket_t info;
    socket_info(b, &info);
    KEXPECT_EQ(info.rx_buf_available, 20);
    KEXPECT_EQ(info.rx_buf_size, 20);
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(fifo_read_that_lost_a_race_starts_again)
{
    struct kobject *a, *b;
    KASSERT_EQ(fifo_create(4, 8, 0, &a, &b), ZX_OK);
    struct message *m = bytes_of('e', 24), *first, *second;
    uint32_t written = 0;
    KASSERT_TRUE(m != NULL);
    KEXPECT_EQ(fifo_write(a, m, 3, &written), ZX_OK);
    KEXPECT_EQ(written, 3);
    message_destroy(m);
    uint64_t t1, t2;
    KASSERT_EQ(fifo_read(b, 8, 2, &first, &t1), ZX_OK);
    KASSERT_EQ(fifo_read(b, 8, 2, &second, &t2), ZX_OK);
    KEXPECT_EQ(fifo_consume(b, t1, 2), ZX_OK);
    KEXPECT_EQ(fifo_consume(b, t2, 2), ZX_ERR_SHOULD_WAIT);
    message_destroy(first);
    message_destroy(second);
    KASSERT_EQ(fifo_read(b, 8, 4, &first, &t1), ZX_OK);
    KEXPECT_EQ(first->num_bytes, 8); /* one element left */
    message_destroy(first);
    kobject_unref(a);
    kobject_unref(b);
}
