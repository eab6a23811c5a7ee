/*: # Tests of handles and the handle table */
#include "kernel/kmalloc.h"
#include "kernel/ktest.h"
#include "object/event.h"
#include "object/handle.h"

KTEST(handle_values_have_low_bits_set_and_are_never_zero)
{
    struct handle_table t;
    handle_table_init(&t);
    for (int i = 0; i < 100; i++) {
        struct kobject *e;
        KASSERT_EQ(event_create(&e), ZX_OK);
        zx_handle_t h = 0;
        KASSERT_EQ(handle_table_add(&t, e, ZX_RIGHTS_BASIC, &h), ZX_OK);
        KEXPECT_NE(h, ZX_HANDLE_INVALID);
        KEXPECT_EQ(h & ZX_HANDLE_FIXED_BITS_MASK, ZX_HANDLE_FIXED_BITS_MASK);
    }
    KEXPECT_EQ(t.count, 100);
    handle_table_destroy(&t);
}

KTEST(handle_lookup_checks_value_type_and_rights)
{
    struct handle_table t;
    handle_table_init(&t);
    struct kobject *e, *got;
    zx_rights_t rights;
    zx_handle_t h;
    KASSERT_EQ(event_create(&e), ZX_OK);
    KASSERT_EQ(handle_table_add(&t, e, ZX_RIGHT_WAIT | ZX_RIGHT_SIGNAL, &h), ZX_OK);

    KASSERT_EQ(handle_table_get(&t, h, ZX_OBJ_TYPE_NONE, 0, &got, &rights), ZX_OK);
    KEXPECT_TRUE(got == e);
    KEXPECT_EQ(rights, ZX_RIGHT_WAIT | ZX_RIGHT_SIGNAL);
    kobject_unref(got);

    KEXPECT_EQ(handle_table_get(&t, ZX_HANDLE_INVALID, 0, 0, &got, NULL), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(handle_table_get(&t, h & ~1u, 0, 0, &got, NULL), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(handle_table_get(&t, h + 0x100000, 0, 0, &got, NULL), ZX_ERR_BAD_HANDLE);
    KEXPECT_TRUE(got == NULL); /* a failed lookup leaves no reference behind */
    /* Zircon's order: the type before the rights, so a handle short of both is the wrong type. */
    KEXPECT_EQ(handle_table_get(&t, h, ZX_OBJ_TYPE_CHANNEL, ZX_RIGHT_DUPLICATE, &got, NULL),
               ZX_ERR_WRONG_TYPE);
    KEXPECT_EQ(handle_table_get(&t, h, ZX_OBJ_TYPE_EVENT, ZX_RIGHT_DUPLICATE, &got, NULL),
               ZX_ERR_ACCESS_DENIED);
    KASSERT_EQ(handle_table_get(&t, h, ZX_OBJ_TYPE_EVENT, ZX_RIGHT_SIGNAL, &got, NULL), ZX_OK);
    KEXPECT_TRUE(handle_table_holds(&t, h, e));
    kobject_unref(got);
    handle_table_destroy(&t);
}

KTEST(closed_handle_value_stays_dead)
{
    struct handle_table t;
    handle_table_init(&t);
    struct kobject *a, *b, *got;
    zx_rights_t rights;
    zx_handle_t ha, hb;
    KASSERT_EQ(event_create(&a), ZX_OK);
    KASSERT_EQ(event_create(&b), ZX_OK);
    KASSERT_EQ(handle_table_add(&t, a, ZX_RIGHTS_BASIC, &ha), ZX_OK);
    KEXPECT_EQ(handle_table_close(&t, ha), ZX_OK);
    KEXPECT_EQ(handle_table_close(&t, ha), ZX_ERR_BAD_HANDLE);
    /* The slot is reused, under a new value: the old one still names nothing. */
    KASSERT_EQ(handle_table_add(&t, b, ZX_RIGHTS_BASIC, &hb), ZX_OK);
    KEXPECT_NE(hb, ha);
    KEXPECT_EQ(handle_table_get(&t, ha, ZX_OBJ_TYPE_NONE, 0, &got, &rights), ZX_ERR_BAD_HANDLE);
    KEXPECT_TRUE(handle_table_holds(&t, hb, b));
    KEXPECT_TRUE(!handle_table_holds(&t, ha, b));
    handle_table_destroy(&t);
}

static int destroyed;
static void counting_destroy(struct kobject *obj)
{
    destroyed++;
    event_type.destroy(obj);
}

KTEST(object_lives_until_last_handle_and_reference)
{
    static struct kobject_type counted;
    counted = event_type;
    counted.destroy = counting_destroy;
    destroyed = 0;
    struct handle_table t;
    handle_table_init(&t);
    struct kobject *e;
    zx_handle_t h1, h2;
    KASSERT_EQ(event_create(&e), ZX_OK);
    e->type = &counted;
    kobject_ref(e); /* a second handle's reference */
    kobject_ref(e); /* the test's own */
    KASSERT_EQ(handle_table_add(&t, e, ZX_RIGHTS_BASIC, &h1), ZX_OK);
    KASSERT_EQ(handle_table_add(&t, e, ZX_RIGHTS_BASIC, &h2), ZX_OK);
    KEXPECT_EQ(e->handles, 2);
    handle_table_close(&t, h1);
    handle_table_close(&t, h2);
    KEXPECT_EQ(e->handles, 0);
    KEXPECT_EQ(destroyed, 0); /* the test still holds a reference */
    kobject_unref(e);
    KEXPECT_EQ(destroyed, 1);
    handle_table_destroy(&t);
}

KTEST(koids_are_unique_and_increasing)
{
    struct kobject *a, *b;
    KASSERT_EQ(event_create(&a), ZX_OK);
    KASSERT_EQ(event_create(&b), ZX_OK);
    KEXPECT_NE(a->koid, ZX_KOID_INVALID);
    KEXPECT_LT(a->koid, b->koid);
    kobject_unref(a);
    kobject_unref(b);
}

KTEST(census_counts_objects_handles_and_heap_blocks)
{
    const char *name;
    uint32_t events = kobject_census_objects(ZX_OBJ_TYPE_EVENT, &name);
    uint32_t handles = kobject_census_handles();
    size_t blocks = kmalloc_blocks_in_use();
    struct handle_table t;
    handle_table_init(&t);
    struct kobject *e;
    zx_handle_t h;
    KASSERT_EQ(event_create(&e), ZX_OK);
    KEXPECT_EQ(kobject_census_objects(ZX_OBJ_TYPE_EVENT, &name), events + 1);
    KEXPECT_STREQ(name, "event");
    KEXPECT_EQ(kobject_census_handles(), handles);
    KASSERT_EQ(handle_table_add(&t, e, ZX_RIGHTS_BASIC, &h), ZX_OK);
    KEXPECT_EQ(kobject_census_handles(), handles + 1);
    KEXPECT_GE(kmalloc_blocks_in_use(), blocks + 2); /* the event, the table's first chunk */
    handle_table_destroy(&t);
    KEXPECT_EQ(kobject_census_objects(ZX_OBJ_TYPE_EVENT, &name), events);
    KEXPECT_EQ(kobject_census_handles(), handles);
    KEXPECT_EQ(kmalloc_blocks_in_use(), blocks);
}
