/*: # ObjectInfoTest

`zx_object_get_info(handle, topic, buffer, buffer_size, actual, avail)` answers a question (a
*topic*) about a handle or its object, as records written to `buffer`. The rules checked here are
from Fuchsia's reference page:

- `ZX_INFO_HANDLE_VALID` needs no buffer: the status is the answer (`ZX_OK` or `ZX_ERR_BAD_HANDLE`);
- `ZX_INFO_HANDLE_BASIC` gives the koid, the handle's rights, the object type and the `related_koid`
  (the other end of a pair; a job's parent job, a process's job, a thread's process; 0 for the
  rest); the relation is immutable and outlives the related object;
- `ZX_INFO_HANDLE_COUNT` counts the handles to the object, and needs `ZX_RIGHT_INSPECT`;
- `actual` and `avail` are optional; with a buffer too small for the record, the call fails with
  `ZX_ERR_BUFFER_TOO_SMALL` but still says, in `avail`, how many records there are (and 0 in
  `actual`);
- a topic that does not exist is `ZX_ERR_NOT_SUPPORTED`; a bad pointer is `ZX_ERR_INVALID_ARGS`.

Cases that check what a case of Fuchsia's core-tests checks carry its name, group and all: three
of these run as `ObjectGetInfoTest` and `HandleInfoTest`. */
#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "probe.h"
#include "zxtest.h"

TEST(ObjectGetInfoTest, ClosedValidHandleFails)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    EXPECT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL));
    /* No records: a buffer, actual and avail are ignored, even when they are nonsense. */
    EXPECT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_VALID, UNMAPPED, 64, UNMAPPED, UNMAPPED));
    EXPECT_OK(zx_handle_close(e));
    EXPECT_STATUS(zx_object_get_info(e, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_object_get_info(ZX_HANDLE_INVALID, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL),
                  ZX_ERR_BAD_HANDLE);
}

TEST(ObjectInfoTest, HandleBasicOfEvent)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    zx_info_handle_basic_t info;
    size_t actual = 99, avail = 99;
    ASSERT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, &info, sizeof info, &actual, &avail));
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(avail, 1);
    EXPECT_NE(info.koid, ZX_KOID_INVALID);
    EXPECT_EQ(info.type, ZX_OBJ_TYPE_EVENT);
    EXPECT_EQ(info.rights, ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_WAIT |
                               ZX_RIGHT_INSPECT | ZX_RIGHT_SIGNAL);
    EXPECT_EQ(info.related_koid, ZX_KOID_INVALID);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectInfoTest, KoidsAreUniqueAndStable)
{
    zx_handle_t e1, e2, dup;
    zx_info_handle_basic_t i1, i2, id;
    ASSERT_OK(zx_event_create(0, &e1));
    ASSERT_OK(zx_event_create(0, &e2));
    ASSERT_OK(zx_handle_duplicate(e1, ZX_RIGHT_WAIT, &dup));
    ASSERT_OK(zx_object_get_info(e1, ZX_INFO_HANDLE_BASIC, &i1, sizeof i1, NULL, NULL));
    ASSERT_OK(zx_object_get_info(e2, ZX_INFO_HANDLE_BASIC, &i2, sizeof i2, NULL, NULL));
    ASSERT_OK(zx_object_get_info(dup, ZX_INFO_HANDLE_BASIC, &id, sizeof id, NULL, NULL));
    EXPECT_NE(i1.koid, i2.koid);       /* two objects, two koids */
    EXPECT_EQ(id.koid, i1.koid);       /* two handles, one object, one koid */
    EXPECT_EQ(id.rights, ZX_RIGHT_WAIT); /* but each handle its own rights */
    zx_handle_t all[] = {e1, e2, dup};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(ObjectInfoTest, HandleBasicOfChannelNamesPeer)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    zx_info_handle_basic_t ia, ib;
    ASSERT_OK(zx_object_get_info(a, ZX_INFO_HANDLE_BASIC, &ia, sizeof ia, NULL, NULL));
    ASSERT_OK(zx_object_get_info(b, ZX_INFO_HANDLE_BASIC, &ib, sizeof ib, NULL, NULL));
    EXPECT_EQ(ia.type, ZX_OBJ_TYPE_CHANNEL);
    EXPECT_EQ(ia.related_koid, ib.koid);
    EXPECT_EQ(ib.related_koid, ia.koid);
    EXPECT_OK(zx_handle_close(a));
    /* "an object's related_koid does not change even if the related object no longer exists" */
    zx_info_handle_basic_t after;
    ASSERT_OK(zx_object_get_info(b, ZX_INFO_HANDLE_BASIC, &after, sizeof after, NULL, NULL));
    EXPECT_EQ(after.related_koid, ia.koid);
    EXPECT_OK(zx_handle_close(b));
}

TEST(HandleInfoTest, RelatedKoid)
{
    zx_handle_t job, process, vmar, thread;
    ASSERT_OK(zx_job_create(zx_job_default(), 0, &job));
    ASSERT_OK(zx_process_create(job, "related", 7, 0, &process, &vmar));
    ASSERT_OK(zx_thread_create(process, "related", 7, 0, &thread));
    EXPECT_EQ(basic(job).related_koid, basic(zx_job_default()).koid);
    EXPECT_EQ(basic(process).related_koid, basic(job).koid);
    EXPECT_EQ(basic(thread).related_koid, basic(process).koid);
    EXPECT_EQ(basic(zx_thread_self()).related_koid, basic(zx_process_self()).koid);
    /* Immutable, as for a pair: the thread still names its process once both have ended. */
    zx_koid_t process_koid = basic(process).koid;
    EXPECT_OK(zx_task_kill(process));
    EXPECT_OK(zx_object_wait_one(thread, ZX_TASK_TERMINATED, ZX_TIME_INFINITE, NULL));
    EXPECT_OK(zx_handle_close(process));
    EXPECT_EQ(basic(thread).related_koid, process_koid);
    zx_handle_t handles[] = {thread, vmar, job}; /* vmar is ZX_HANDLE_INVALID before chapter 4 */
    EXPECT_OK(zx_handle_close_many(handles, 3));
}

TEST(ObjectInfoTest, HandleBasicNeedsNoRights)
{
    zx_handle_t e, none;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_NONE, &none));
    zx_info_handle_basic_t info;
    EXPECT_OK(zx_object_get_info(none, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    EXPECT_EQ(info.rights, ZX_RIGHT_NONE);
    EXPECT_OK(zx_object_get_info(none, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL));
    EXPECT_OK(zx_handle_close(none));
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectInfoTest, NullActualAndAvailAreAllowed)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    zx_info_handle_basic_t info = {0};
    size_t n = 99;
    EXPECT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL));
    EXPECT_NE(info.koid, ZX_KOID_INVALID);
    EXPECT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, &info, sizeof info, &n, NULL));
    EXPECT_EQ(n, 1);
    n = 99;
    EXPECT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, &n));
    EXPECT_EQ(n, 1);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectInfoTest, TooSmallBufferReportsAvail)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    zx_info_handle_basic_t info;
    size_t actual = 99, avail = 99;
    EXPECT_STATUS(
        zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, &info, sizeof info - 1, &actual, &avail),
        ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(actual, 0);
    EXPECT_EQ(avail, 1);
    /* No buffer at all is the usual way to ask "how many?". */
    actual = avail = 99;
    EXPECT_STATUS(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, NULL, 0, &actual, &avail),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(actual, 0);
    EXPECT_EQ(avail, 1);
    EXPECT_STATUS(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, NULL, 0, NULL, NULL),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectInfoTest, BadPointers)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    zx_info_handle_basic_t info;
    size_t n;
    EXPECT_STATUS(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, NULL, sizeof info, NULL, NULL),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, UNMAPPED, sizeof info, NULL, NULL),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, KERNEL_HALF, sizeof info, NULL, NULL),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, &info, sizeof info, UNMAPPED, &n),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_get_info(e, ZX_INFO_HANDLE_BASIC, &info, sizeof info, &n, UNMAPPED),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectInfoTest, UnknownTopicIsNotSupported)
{
    zx_handle_t e;
    ASSERT_OK(zx_event_create(0, &e));
    char buf[256];
    EXPECT_STATUS(zx_object_get_info(e, 0xffffu, buf, sizeof buf, NULL, NULL),
                  ZX_ERR_NOT_SUPPORTED);
    EXPECT_STATUS(zx_object_get_info(e, 0, buf, sizeof buf, NULL, NULL), ZX_ERR_NOT_SUPPORTED);
    /* The handle is checked first. */
    EXPECT_STATUS(zx_object_get_info(ZX_HANDLE_INVALID, 0xffffu, buf, sizeof buf, NULL, NULL),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectGetInfoTest, HandleCountCorrectness)
{
    zx_handle_t e, d1, d2;
    ASSERT_OK(zx_event_create(0, &e));
    zx_info_handle_count_t count;
    size_t actual = 0, avail = 0;
    ASSERT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_COUNT, &count, sizeof count, &actual, &avail));
    EXPECT_EQ(count.handle_count, 1);
    EXPECT_EQ(actual, 1);
    EXPECT_EQ(avail, 1);
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &d1));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_SAME_RIGHTS, &d2));
    ASSERT_OK(zx_object_get_info(d2, ZX_INFO_HANDLE_COUNT, &count, sizeof count, NULL, NULL));
    EXPECT_EQ(count.handle_count, 3);
    EXPECT_OK(zx_handle_close(d1));
    ASSERT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_COUNT, &count, sizeof count, NULL, NULL));
    EXPECT_EQ(count.handle_count, 2);
    /* A handle in flight in a channel still counts: it exists, just in no process. */
    zx_handle_t a, b;
    ASSERT_OK(zx_channel_create(0, &a, &b));
    ASSERT_OK(zx_channel_write(a, 0, NULL, 0, &d2, 1));
    ASSERT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_COUNT, &count, sizeof count, NULL, NULL));
    EXPECT_EQ(count.handle_count, 2);
    /* Closing the channel with the message unread closes the handle in it. */
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
    ASSERT_OK(zx_object_get_info(e, ZX_INFO_HANDLE_COUNT, &count, sizeof count, NULL, NULL));
    EXPECT_EQ(count.handle_count, 1);
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectInfoTest, HandleCountNeedsInspectRight)
{
    zx_handle_t e, blind;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_WAIT, &blind));
    zx_info_handle_count_t count;
    EXPECT_STATUS(zx_object_get_info(blind, ZX_INFO_HANDLE_COUNT, &count, sizeof count, NULL, NULL),
                  ZX_ERR_ACCESS_DENIED);
    size_t actual = 0;
    EXPECT_STATUS(
        zx_object_get_info(e, ZX_INFO_HANDLE_COUNT, &count, sizeof count - 1, &actual, NULL),
        ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_OK(zx_handle_close(blind));
    EXPECT_OK(zx_handle_close(e));
}

TEST(ObjectInfoTest, ProcessSelfIsAProcess)
{
    zx_info_handle_basic_t info;
    ASSERT_OK(zx_object_get_info(zx_process_self(), ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL,
                                 NULL));
    EXPECT_EQ(info.type, ZX_OBJ_TYPE_PROCESS);
    EXPECT_NE(info.koid, ZX_KOID_INVALID);
    EXPECT_EQ(info.rights & ZX_RIGHTS_PROPERTY, ZX_RIGHTS_PROPERTY);
}
