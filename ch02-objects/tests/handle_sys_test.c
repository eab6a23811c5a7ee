/*: # Tests of the handle system calls (in the spirit of Zircon's HandleTest) */
#include "kernel/ktest.h"
#include "sys_support.h"
#include "zircon/object_info.h"

/* A new event handle, created through the system call; 0 on failure. */
static zx_handle_t new_event(struct sys_env *env)
{
    return sys_event_create(0, scratch(0)) == ZX_OK ? scratch_u32(env, 0) : 0;
}

static zx_rights_t rights_of(struct sys_env *env, zx_handle_t h)
{
    if (sys_object_get_info(h, ZX_INFO_HANDLE_BASIC, scratch(64), sizeof(zx_info_handle_basic_t), 0,
                            0) != ZX_OK)
        return 0;
    return scratch_u32(env, 64 + 8);
}

KTEST(handle_close_invalid_is_ok_and_bad_is_reported)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t h = new_event(&env);
    KASSERT_TRUE(h);
    KEXPECT_EQ(sys_handle_close(ZX_HANDLE_INVALID), ZX_OK);
    KEXPECT_EQ(sys_handle_close(h), ZX_OK);
    KEXPECT_EQ(sys_handle_close(h), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(sys_handle_close(0x12345670u | 3), ZX_ERR_BAD_HANDLE);
    sys_env_free(&env);
}

KTEST(handle_close_many_closes_the_rest_after_a_bad_one)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t list[4] = {new_event(&env), 0xdead0003u, ZX_HANDLE_INVALID, new_event(&env)};
    scratch_put(&env, 256, list, sizeof list);
    KEXPECT_EQ(sys_handle_close_many(scratch(256), 4), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(sys_handle_close(list[0]), ZX_ERR_BAD_HANDLE); /* both valid ones are gone */
    KEXPECT_EQ(sys_handle_close(list[3]), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(sys_handle_close_many(UNMAPPED_VA, 1), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_handle_close_many(0, 0), ZX_OK);
    sys_env_free(&env);
}

KTEST(handle_duplicate_rights_must_be_a_subset)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t h = new_event(&env);
    KASSERT_TRUE(h);
    zx_rights_t all = rights_of(&env, h);
    KEXPECT_EQ(all, ZX_RIGHTS_BASIC | ZX_RIGHT_SIGNAL);
    KASSERT_EQ(sys_handle_duplicate(h, ZX_RIGHT_SAME_RIGHTS, scratch(0)), ZX_OK);
    zx_handle_t same = scratch_u32(&env, 0);
    KEXPECT_NE(same, h);
    KEXPECT_EQ(rights_of(&env, same), all);
    KASSERT_EQ(sys_handle_duplicate(h, ZX_RIGHT_WAIT | ZX_RIGHT_DUPLICATE, scratch(0)), ZX_OK);
    zx_handle_t fewer = scratch_u32(&env, 0);
    KEXPECT_EQ(rights_of(&env, fewer), ZX_RIGHT_WAIT | ZX_RIGHT_DUPLICATE);
    /* not a subset */
    KEXPECT_EQ(sys_handle_duplicate(fewer, ZX_RIGHT_SIGNAL, scratch(0)), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_handle_duplicate(h, ZX_RIGHT_SAME_RIGHTS, READONLY_VA), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_handle_duplicate(h, ZX_RIGHT_SAME_RIGHTS, 0), ZX_ERR_INVALID_ARGS);
    sys_env_free(&env);
}

KTEST(handle_duplicate_needs_the_duplicate_right)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t h = new_event(&env);
    KASSERT_EQ(sys_handle_replace(h, ZX_RIGHT_WAIT, scratch(0)), ZX_OK);
    zx_handle_t no_dup = scratch_u32(&env, 0);
    KEXPECT_EQ(sys_handle_duplicate(no_dup, ZX_RIGHT_SAME_RIGHTS, scratch(0)),
               ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_handle_duplicate(0xabc0003u, ZX_RIGHT_SAME_RIGHTS, scratch(0)),
               ZX_ERR_BAD_HANDLE);
    sys_env_free(&env);
}

KTEST(handle_replace_consumes_the_original_even_on_failure)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t h = new_event(&env);
    KASSERT_EQ(sys_handle_replace(h, ZX_RIGHT_WAIT, scratch(0)), ZX_OK);
    zx_handle_t r = scratch_u32(&env, 0);
    KEXPECT_EQ(sys_handle_close(h), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(rights_of(&env, r), ZX_RIGHT_WAIT);
    /* The new value cannot be given to the caller: the call fails, and the handle is gone. */
    KEXPECT_EQ(sys_handle_replace(r, ZX_RIGHT_SAME_RIGHTS, READONLY_VA), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_handle_close(r), ZX_ERR_BAD_HANDLE);
    sys_env_free(&env);
}

KTEST(handle_replace_cannot_add_rights)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t h = new_event(&env);
    KASSERT_EQ(sys_handle_replace(h, ZX_RIGHT_WAIT | ZX_RIGHT_TRANSFER, scratch(0)), ZX_OK);
    zx_handle_t r = scratch_u32(&env, 0);
    KEXPECT_EQ(rights_of(&env, r), ZX_RIGHT_WAIT | ZX_RIGHT_TRANSFER);
    /* Asking for a right it lacks fails, and the handle is gone; none was made in its place. */
    KEXPECT_EQ(sys_handle_replace(r, ZX_RIGHT_WAIT | ZX_RIGHT_SIGNAL, scratch(0)),
               ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_handle_close(r), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(sys_handle_close(scratch_u32(&env, 0)), ZX_ERR_BAD_HANDLE);
    sys_env_free(&env);
}

KTEST(object_get_info_handle_basic_and_valid)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    KASSERT_EQ(sys_channel_create(0, scratch(0), scratch(4)), ZX_OK);
    zx_handle_t a = scratch_u32(&env, 0), b = scratch_u32(&env, 4);
    KEXPECT_EQ(sys_object_get_info(a, ZX_INFO_HANDLE_VALID, 0, 0, 0, 0), ZX_OK);
    KEXPECT_EQ(sys_object_get_info(0x77770003u, ZX_INFO_HANDLE_VALID, 0, 0, 0, 0),
               ZX_ERR_BAD_HANDLE);

    KASSERT_EQ(sys_object_get_info(a, ZX_INFO_HANDLE_BASIC, scratch(64),
                                   sizeof(zx_info_handle_basic_t), scratch(128), scratch(136)),
               ZX_OK);
    zx_koid_t koid_a = scratch_u64(&env, 64), related_a = scratch_u64(&env, 64 + 16);
    KEXPECT_EQ(scratch_u32(&env, 64 + 12), ZX_OBJ_TYPE_CHANNEL);
    KEXPECT_EQ(scratch_u64(&env, 128), 1); /* actual */
    KEXPECT_EQ(scratch_u64(&env, 136), 1); /* avail */
    KASSERT_EQ(sys_object_get_info(b, ZX_INFO_HANDLE_BASIC, scratch(64),
                                   sizeof(zx_info_handle_basic_t), 0, 0),
               ZX_OK);
    KEXPECT_EQ(scratch_u64(&env, 64 + 16), koid_a); /* each end's related koid is the other */
    KEXPECT_EQ(related_a, scratch_u64(&env, 64));

    /* Too small a buffer: nothing written, avail says one record is there. */
    KEXPECT_EQ(
        sys_object_get_info(a, ZX_INFO_HANDLE_BASIC, scratch(64), 8, scratch(128), scratch(136)),
        ZX_ERR_BUFFER_TOO_SMALL);
    KEXPECT_EQ(scratch_u64(&env, 128), 0);
    KEXPECT_EQ(scratch_u64(&env, 136), 1);
    KEXPECT_EQ(sys_object_get_info(a, ZX_INFO_HANDLE_BASIC, READONLY_VA, 32, 0, 0),
               ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_object_get_info(a, 0xffff, scratch(64), 32, 0, 0), ZX_ERR_NOT_SUPPORTED);
    sys_env_free(&env);
}

KTEST(object_name_property_needs_rights_and_is_truncated)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t ev = new_event(&env);
    const char *name = "a-very-long-name-that-will-not-fit-in-32";
    scratch_put(&env, 512, name, strlen(name) + 1);
    /* An event's handle lacks the property rights. */
    KEXPECT_EQ(sys_object_set_property(ev, ZX_PROP_NAME, scratch(512), strlen(name)),
               ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_object_get_property(ev, ZX_PROP_NAME, scratch(0), ZX_MAX_NAME_LEN),
               ZX_ERR_ACCESS_DENIED);

    /* Give a handle the rights by hand (chapter 3's tasks have them by default). */
    struct kobject *obj;
    zx_rights_t rights;
    KASSERT_EQ(handle_table_get(&env.handles, ev, ZX_OBJ_TYPE_NONE, 0, &obj, &rights), ZX_OK);
    zx_handle_t named;
    KASSERT_EQ(handle_table_add(&env.handles, obj, rights | ZX_RIGHTS_PROPERTY, &named), ZX_OK);
    KEXPECT_EQ(sys_object_set_property(named, ZX_PROP_NAME, scratch(512), strlen(name)), ZX_OK);
    KEXPECT_EQ(sys_object_get_property(named, ZX_PROP_NAME, scratch(0), ZX_MAX_NAME_LEN - 1),
               ZX_ERR_BUFFER_TOO_SMALL);
    KEXPECT_EQ(sys_object_get_property(named, ZX_PROP_NAME, scratch(0), ZX_MAX_NAME_LEN), ZX_OK);
    char back[ZX_MAX_NAME_LEN];
    uspace_read(&env.us, scratch(0), back, sizeof back);
    KEXPECT_EQ(strlen(back), ZX_MAX_NAME_LEN - 1);
    KEXPECT_EQ(strncmp(back, name, ZX_MAX_NAME_LEN - 1), 0);
    KEXPECT_EQ(sys_object_set_property(named, 0x9999, scratch(512), 4), ZX_ERR_NOT_SUPPORTED);
    sys_env_free(&env);
}
