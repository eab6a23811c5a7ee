/*: # PropertyTest

`zx_object_get_property` and `zx_object_set_property` read and write an object's named attributes.
The one every object has is `ZX_PROP_NAME`: a string of at most `ZX_MAX_NAME_LEN - 1` (31) bytes,
always returned with its terminating zero in a `char[ZX_MAX_NAME_LEN]`. Fuchsia's rules:

- getting needs `ZX_RIGHT_GET_PROPERTY`, setting `ZX_RIGHT_SET_PROPERTY` (an event has neither: its
  handles are refused with `ZX_ERR_ACCESS_DENIED`);
- a value buffer smaller than the property is `ZX_ERR_BUFFER_TOO_SMALL`; a longer name is cut;
- a property that does not exist is `ZX_ERR_NOT_SUPPORTED`; a bad pointer is `ZX_ERR_INVALID_ARGS`.

The tests use this process's own handle (`zx_process_self()`, from `zircon/process.h`), which has
both property rights, and put back the process's name when they are done. */
#include <string.h>

#include "zircon/object_info.h"
#include "zircon/process.h"
#include "probe.h"
#include "zxtest.h"

static char saved_name[ZX_MAX_NAME_LEN];

static void save_name(void)
{
    memset(saved_name, 0, sizeof saved_name);
    EXPECT_OK(
        zx_object_get_property(zx_process_self(), ZX_PROP_NAME, saved_name, sizeof saved_name));
}

static void restore_name(void)
{
    EXPECT_OK(
        zx_object_set_property(zx_process_self(), ZX_PROP_NAME, saved_name, strlen(saved_name)));
}

TEST(PropertyTest, ProcessNameIsTheProgramName)
{
    char name[ZX_MAX_NAME_LEN];
    memset(name, 'x', sizeof name);
    ASSERT_OK(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, sizeof name));
    EXPECT_EQ(strcmp(name, "core-tests"), 0);
    EXPECT_EQ(name[sizeof name - 1], 0); /* the whole array is written, zero-filled */
}

TEST(PropertyTest, SetNameThenGetIt)
{
    save_name();
    static const char renamed[] = "renamed by PropertyTest";
    char name[ZX_MAX_NAME_LEN];
    ASSERT_OK(zx_object_set_property(zx_process_self(), ZX_PROP_NAME, renamed, sizeof renamed - 1));
    ASSERT_OK(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, sizeof name));
    EXPECT_EQ(strcmp(name, renamed), 0);
    /* A shorter name replaces all of the longer one. */
    ASSERT_OK(zx_object_set_property(zx_process_self(), ZX_PROP_NAME, "ab", 2));
    ASSERT_OK(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, sizeof name));
    EXPECT_EQ(strcmp(name, "ab"), 0);
    /* An empty name is a name. */
    ASSERT_OK(zx_object_set_property(zx_process_self(), ZX_PROP_NAME, "", 0));
    ASSERT_OK(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, sizeof name));
    EXPECT_EQ(name[0], 0);
    restore_name();
}

TEST(PropertyTest, LongNameIsCut)
{
    save_name();
    static const char longer[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF"; /* 42 bytes */
    char name[ZX_MAX_NAME_LEN];
    ASSERT_OK(zx_object_set_property(zx_process_self(), ZX_PROP_NAME, longer, sizeof longer - 1));
    ASSERT_OK(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, sizeof name));
    EXPECT_EQ(strlen(name), ZX_MAX_NAME_LEN - 1);
    EXPECT_EQ(memcmp(name, longer, ZX_MAX_NAME_LEN - 1), 0);
    /* Exactly 31 bytes fit; the 32nd place holds the zero. */
    ASSERT_OK(zx_object_set_property(zx_process_self(), ZX_PROP_NAME, longer, ZX_MAX_NAME_LEN - 1));
    ASSERT_OK(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, sizeof name));
    EXPECT_EQ(strlen(name), ZX_MAX_NAME_LEN - 1);
    restore_name();
}

TEST(PropertyTest, GetNeedsFullSizeBuffer)
{
    char name[ZX_MAX_NAME_LEN];
    EXPECT_STATUS(
        zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, ZX_MAX_NAME_LEN - 1),
        ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_STATUS(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, 0),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_OK(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, ZX_MAX_NAME_LEN));
}

TEST(PropertyTest, BadPointers)
{
    save_name();
    EXPECT_STATUS(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, NULL, ZX_MAX_NAME_LEN),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(
        zx_object_get_property(zx_process_self(), ZX_PROP_NAME, UNMAPPED, ZX_MAX_NAME_LEN),
        ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(
        zx_object_get_property(zx_process_self(), ZX_PROP_NAME, KERNEL_HALF, ZX_MAX_NAME_LEN),
        ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_set_property(zx_process_self(), ZX_PROP_NAME, UNMAPPED, 8),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_set_property(zx_process_self(), ZX_PROP_NAME, NULL, 8),
                  ZX_ERR_INVALID_ARGS);
    /* The failed sets left the name alone. */
    char name[ZX_MAX_NAME_LEN];
    ASSERT_OK(zx_object_get_property(zx_process_self(), ZX_PROP_NAME, name, sizeof name));
    EXPECT_EQ(strcmp(name, saved_name), 0);
}

TEST(PropertyTest, NeedsPropertyRights)
{
    zx_handle_t e, getter;
    char name[ZX_MAX_NAME_LEN];
    ASSERT_OK(zx_event_create(0, &e));
    EXPECT_STATUS(zx_object_get_property(e, ZX_PROP_NAME, name, sizeof name), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_object_set_property(e, ZX_PROP_NAME, "event", 5), ZX_ERR_ACCESS_DENIED);
    EXPECT_OK(zx_handle_close(e));
    /* A process handle with GET_PROPERTY but not SET_PROPERTY can read the name, not change it. */
    ASSERT_OK(
        zx_handle_duplicate(zx_process_self(), ZX_RIGHT_GET_PROPERTY | ZX_RIGHT_INSPECT, &getter));
    EXPECT_OK(zx_object_get_property(getter, ZX_PROP_NAME, name, sizeof name));
    EXPECT_STATUS(zx_object_set_property(getter, ZX_PROP_NAME, "nope", 4), ZX_ERR_ACCESS_DENIED);
    EXPECT_EQ(strcmp(name, "core-tests"), 0);
    EXPECT_OK(zx_handle_close(getter));
    EXPECT_STATUS(zx_object_get_property(ZX_HANDLE_INVALID, ZX_PROP_NAME, name, sizeof name),
                  ZX_ERR_BAD_HANDLE);
}

TEST(PropertyTest, UnknownPropertyIsNotSupported)
{
    char value[64];
    EXPECT_STATUS(zx_object_get_property(zx_process_self(), 0x9999u, value, sizeof value),
                  ZX_ERR_NOT_SUPPORTED);
    EXPECT_STATUS(zx_object_set_property(zx_process_self(), 0x9999u, value, 8),
                  ZX_ERR_NOT_SUPPORTED);
}

TEST(PropertyTest, ThreadSelfHasAName)
{
    char name[ZX_MAX_NAME_LEN];
    ASSERT_OK(zx_object_get_property(zx_thread_self(), ZX_PROP_NAME, name, sizeof name));
    EXPECT_GT(strlen(name), 0); /* the kernel named the first thread when it made it */
}
