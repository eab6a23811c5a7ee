/*: # Tests of signals, observers and the paired objects */
#include "kernel/ktest.h"
#include "object/channel.h"
#include "object/event.h"
#include "object/eventpair.h"
#include "object/handle.h"
#include "object/observer.h"

struct seen {
    struct observer o;
    int calls;
    zx_signals_t last;
    bool stay;
};

static bool remember(struct observer *o, zx_signals_t signals)
{
    struct seen *s = container_of(o, struct seen, o);
    s->calls++;
    s->last = signals;
    return s->stay;
}

KTEST(signal_clear_then_set)
{
    struct kobject *e;
    KASSERT_EQ(event_create(&e), ZX_OK);
    kobject_signal(e, 0, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_0);
    KEXPECT_EQ(kobject_signals(e), ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_0);
    kobject_signal(e, ZX_USER_SIGNAL_0, ZX_USER_SIGNAL_1);
    KEXPECT_EQ(kobject_signals(e), ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_1);
    kobject_signal(e, ZX_USER_SIGNAL_1, ZX_USER_SIGNAL_1); /* set wins over clear */
    KEXPECT_EQ(kobject_signals(e), ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_1);
    kobject_unref(e);
}

KTEST(observer_fires_when_watched_signal_rises)
{
    struct kobject *e;
    KASSERT_EQ(event_create(&e), ZX_OK);
    struct seen s = {.o = {.watched = ZX_USER_SIGNAL_2, .on_change = remember}};
    observer_add(e, &s.o);
    kobject_signal(e, 0, ZX_USER_SIGNAL_1); /* not watched */
    KEXPECT_EQ(s.calls, 0);
    kobject_signal(e, 0, ZX_USER_SIGNAL_2);
    KEXPECT_EQ(s.calls, 1);
    KEXPECT_EQ(s.last, ZX_USER_SIGNAL_1 | ZX_USER_SIGNAL_2);
    kobject_signal(e, 0, ZX_USER_SIGNAL_3); /* it asked to go: no second call */
    KEXPECT_EQ(s.calls, 1);
    kobject_unref(e);
}

KTEST(observer_added_to_satisfied_object_fires_at_once)
{
    struct kobject *e;
    KASSERT_EQ(event_create(&e), ZX_OK);
    kobject_signal(e, 0, ZX_EVENT_SIGNALED);
    struct seen s = {.o = {.watched = ZX_EVENT_SIGNALED, .on_change = remember}};
    observer_add(e, &s.o);
    KEXPECT_EQ(s.calls, 1);
    KEXPECT_EQ(observer_remove(e, &s.o), ZX_EVENT_SIGNALED); /* already gone: remove is harmless */
    kobject_unref(e);
}

KTEST(closing_handle_cancels_its_observers_only)
{
    struct handle_table t;
    handle_table_init(&t);
    struct kobject *e;
    zx_handle_t h1, h2;
    KASSERT_EQ(event_create(&e), ZX_OK);
    kobject_ref(e);
    KASSERT_EQ(handle_table_add(&t, e, ZX_RIGHTS_BASIC, &h1), ZX_OK);
    KASSERT_EQ(handle_table_add(&t, e, ZX_RIGHTS_BASIC, &h2), ZX_OK);
    struct seen via1 = {
        .o = {.watched = ZX_USER_SIGNAL_0, .on_change = remember, .table = &t, .handle = h1}};
    struct seen via2 = {
        .o = {.watched = ZX_USER_SIGNAL_0, .on_change = remember, .table = &t, .handle = h2}};
    observer_add(e, &via1.o);
    observer_add(e, &via2.o);
    KEXPECT_EQ(handle_table_close(&t, h1), ZX_OK);
    KEXPECT_EQ(via1.calls, 1);
    KEXPECT_EQ(via1.last, ZX_SIGNAL_HANDLE_CLOSED);
    KEXPECT_EQ(via2.calls, 0);
    observer_remove(e, &via2.o);
    handle_table_destroy(&t);
}

KTEST(eventpair_peer_closed_when_last_handle_goes)
{
    struct handle_table t;
    handle_table_init(&t);
    struct kobject *a, *b;
    zx_handle_t ha, hb;
    KASSERT_EQ(eventpair_create(&a, &b), ZX_OK);
    KEXPECT_EQ(kobject_related_koid(a), b->koid);
    KEXPECT_EQ(kobject_related_koid(b), a->koid);
    zx_koid_t a_koid = a->koid;
    kobject_ref(b);
    KASSERT_EQ(handle_table_add(&t, a, ZX_RIGHTS_BASIC, &ha), ZX_OK);
    KASSERT_EQ(handle_table_add(&t, b, ZX_RIGHTS_BASIC, &hb), ZX_OK);
    KEXPECT_EQ(kobject_signals(b), 0);
    handle_table_close(&t, ha);
    KEXPECT_EQ(kobject_signals(b), ZX_EVENTPAIR_PEER_CLOSED);
    KEXPECT_EQ(kobject_related_koid(b), a_koid); /* the relation outlives the peer */
    kobject_unref(b);
    handle_table_destroy(&t);
}

static struct message *message_with(const char *text)
{
    uint32_t n = (uint32_t)strlen(text);
    struct message *m = message_create(n, 0);
    if (m)
        message_write(m, 0, text, n);
    return m;
}

KTEST(channel_messages_arrive_in_order_at_the_peer)
{
    struct kobject *a, *b;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    KEXPECT_EQ(kobject_signals(a), ZX_CHANNEL_WRITABLE);
    KEXPECT_EQ(channel_write(a, message_with("first")), ZX_OK);
    KEXPECT_EQ(channel_write(a, message_with("second")), ZX_OK);
    KEXPECT_EQ(kobject_signals(b), ZX_CHANNEL_WRITABLE | ZX_CHANNEL_READABLE);
    KEXPECT_EQ(kobject_signals(a), ZX_CHANNEL_WRITABLE); /* nothing for a to read */

    struct message *m;
    uint32_t nb, nh;
    char text[16] = {0};
    KASSERT_EQ(channel_read(b, 16, 0, false, &m, &nb, &nh), ZX_OK);
    KEXPECT_EQ(nb, 5);
    message_read(m, 0, text, nb);
    KEXPECT_STREQ(text, "first");
    message_destroy(m);
    KASSERT_EQ(channel_read(b, 16, 0, false, &m, &nb, &nh), ZX_OK);
    KEXPECT_EQ(nb, 6);
    message_destroy(m);
    KEXPECT_EQ(kobject_signals(b), ZX_CHANNEL_WRITABLE);
    KEXPECT_EQ(channel_read(b, 16, 0, false, &m, &nb, &nh), ZX_ERR_SHOULD_WAIT);
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(channel_read_too_small_keeps_or_discards)
{
    struct kobject *a, *b;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    KASSERT_EQ(channel_write(a, message_with("0123456789")), ZX_OK);
    struct message *m;
    uint32_t nb = 0, nh = 0;
    KEXPECT_EQ(channel_read(b, 4, 0, false, &m, &nb, &nh), ZX_ERR_BUFFER_TOO_SMALL);
    KEXPECT_EQ(nb, 10);
    KEXPECT_TRUE(kobject_signals(b) & ZX_CHANNEL_READABLE); /* still there */
    KEXPECT_EQ(channel_read(b, 4, 0, true, &m, &nb, &nh), ZX_ERR_BUFFER_TOO_SMALL);
    KEXPECT_TRUE(!(kobject_signals(b) & ZX_CHANNEL_READABLE)); /* discarded */
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(channel_peer_closed_after_queue_drains)
{
    struct handle_table t;
    handle_table_init(&t);
    struct kobject *a, *b;
    zx_handle_t ha;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    KASSERT_EQ(handle_table_add(&t, a, ZX_RIGHTS_BASIC, &ha), ZX_OK);
    KASSERT_EQ(channel_write(a, message_with("last words")), ZX_OK);
    handle_table_close(&t, ha); /* a is gone, its message stays in b's queue */
    KEXPECT_EQ(kobject_signals(b), ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED);
    KEXPECT_EQ(channel_write(b, message_with("hello?")), ZX_ERR_PEER_CLOSED);
    struct message *m;
    uint32_t nb, nh;
    KASSERT_EQ(channel_read(b, 64, 0, false, &m, &nb, &nh), ZX_OK);
    message_destroy(m);
    KEXPECT_EQ(channel_read(b, 64, 0, false, &m, &nb, &nh), ZX_ERR_PEER_CLOSED);
    kobject_unref(b);
    handle_table_destroy(&t);
}

KTEST(channel_carries_large_messages_and_handles)
{
    struct kobject *a, *b, *e;
    KASSERT_EQ(channel_create(&a, &b), ZX_OK);
    KASSERT_EQ(event_create(&e), ZX_OK);
    struct message *m = message_create(ZX_CHANNEL_MAX_MSG_BYTES, 1);
    KASSERT_TRUE(m != NULL);
    KEXPECT_TRUE(message_create(ZX_CHANNEL_MAX_MSG_BYTES + 1, 0) == NULL);
    KEXPECT_TRUE(message_create(0, ZX_CHANNEL_MAX_MSG_HANDLES + 1) == NULL);
    uint64_t token = ktest_random();
    message_write(m, ZX_CHANNEL_MAX_MSG_BYTES - 12, &token, sizeof token); /* across no boundary */
    /* across a page boundary */
    message_write(m, PAGE_SIZE - 4, &token, sizeof token);
    m->handles[0] = (struct message_handle){e, ZX_RIGHTS_BASIC};
    KASSERT_EQ(channel_write(a, m), ZX_OK);
    uint32_t nb, nh;
    KASSERT_EQ(channel_read(b, ZX_CHANNEL_MAX_MSG_BYTES, 1, false, &m, &nb, &nh), ZX_OK);
    uint64_t back1 = 0, back2 = 0;
    message_read(m, ZX_CHANNEL_MAX_MSG_BYTES - 12, &back1, sizeof back1);
    message_read(m, PAGE_SIZE - 4, &back2, sizeof back2);
    KEXPECT_EQ(back1, token);
    KEXPECT_EQ(back2, token);
    KEXPECT_TRUE(m->handles[0].obj == e);
    message_destroy(m); /* drops the event's reference: everything is freed */
    kobject_unref(a);
    kobject_unref(b);
}

/* Destruction must not recurse: a channel end whose queue holds the end of another channel, whose
   queue holds another, 10,000 deep, is destroyed with the stack no deeper for the last level than
   for the first (object/kobject.c). Each destroy notes how deep in the stack it runs. */
static int nested_destroyed;
static uintptr_t destroy_sp_low, destroy_sp_high;

static void measuring_destroy(struct kobject *obj)
{
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (!nested_destroyed || sp < destroy_sp_low)
        destroy_sp_low = sp;
    if (!nested_destroyed || sp > destroy_sp_high)
        destroy_sp_high = sp;
    nested_destroyed++;
    channel_type.destroy(obj);
}

KTEST(nested_channel_ends_are_destroyed_in_a_loop)
{
    enum { DEPTH = 10000 };
    static struct kobject_type measured;
    measured = channel_type;
    measured.destroy = measuring_destroy;
    nested_destroyed = 0;
    struct kobject *carrier = NULL; /* the end whose queue holds all the levels so far */
    for (int i = 0; i < DEPTH; i++) {
        struct kobject *a, *b;
        KASSERT_EQ(channel_create(&a, &b), ZX_OK);
        a->type = b->type = &measured;
        struct message *m = message_create(0, carrier ? 1 : 0);
        KASSERT_TRUE(m != NULL);
        if (carrier)
            m->handles[0] = (struct message_handle){carrier, ZX_RIGHTS_BASIC};
        KASSERT_EQ(channel_write(a, m), ZX_OK); /* queued at b, which now carries the rest */
        kobject_unref(a);
        carrier = b;
    }
    KEXPECT_EQ(nested_destroyed, DEPTH); /* the writing ends */
    nested_destroyed = 0;
    kobject_unref(carrier);
    KEXPECT_EQ(nested_destroyed, DEPTH);
    KEXPECT_LT(destroy_sp_high - destroy_sp_low, 256);
}
