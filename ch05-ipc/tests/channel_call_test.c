/*: # Tests of calls and of waiting on many, as objects

What user programs see only by luck of timing: several calls waiting on one channel end at once,
each of which must get its own reply whatever order the server answers in; a message that is no
reply (another txid, or too short to hold one) arriving while a call waits, which must stay in
the queue for a reader; a reply that comes after its call gave up. The callers are kernel threads,
each blocking in the one blocking function; a test waits until they are blocked
(`ZX_THREAD_STATE_BLOCKED_CHANNEL`) before it plays the server. */
#include "kernel/ktest.h"
#include "object/channel_call.h"
#include "object/event.h"
#include "object/wait_many.h"
#include "zircon/channel_call.h"

#define GIVE_UP_NS 5000000000ull
#define MS 1000000ull

/* One calling thread: what it sends (a txid's room and one byte, tag), what it got back. */
struct caller {
    struct kobject *ch;
    uint8_t tag;
    uint64_t deadline;
    struct wait_self self;
    bool cancel;
    zx_status_t status;
    uint8_t reply_tag;
    int done; /* atomic */
};

/* A message of len bytes: the txid, then tag. */
static struct message *msg(zx_txid_t txid, uint8_t tag, uint32_t len)
{
    struct message *m = message_create(len, 0);
    if (m && len >= sizeof txid)
        message_write(m, 0, &txid, sizeof txid);
    if (m && len > sizeof txid)
        message_write(m, sizeof txid, &tag, 1);
    return m;
}

static void call_thread(void *arg)
{
    struct caller *c = arg;
    wait_self_attach(&c->self);
    struct message *reply = NULL;
    c->status = channel_call_here(c->ch, msg(0, c->tag, 5), c->deadline, &reply);
    if (reply) {
        message_read(reply, sizeof(zx_txid_t), &c->reply_tag, 1);
        message_destroy(reply);
    }
    wait_self_attach(NULL);
    __atomic_store_n(&c->done, 1, __ATOMIC_SEQ_CST);
}

static bool start_call(struct caller *c, struct kobject *ch, uint8_t tag, uint64_t deadline)
{
    *c = (struct caller){.ch = ch, .tag = tag, .deadline = deadline};
    c->self = (struct wait_self){.cancelled = &c->cancel};
    if (hal_thread_spawn(call_thread, c) != 0)
        return false;
    uint64_t give_up = hal_timer_now() + GIVE_UP_NS;
    while (wait_blocked_reason(&c->self) != ZX_THREAD_STATE_BLOCKED_CHANNEL &&
           !__atomic_load_n(&c->done, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        hal_thread_yield();
    return wait_blocked_reason(&c->self) == ZX_THREAD_STATE_BLOCKED_CHANNEL;
}

static bool finish_call(struct caller *c)
{
    uint64_t give_up = hal_timer_now() + GIVE_UP_NS;
    while (!__atomic_load_n(&c->done, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        hal_thread_yield();
    return __atomic_load_n(&c->done, __ATOMIC_SEQ_CST);
}

/* Take the oldest request at the server's end: its txid and tag. */
static zx_status_t take_request(struct kobject *server, zx_txid_t *txid, uint8_t *tag)
{
    struct message *m;
    uint32_t nb, nh;
    zx_status_t status = channel_read(server, 64, 0, false, &m, &nb, &nh);
    if (status != ZX_OK)
        return status;
    message_read(m, 0, txid, sizeof *txid);
    message_read(m, sizeof *txid, tag, 1);
    message_destroy(m);
    return ZX_OK;
}

/* Is ch readable, with a message of len bytes first? Takes it. */
static bool queued(struct kobject *ch, uint32_t len)
{
    struct message *m;
    uint32_t nb = 0, nh = 0;
    if (channel_read(ch, 64, 0, false, &m, &nb, &nh) != ZX_OK)
        return false;
    message_destroy(m);
    return nb == len;
}

/* Close the last handle to end, as a process would: the peer sees PEER_CLOSED. Takes the ref. */
static void close_end(struct kobject *end)
{
    struct handle_table t;
    zx_handle_t h;
    handle_table_init(&t);
    if (handle_table_add(&t, end, ZX_RIGHTS_BASIC, &h) == ZX_OK)
        handle_table_close(&t, h);
    handle_table_destroy(&t);
}

KTEST(channel_call_reply_goes_to_its_own_caller)
{
    struct kobject *a, *b;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    static struct caller first, second;
    KASSERT_TRUE(start_call(&first, a, 'f', HAL_NO_DEADLINE));
    KASSERT_TRUE(start_call(&second, a, 's', HAL_NO_DEADLINE));
    zx_txid_t t1, t2;
    uint8_t g1, g2;
    KASSERT_EQ(take_request(b, &t1, &g1), ZX_OK);
    KASSERT_EQ(take_request(b, &t2, &g2), ZX_OK);
    KEXPECT_EQ(g1, 'f');
    KEXPECT_EQ(g2, 's');
    /* Answer the second first, each reply tagged with the upper-case tag of its request. */
    KEXPECT_EQ(channel_write(b, msg(t2, 'S', 5)), ZX_OK);
    KEXPECT_EQ(channel_write(b, msg(t1, 'F', 5)), ZX_OK);
    KASSERT_TRUE(finish_call(&first));
    KASSERT_TRUE(finish_call(&second));
    KEXPECT_EQ(first.status, ZX_OK);
    KEXPECT_EQ(second.status, ZX_OK);
    KEXPECT_EQ(first.reply_tag, 'F');
    KEXPECT_EQ(second.reply_tag, 'S');
    KEXPECT_EQ(channel_read(a, 64, 0, false, &(struct message *){0}, &(uint32_t){0},
                            &(uint32_t){0}), ZX_ERR_SHOULD_WAIT);
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(channel_call_leaves_other_messages_in_the_queue)
{
    struct kobject *a, *b;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    static struct caller c;
    KASSERT_TRUE(start_call(&c, a, 'c', HAL_NO_DEADLINE));
    zx_txid_t txid;
    uint8_t tag;
    KASSERT_EQ(take_request(b, &txid, &tag), ZX_OK);
    KEXPECT_EQ(channel_write(b, msg(0x1234, 'x', 6)), ZX_OK); /* a program's own txid */
    KEXPECT_EQ(channel_write(b, msg(txid, 'y', 7)), ZX_OK);   /* the reply, one byte longer */
    KASSERT_TRUE(finish_call(&c));
    KEXPECT_EQ(c.status, ZX_OK);
    KEXPECT_EQ(c.reply_tag, 'y');
    KEXPECT_TRUE(queued(a, 6));
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(channel_call_takes_no_message_shorter_than_a_txid)
{
    struct kobject *a, *b;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    static struct caller c;
    KASSERT_TRUE(start_call(&c, a, 'c', HAL_NO_DEADLINE));
    zx_txid_t txid;
    uint8_t tag;
    KASSERT_EQ(take_request(b, &txid, &tag), ZX_OK);
    KEXPECT_EQ(channel_write(b, msg(0, 0, 2)), ZX_OK);
    KEXPECT_EQ(channel_write(b, msg(txid, 'r', 5)), ZX_OK);
    KASSERT_TRUE(finish_call(&c));
    KEXPECT_EQ(c.status, ZX_OK);
    KEXPECT_EQ(c.reply_tag, 'r');
    KEXPECT_TRUE(queued(a, 2));
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(channel_call_txids_are_fresh_and_in_the_kernels_half)
{
    struct kobject *a, *b;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    zx_txid_t seen[3];
    for (int i = 0; i < 3; i++) {
        struct message *reply = NULL;
        KEXPECT_EQ(channel_call_here(a, msg(0x42, 'q', 5), 0, &reply), ZX_ERR_TIMED_OUT);
        uint8_t tag;
        KASSERT_EQ(take_request(b, &seen[i], &tag), ZX_OK);
        KEXPECT_NE(seen[i] & 0x80000000u, 0);
        KEXPECT_EQ(tag, 'q');
    }
    KEXPECT_NE(seen[0], seen[1]);
    KEXPECT_NE(seen[1], seen[2]);
    KEXPECT_NE(seen[0], seen[2]);
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(channel_call_reply_after_the_deadline_is_queued)
{
    struct kobject *a, *b;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    struct message *reply = NULL;
    uint64_t start = hal_timer_now();
    KEXPECT_EQ(channel_call_here(a, msg(0, 'l', 5), start + 10 * MS, &reply), ZX_ERR_TIMED_OUT);
    KEXPECT_GE(hal_timer_now(), start + 10 * MS);
    KEXPECT_TRUE(reply == NULL);
    zx_txid_t txid;
    uint8_t tag;
    KASSERT_EQ(take_request(b, &txid, &tag), ZX_OK);
    KEXPECT_EQ(channel_write(b, msg(txid, 'L', 5)), ZX_OK);
    KEXPECT_EQ(kobject_signals(a) & ZX_CHANNEL_READABLE, ZX_CHANNEL_READABLE);
    KEXPECT_TRUE(queued(a, 5));
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(channel_call_ends_when_the_peer_closes)
{
    struct kobject *a, *b;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    static struct caller c;
    KASSERT_TRUE(start_call(&c, a, 'p', HAL_NO_DEADLINE));
    close_end(b);
    KASSERT_TRUE(finish_call(&c));
    KEXPECT_EQ(c.status, ZX_ERR_PEER_CLOSED);
    kobject_unref(a);
}

KTEST(channel_call_to_a_closed_peer_fails_at_once)
{
    struct kobject *a, *b;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    close_end(b);
    struct message *reply = NULL;
    KEXPECT_EQ(channel_call_here(a, msg(0, 'z', 5), HAL_NO_DEADLINE, &reply),
               ZX_ERR_PEER_CLOSED);
    KEXPECT_TRUE(reply == NULL);
    kobject_unref(a);
}

KTEST(wait_many_reports_every_objects_signals_at_the_end)
{
    struct wait_many_item items[3] = {{0}};
    for (int i = 0; i < 3; i++) {
        KASSERT_EQ(event_create(&items[i].obj), ZX_OK);
        items[i].waitfor = ZX_EVENT_SIGNALED;
    }
    kobject_signal(items[1].obj, 0, ZX_USER_SIGNAL_1);       /* not waited for, but reported */
    kobject_signal(items[2].obj, 0, ZX_EVENT_SIGNALED);
    KEXPECT_EQ(object_wait_many_here(items, 3, HAL_NO_DEADLINE), ZX_OK);
    KEXPECT_EQ(items[0].pending, 0);
    KEXPECT_EQ(items[1].pending, ZX_USER_SIGNAL_1);
    KEXPECT_EQ(items[2].pending, ZX_EVENT_SIGNALED);
    for (int i = 0; i < 3; i++)
        kobject_unref(items[i].obj);
}

KTEST(wait_many_times_out_with_the_signals_of_the_moment)
{
    struct wait_many_item items[2] = {{0}};
    for (int i = 0; i < 2; i++) {
        KASSERT_EQ(event_create(&items[i].obj), ZX_OK);
        items[i].waitfor = ZX_EVENT_SIGNALED;
    }
    kobject_signal(items[0].obj, 0, ZX_USER_SIGNAL_0);
    uint64_t start = hal_timer_now();
    KEXPECT_EQ(object_wait_many_here(items, 2, start + 5 * MS), ZX_ERR_TIMED_OUT);
    KEXPECT_GE(hal_timer_now(), start + 5 * MS);
    KEXPECT_EQ(items[0].pending, ZX_USER_SIGNAL_0);
    KEXPECT_EQ(items[1].pending, 0);
    for (int i = 0; i < 2; i++)
        kobject_unref(items[i].obj);
}

static struct {
    struct wait_many_item items[2];
    struct wait_self self;
    bool cancel;
    zx_status_t status;
    int done; /* atomic */
} many;

static void wait_many_thread(void *arg)
{
    wait_self_attach(&many.self);
    many.status = object_wait_many_here(many.items, 2, HAL_NO_DEADLINE);
    wait_self_attach(NULL);
    __atomic_store_n(&many.done, 1, __ATOMIC_SEQ_CST);
}

KTEST(wait_many_wakes_when_any_object_signals)
{
    many = (typeof(many)){.self = {.cancelled = &many.cancel}};
    for (int i = 0; i < 2; i++) {
        KASSERT_EQ(event_create(&many.items[i].obj), ZX_OK);
        many.items[i].waitfor = ZX_EVENT_SIGNALED;
    }
    KASSERT_EQ(hal_thread_spawn(wait_many_thread, NULL), 0);
    uint64_t give_up = hal_timer_now() + GIVE_UP_NS;
    while (wait_blocked_reason(&many.self) != ZX_THREAD_STATE_BLOCKED_WAIT_MANY &&
           hal_timer_now() < give_up)
        hal_thread_yield();
    KEXPECT_EQ(wait_blocked_reason(&many.self), ZX_THREAD_STATE_BLOCKED_WAIT_MANY);
    kobject_signal(many.items[1].obj, 0, ZX_EVENT_SIGNALED);
    while (!__atomic_load_n(&many.done, __ATOMIC_SEQ_CST) && hal_timer_now() < give_up)
        hal_thread_yield();
    KASSERT_EQ(__atomic_load_n(&many.done, __ATOMIC_SEQ_CST), 1);
    KEXPECT_EQ(many.status, ZX_OK);
    KEXPECT_EQ(many.items[0].pending, 0);
    KEXPECT_EQ(many.items[1].pending, ZX_EVENT_SIGNALED);
    for (int i = 0; i < 2; i++)
        kobject_unref(many.items[i].obj);
}
