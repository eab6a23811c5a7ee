/*: # VmoTestCase: the content size

A VMO's size is whole pages; its *content size* (`ZX_PROP_VMO_CONTENT_SIZE`, a `uint64_t`) says how
many bytes of it hold content, to the byte, as a file's length would. From the reference pages:

- `zx_vmo_create`, `zx_vmo_create_child` (and `zx_vmo_create_physical`) set it to the size asked
  for, unrounded; `zx_vmo_set_size` sets it likewise, and zeroes the rest of the last page;
- setting the property changes no size, may go past the end, and zeroes the VMO from the new content
  size to its end; it needs `ZX_RIGHT_WRITE` besides `ZX_RIGHT_SET_PROPERTY`;
- a buffer shorter than 8 bytes is `ZX_ERR_BUFFER_TOO_SMALL`, and an object that is not a VMO
  `ZX_ERR_WRONG_TYPE`.

`ContentSize` is Fuchsia's case. */
#include "probe.h"
#include "vmo_words.h"
#include "zircon/process.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define PAGE 4096u

static uint64_t content_size(zx_handle_t h)
{
    uint64_t size = 0xbadbad;
    EXPECT_OK(zx_object_get_property(h, ZX_PROP_VMO_CONTENT_SIZE, &size, sizeof size));
    return size;
}

static zx_status_t set_content_size(zx_handle_t h, uint64_t size)
{
    return zx_object_set_property(h, ZX_PROP_VMO_CONTENT_SIZE, &size, sizeof size);
}

TEST(VmoTestCase, ContentSize)
{
    zx_handle_t vmo = vmo_new(4 * PAGE, ZX_VMO_RESIZABLE);
    EXPECT_EQ(content_size(vmo), 4 * PAGE);
    EXPECT_OK(set_content_size(vmo, 4 * PAGE / 3));
    EXPECT_EQ(content_size(vmo), 4 * PAGE / 3);
    EXPECT_OK(set_content_size(vmo, 4 * PAGE + 15643)); /* past the end: the size does not change */
    EXPECT_EQ(content_size(vmo), 4 * PAGE + 15643);
    EXPECT_EQ(vmo_size_of(vmo), 4 * PAGE);
    EXPECT_OK(zx_vmo_set_size(vmo, 5461));
    EXPECT_EQ(content_size(vmo), 5461);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmoTestCase, ContentSizeStartsAsAskedFor)
{
    zx_handle_t vmo = vmo_new(5000, 0), snapshot, slice;
    EXPECT_EQ(vmo_size_of(vmo), 2 * PAGE);
    EXPECT_EQ(content_size(vmo), 5000);
    ASSERT_OK(zx_vmo_create_child(vmo, ZX_VMO_CHILD_SNAPSHOT, 0, 3000, &snapshot));
    EXPECT_EQ(content_size(snapshot), 3000);
    ASSERT_OK(zx_vmo_create_child(vmo, ZX_VMO_CHILD_SLICE, PAGE, 100, &slice));
    EXPECT_EQ(content_size(slice), 100);
    EXPECT_EQ(content_size(vmo), 5000); /* its own, not its children's */
    zx_handle_t all[] = {slice, snapshot, vmo};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoTestCase, SettingContentSizeZeroesWhatFollows)
{
    zx_handle_t vmo = vmo_new(3 * PAGE, 0);
    for (uint64_t i = 0; i < 3; i++) {
        ASSERT_OK(vmo_put(vmo, i * PAGE, 1 + i));
        ASSERT_OK(vmo_put(vmo, i * PAGE + 200, 11 + i));
    }
    EXPECT_OK(set_content_size(vmo, 100));
    EXPECT_EQ(vmo_get(vmo, 0), 1);     /* before the content size: kept */
    EXPECT_EQ(vmo_get(vmo, 200), 0);   /* after it: zeros, to the end */
    EXPECT_EQ(vmo_get(vmo, PAGE), 0);
    EXPECT_EQ(vmo_get(vmo, 2 * PAGE + 200), 0);
    EXPECT_EQ(vmo_size_of(vmo), 3 * PAGE); /* the size stays */
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmoTestCase, SetSizeZeroesPastTheSizeAskedFor)
{
    zx_handle_t vmo = vmo_new(2 * PAGE, ZX_VMO_RESIZABLE);
    ASSERT_OK(vmo_put(vmo, PAGE, 5));
    ASSERT_OK(vmo_put(vmo, PAGE + 1000, 6));
    ASSERT_OK(zx_vmo_set_size(vmo, PAGE + 512));
    EXPECT_EQ(vmo_size_of(vmo), 2 * PAGE);
    EXPECT_EQ(content_size(vmo), PAGE + 512);
    EXPECT_EQ(vmo_get(vmo, PAGE), 5);
    EXPECT_EQ(vmo_get(vmo, PAGE + 1000), 0);
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmoTestCase, ContentSizeChecksRightsSizesAndTypes)
{
    zx_handle_t vmo = vmo_new(PAGE, 0), read_only, no_get;
    ASSERT_OK(zx_handle_duplicate(vmo, ZX_RIGHT_READ | ZX_RIGHTS_PROPERTY, &read_only));
    ASSERT_OK(zx_handle_duplicate(vmo, ZX_RIGHT_READ | ZX_RIGHT_WRITE, &no_get));
    EXPECT_EQ(content_size(read_only), PAGE); /* reading it needs GET_PROPERTY only */
    EXPECT_STATUS(set_content_size(read_only, 8), ZX_ERR_ACCESS_DENIED); /* setting it, WRITE too */
    uint64_t size;
    EXPECT_STATUS(zx_object_get_property(no_get, ZX_PROP_VMO_CONTENT_SIZE, &size, sizeof size),
                  ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(set_content_size(no_get, 8), ZX_ERR_ACCESS_DENIED);
    uint32_t small = 8;
    EXPECT_STATUS(zx_object_get_property(vmo, ZX_PROP_VMO_CONTENT_SIZE, &small, sizeof small),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_STATUS(zx_object_set_property(vmo, ZX_PROP_VMO_CONTENT_SIZE, &small, sizeof small),
                  ZX_ERR_BUFFER_TOO_SMALL);
    EXPECT_EQ(content_size(vmo), PAGE);
    /* A process's handle has the property rights and WRITE, but it is no VMO. */
    zx_handle_t self = zx_process_self();
    EXPECT_STATUS(zx_object_get_property(self, ZX_PROP_VMO_CONTENT_SIZE, &size, sizeof size),
                  ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(set_content_size(self, 8), ZX_ERR_WRONG_TYPE);
    zx_handle_t all[] = {no_get, read_only, vmo};
    EXPECT_OK(zx_handle_close_many(all, 3));
}
