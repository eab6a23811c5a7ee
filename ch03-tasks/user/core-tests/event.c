/*: # EventTest */
#include "zxtest.h"

TEST(EventTest, CreateAndSignal)
{
    zx_handle_t event;
    ASSERT_OK(zx_event_create(0, &event));
    zx_signals_t observed = 0;
    EXPECT_STATUS(zx_object_wait_one(event, ZX_EVENT_SIGNALED, 0, &observed), ZX_ERR_TIMED_OUT);
    EXPECT_EQ(observed, 0);
    EXPECT_OK(zx_object_signal(event, 0, ZX_EVENT_SIGNALED));
    EXPECT_OK(zx_object_wait_one(event, ZX_EVENT_SIGNALED, 0, &observed));
    EXPECT_EQ(observed, ZX_EVENT_SIGNALED);
    EXPECT_OK(zx_handle_close(event));
}

TEST(EventTest, CreateRejectsOptions)
{
    zx_handle_t event;
    EXPECT_STATUS(zx_event_create(1, &event), ZX_ERR_INVALID_ARGS);
}

TEST(EventTest, CreateRejectsBadPointer)
{
    EXPECT_STATUS(zx_event_create(0, (zx_handle_t *)0x10), ZX_ERR_INVALID_ARGS);
}
