/*: # VmoTestCase: cache operations

Operations 6 to 9 of `zx_vmo_op_range` clean and invalidate the CPU's caches over a range of a VMO,
for drivers that share memory with devices. From Fuchsia's reference and kernel:

- `ZX_VMO_OP_CACHE_SYNC`, `_CLEAN` and `_CLEAN_INVALIDATE` need `ZX_RIGHT_READ` (they change no byte
  of the VMO); a length of 0 is `ZX_ERR_INVALID_ARGS`, a range past the end `ZX_ERR_OUT_OF_RANGE`;
- `ZX_VMO_OP_CACHE_INVALIDATE` could drop writes not yet in memory, and Zircon serves it only when
  the kernel is booted with its debugging system calls: `ZX_ERR_NOT_SUPPORTED`, whatever the rights.

`CacheOp` is Fuchsia's case, on an ordinary VMO (this program can make no physical one). */
#include "vmo_words.h"
#include "zircon/vmo.h"
#include "zxtest.h"

#define SIZE 0x8000u

static const uint32_t ops[] = {
    ZX_VMO_OP_CACHE_SYNC,
    ZX_VMO_OP_CACHE_CLEAN,
    ZX_VMO_OP_CACHE_CLEAN_INVALIDATE,
};

TEST(VmoTestCase, CacheOp)
{
    zx_handle_t vmo = vmo_new(SIZE, 0);
    for (unsigned i = 0; i < 3; i++) {
        uint32_t op = ops[i];
        EXPECT_OK(zx_vmo_op_range(vmo, op, 0, 1, NULL, 0));
        EXPECT_OK(zx_vmo_op_range(vmo, op, 1, 1, NULL, 0));
        EXPECT_OK(zx_vmo_op_range(vmo, op, 0, SIZE, NULL, 0));
        EXPECT_OK(zx_vmo_op_range(vmo, op, 1, SIZE - 1, NULL, 0));
        EXPECT_OK(zx_vmo_op_range(vmo, op, 0x5200, 0x1200, NULL, 0));
        EXPECT_STATUS(zx_vmo_op_range(vmo, op, 0, 0, NULL, 0), ZX_ERR_INVALID_ARGS);
        EXPECT_STATUS(zx_vmo_op_range(vmo, op, 1, SIZE, NULL, 0), ZX_ERR_OUT_OF_RANGE);
        EXPECT_STATUS(zx_vmo_op_range(vmo, op, SIZE, 1, NULL, 0), ZX_ERR_OUT_OF_RANGE);
        EXPECT_STATUS(zx_vmo_op_range(vmo, op, UINT64_MAX, 1, NULL, 0), ZX_ERR_OUT_OF_RANGE);
        EXPECT_STATUS(zx_vmo_op_range(vmo, op, UINT64_MAX, UINT64_MAX, NULL, 0),
                      ZX_ERR_OUT_OF_RANGE);
    }
    EXPECT_OK(zx_handle_close(vmo));
}

TEST(VmoTestCase, CacheOpNeedsReadOnly)
{
    zx_handle_t vmo = vmo_new(SIZE, 0), read_only, write_only;
    ASSERT_OK(vmo_put(vmo, 0, 7));
    ASSERT_OK(zx_handle_duplicate(vmo, ZX_RIGHT_READ, &read_only));
    ASSERT_OK(zx_handle_duplicate(vmo, ZX_RIGHT_WRITE, &write_only));
    for (unsigned i = 0; i < 3; i++) {
        EXPECT_OK(zx_vmo_op_range(read_only, ops[i], 0, SIZE, NULL, 0));
        EXPECT_STATUS(zx_vmo_op_range(write_only, ops[i], 0, SIZE, NULL, 0), ZX_ERR_ACCESS_DENIED);
    }
    EXPECT_EQ(vmo_get(vmo, 0), 7); /* and the contents are what they were */
    zx_handle_t all[] = {write_only, read_only, vmo};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoTestCase, CacheInvalidateIsNotSupported)
{
    zx_handle_t vmo = vmo_new(SIZE, 0), none;
    ASSERT_OK(zx_handle_duplicate(vmo, ZX_RIGHT_NONE, &none));
    EXPECT_STATUS(zx_vmo_op_range(vmo, ZX_VMO_OP_CACHE_INVALIDATE, 0, SIZE, NULL, 0),
                  ZX_ERR_NOT_SUPPORTED);
    EXPECT_STATUS(zx_vmo_op_range(none, ZX_VMO_OP_CACHE_INVALIDATE, 0, SIZE, NULL, 0),
                  ZX_ERR_NOT_SUPPORTED);
    zx_handle_t both[] = {none, vmo};
    EXPECT_OK(zx_handle_close_many(both, 2));
}

TEST(VmoTestCase, CacheOpOnASliceStaysInTheSlice)
{
    zx_handle_t vmo = vmo_new(SIZE, 0), slice;
    ASSERT_OK(zx_vmo_create_child(vmo, ZX_VMO_CHILD_SLICE, 0x1000, 0x2000, &slice));
    EXPECT_OK(zx_vmo_op_range(slice, ZX_VMO_OP_CACHE_CLEAN, 0, 0x2000, NULL, 0));
    EXPECT_STATUS(zx_vmo_op_range(slice, ZX_VMO_OP_CACHE_CLEAN, 0, 0x2001, NULL, 0),
                  ZX_ERR_OUT_OF_RANGE);
    zx_handle_t both[] = {slice, vmo};
    EXPECT_OK(zx_handle_close_many(both, 2));
}
