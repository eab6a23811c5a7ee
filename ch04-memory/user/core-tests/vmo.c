/*: # VmoTestCase

A VMO is memory as an object: `zx_vmo_create(size, options, &vmo)`, then `zx_vmo_read` and
`zx_vmo_write` at byte offsets, `zx_vmo_get_size` and `zx_vmo_set_size`, and `zx_vmo_op_range` to
commit, decommit or zero a range of it. The rules checked here are from Fuchsia's reference pages
for those calls, and from Zircon's own core-tests (`VmoTestCase`) where the pages are silent:

- the size is rounded up to whole pages; 0 is a fine size; one too large is `ZX_ERR_OUT_OF_RANGE`;
  an option other than `ZX_VMO_RESIZABLE` is `ZX_ERR_INVALID_ARGS`;
- the handle is a `ZX_OBJ_TYPE_VMO` with the default VMO rights (basic, read and write, properties,
  map, signal), and `ZX_RIGHT_RESIZE` too exactly when the VMO is resizable;
- a new VMO reads as zeros; a read or write must lie wholly within the VMO (`ZX_ERR_OUT_OF_RANGE`,
  checked before anything moves), an empty one may sit exactly at the end; a buffer the kernel
  cannot use is `ZX_ERR_INVALID_ARGS`, but a NULL buffer of zero bytes is fine;
- reading needs `ZX_RIGHT_READ`, writing `ZX_RIGHT_WRITE`; getting the size needs no right at all;
- `zx_vmo_set_size` needs `ZX_RIGHT_WRITE`, and on a resizable VMO `ZX_RIGHT_RESIZE`; a VMO created
  without `ZX_VMO_RESIZABLE` says `ZX_ERR_UNAVAILABLE`. Growing adds zeros; shrinking throws away
  the data beyond the cut, so growing again brings back zeros, not the old bytes;
- `zx_vmo_op_range`: `COMMIT`, `DECOMMIT` and `ZERO` need `ZX_RIGHT_WRITE`; an operation that does
  not exist is `ZX_ERR_INVALID_ARGS`; a range outside the VMO is `ZX_ERR_OUT_OF_RANGE`. Decommit
  resets whole pages to zero and wants a page-aligned range; zero resets exactly the bytes asked,
  partial pages included;
- a child's handle gets its rights from the parent handle's (`zx_vmo_create_child`'s page): plus the
  property rights, plus `WRITE` for a snapshot, minus `WRITE` with `ZX_VMO_CHILD_NO_WRITE`, and
  `ZX_RIGHT_RESIZE` exactly when the child is resizable; a child both resizable and not writable is
  refused. The children themselves are tested in `VmoClone2TestCase` and `VmoSliceTestCase`. */
#include <string.h>

#include "probe.h"
#include "vmo_words.h"
#include "zircon/vmo.h"
#include "zxtest.h"

/* The page size of all three targets (SizeAlign checks that the kernel agrees). */
#define PAGE 4096u

#define VMO_RIGHTS                                                                                 \
    (ZX_RIGHTS_BASIC | ZX_RIGHTS_IO | ZX_RIGHTS_PROPERTY | ZX_RIGHT_MAP | ZX_RIGHT_SIGNAL)

/* Buffers of several pages live here, not on the stack. (No test writes into a program's read-only
   data to get a third kind of bad buffer: the riscv64 user link puts .rodata in a writable
   segment.) */
static uint8_t big[4 * PAGE];

static zx_handle_t with_rights(zx_handle_t h, zx_rights_t rights)
{
    zx_handle_t dup = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_handle_duplicate(h, rights, &dup));
    return dup;
}

static int all_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

/* ---- zx_vmo_create ---- */

TEST(VmoTestCase, CreateGivesVmoWithDefaultRights)
{
    zx_handle_t v = vmo_new(PAGE, 0);
    zx_info_handle_basic_t info = basic(v);
    EXPECT_EQ(info.type, ZX_OBJ_TYPE_VMO);
    EXPECT_NE(info.koid, ZX_KOID_INVALID);
    EXPECT_EQ(info.rights, VMO_RIGHTS); /* no RESIZE: the VMO cannot change size */
    EXPECT_EQ(info.related_koid, ZX_KOID_INVALID);
    EXPECT_EQ(signals_of(v), ZX_VMO_ZERO_CHILDREN); /* "active on a newly created VMO" */
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, CreateResizableAddsResizeRight)
{
    zx_handle_t v = vmo_new(PAGE, ZX_VMO_RESIZABLE);
    EXPECT_EQ(basic(v).rights, VMO_RIGHTS | ZX_RIGHT_RESIZE);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, SizeAlign)
{
    static const uint64_t asked[] = {1, 100, PAGE - 1, PAGE, PAGE + 1, 3 * PAGE + 5, 16 * PAGE};
    static const uint64_t got[] = {PAGE, PAGE, PAGE, PAGE, 2 * PAGE, 4 * PAGE, 16 * PAGE};
    for (unsigned i = 0; i < sizeof asked / sizeof asked[0]; i++) {
        zx_handle_t v = vmo_new(asked[i], 0);
        EXPECT_EQ(vmo_size_of(v), got[i]);
        EXPECT_OK(zx_handle_close(v));
    }
}

TEST(VmoTestCase, CreateZeroSizeIsEmpty)
{
    zx_handle_t v = vmo_new(0, 0);
    EXPECT_EQ(vmo_size_of(v), 0);
    uint8_t b = 7;
    EXPECT_OK(zx_vmo_read(v, &b, 0, 0)); /* nothing, at the end: fine */
    EXPECT_STATUS(zx_vmo_read(v, &b, 0, 1), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_write(v, &b, 0, 1), ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(b, 7);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, CreateRejectsUnknownOptions)
{
    zx_handle_t v = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create(PAGE, 1u << 20, &v), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create(PAGE, ZX_VMO_RESIZABLE | 0x80000000u, &v), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(v, ZX_HANDLE_INVALID);
}

TEST(VmoTestCase, CreateRefusesDiscardable)
{
    zx_handle_t v = ZX_HANDLE_INVALID;
    uint32_t both = ZX_VMO_DISCARDABLE | ZX_VMO_RESIZABLE;
    EXPECT_STATUS(zx_vmo_create(PAGE, ZX_VMO_DISCARDABLE, &v), ZX_ERR_NOT_SUPPORTED);
    EXPECT_STATUS(zx_vmo_create(PAGE, both, &v), ZX_ERR_NOT_SUPPORTED);
    EXPECT_STATUS(zx_vmo_create(PAGE, ZX_VMO_DISCARDABLE | 1u << 20, &v), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(v, ZX_HANDLE_INVALID);
}

TEST(VmoTestCase, CreateTooLargeIsOutOfRange)
{
    zx_handle_t v = ZX_HANDLE_INVALID;
    EXPECT_STATUS(zx_vmo_create(UINT64_MAX, 0, &v), ZX_ERR_OUT_OF_RANGE);
    /* rounding would wrap */
    EXPECT_STATUS(zx_vmo_create(UINT64_MAX - PAGE + 2, 0, &v), ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(v, ZX_HANDLE_INVALID);
}

TEST(VmoTestCase, CreateRejectsBadOutPointer)
{
    EXPECT_STATUS(zx_vmo_create(PAGE, 0, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create(PAGE, 0, UNMAPPED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_create(PAGE, 0, KERNEL_HALF), ZX_ERR_INVALID_ARGS);
}

/* ---- zx_vmo_read and zx_vmo_write ---- */

TEST(VmoTestCase, NewVmoReadsAsZeros)
{
    zx_handle_t v = vmo_new(sizeof big, 0);
    memset(big, 0x5a, sizeof big);
    ASSERT_OK(zx_vmo_read(v, big, 0, sizeof big));
    EXPECT_TRUE(all_zero(big, sizeof big));
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, ReadWrite)
{
    zx_handle_t v = vmo_new(sizeof big, 0);
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 7 + i / PAGE);
    ASSERT_OK(zx_vmo_write(v, big, 0, sizeof big));
    memset(big, 0, sizeof big);
    ASSERT_OK(zx_vmo_read(v, big, 0, sizeof big));
    int same = 1;
    for (size_t i = 0; i < sizeof big; i++)
        same &= big[i] == (uint8_t)(i * 7 + i / PAGE);
    EXPECT_TRUE(same);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, ReadWriteAtOffsetsAcrossPageBoundary)
{
    zx_handle_t v = vmo_new(3 * PAGE, 0);
    const char msg[] = "across the boundary";
    /* 6 bytes in page 0, the rest in page 1 */
    ASSERT_OK(zx_vmo_write(v, msg, PAGE - 6, sizeof msg));
    char back[sizeof msg] = {0};
    ASSERT_OK(zx_vmo_read(v, back, PAGE - 6, sizeof back));
    EXPECT_EQ(memcmp(back, msg, sizeof msg), 0);
    /* Parts of it, from either page, at their own offsets. */
    ASSERT_OK(zx_vmo_read(v, back, PAGE, 4));
    EXPECT_EQ(memcmp(back, msg + 6, 4), 0);
    ASSERT_OK(zx_vmo_read(v, back, PAGE - 6, 3));
    EXPECT_EQ(memcmp(back, "acr", 3), 0);
    /* The bytes around it were not touched. */
    EXPECT_EQ(vmo_get(v, PAGE - 14), 0);
    EXPECT_EQ(vmo_get(v, PAGE - 6 + sizeof msg), 0);
    /* The last byte of the VMO is as writable as the first. */
    uint8_t last = 0xee;
    EXPECT_OK(zx_vmo_write(v, &last, 3 * PAGE - 1, 1));
    last = 0;
    EXPECT_OK(zx_vmo_read(v, &last, 3 * PAGE - 1, 1));
    EXPECT_EQ(last, 0xee);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, ReadWriteRange)
{
    zx_handle_t v = vmo_new(4 * PAGE, 0);
    EXPECT_STATUS(zx_vmo_read(v, big, 0, 4 * PAGE + 1), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_write(v, big, 0, 4 * PAGE + 1), ZX_ERR_OUT_OF_RANGE);
    EXPECT_OK(zx_vmo_read(v, big, 4 * PAGE, 0));                          /* nothing, at the end */
    EXPECT_OK(zx_vmo_write(v, big, 4 * PAGE, 0));
    EXPECT_STATUS(zx_vmo_read(v, big, 4 * PAGE + 1, 0), ZX_ERR_OUT_OF_RANGE); /* nothing, past it */
    EXPECT_STATUS(zx_vmo_write(v, big, 4 * PAGE + 1, 0), ZX_ERR_OUT_OF_RANGE);
    /* offset + length wrapping around 2^64 is not a small number. */
    EXPECT_STATUS(zx_vmo_read(v, big, UINT64_MAX - 2 * PAGE, 4 * PAGE), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_write(v, big, UINT64_MAX - 2 * PAGE, 4 * PAGE), ZX_ERR_OUT_OF_RANGE);
    /* A length larger than any address space (VmoTestCase.ReadWriteBadLen). */
    EXPECT_STATUS(zx_vmo_read(v, big, 0, SIZE_MAX - PAGE), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_write(v, big, 0, SIZE_MAX - PAGE / 2), ZX_ERR_OUT_OF_RANGE);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, WritePastEndChangesNothing)
{
    zx_handle_t v = vmo_new(PAGE, 0);
    uint8_t ones[16];
    memset(ones, 0xff, sizeof ones);
    /* Half of it would fit: the range is checked before any byte moves. */
    EXPECT_STATUS(zx_vmo_write(v, ones, PAGE - 8, sizeof ones), ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(vmo_get(v, PAGE - 8), 0);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, NullBufferOfZeroBytesIsFine)
{
    zx_handle_t v = vmo_new(PAGE, 0);
    EXPECT_OK(zx_vmo_read(v, NULL, 0, 0));
    EXPECT_OK(zx_vmo_write(v, NULL, 0, 0));
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, BadBufferIsInvalidArgs)
{
    zx_handle_t v = vmo_new(2 * PAGE, 0);
    EXPECT_STATUS(zx_vmo_read(v, NULL, 0, 8), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_write(v, NULL, 0, 8), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_read(v, UNMAPPED, 0, 8), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_write(v, UNMAPPED, 0, 8), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_read(v, KERNEL_HALF, 0, PAGE), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_write(v, KERNEL_HALF, 0, PAGE), ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, ReadNeedsReadWriteNeedsWrite)
{
    zx_handle_t v = vmo_new(PAGE, 0);
    ASSERT_OK(vmo_put(v, 0, 0x1234));
    uint64_t x = 0;
    zx_handle_t r = with_rights(v, ZX_RIGHT_READ);
    EXPECT_OK(zx_vmo_read(r, &x, 0, sizeof x));
    EXPECT_EQ(x, 0x1234);
    EXPECT_STATUS(zx_vmo_write(r, &x, 0, sizeof x), ZX_ERR_ACCESS_DENIED);
    zx_handle_t w = with_rights(v, ZX_RIGHT_WRITE);
    EXPECT_STATUS(zx_vmo_read(w, &x, 0, sizeof x), ZX_ERR_ACCESS_DENIED);
    x = 0x5678;
    EXPECT_OK(zx_vmo_write(w, &x, 0, sizeof x));
    EXPECT_EQ(vmo_get(v, 0), 0x5678);
    zx_handle_t none = with_rights(v, ZX_RIGHT_NONE);
    EXPECT_STATUS(zx_vmo_read(none, &x, 0, 0), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_vmo_write(none, &x, 0, 0), ZX_ERR_ACCESS_DENIED);
    /* Rights come before the range. */
    EXPECT_STATUS(zx_vmo_read(w, &x, 2 * PAGE, 8), ZX_ERR_ACCESS_DENIED);
    zx_handle_t all[] = {v, r, w, none};
    EXPECT_OK(zx_handle_close_many(all, 4));
}

TEST(VmoTestCase, CallsOnOtherObjectsAndBadHandles)
{
    zx_handle_t e, weak;
    ASSERT_OK(zx_event_create(0, &e));
    ASSERT_OK(zx_handle_duplicate(e, ZX_RIGHT_NONE, &weak));
    uint64_t x = 0, size = 0;
    zx_handle_t child = ZX_HANDLE_INVALID;
    /* The type is checked before the rights: an event with no rights is still the wrong type. */
    EXPECT_STATUS(zx_vmo_read(weak, &x, 0, 0), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_vmo_write(e, &x, 0, 0), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_vmo_get_size(e, &size), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_vmo_set_size(e, PAGE), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_vmo_op_range(e, ZX_VMO_OP_COMMIT, 0, PAGE, NULL, 0), ZX_ERR_WRONG_TYPE);
    EXPECT_STATUS(zx_vmo_create_child(e, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, &child),
                  ZX_ERR_WRONG_TYPE);
    EXPECT_OK(zx_handle_close(weak));
    EXPECT_OK(zx_handle_close(e));
    /* A closed handle, and no handle at all. */
    EXPECT_STATUS(zx_vmo_read(e, &x, 0, 0), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_vmo_get_size(ZX_HANDLE_INVALID, &size), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_vmo_set_size(ZX_HANDLE_INVALID, PAGE), ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_vmo_op_range(ZX_HANDLE_INVALID, ZX_VMO_OP_ZERO, 0, PAGE, NULL, 0),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_STATUS(zx_vmo_create_child(ZX_HANDLE_INVALID, ZX_VMO_CHILD_SLICE, 0, PAGE, &child),
                  ZX_ERR_BAD_HANDLE);
    EXPECT_EQ(child, ZX_HANDLE_INVALID);
}

/* ---- zx_vmo_get_size and zx_vmo_set_size ---- */

TEST(VmoTestCase, GetSizeNeedsNoRightButAGoodPointer)
{
    zx_handle_t v = vmo_new(3 * PAGE, 0);
    zx_handle_t none = with_rights(v, ZX_RIGHT_NONE);
    EXPECT_EQ(vmo_size_of(none), 3 * PAGE); /* "anyone should be able to get the size" */
    EXPECT_STATUS(zx_vmo_get_size(v, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_get_size(v, UNMAPPED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_get_size(v, KERNEL_HALF), ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(none));
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, Resize)
{
    zx_handle_t v = vmo_new(PAGE, ZX_VMO_RESIZABLE);
    ASSERT_OK(vmo_put(v, 8, 0xabc));
    ASSERT_OK(zx_vmo_set_size(v, 4 * PAGE));
    EXPECT_EQ(vmo_size_of(v), 4 * PAGE);
    EXPECT_EQ(vmo_get(v, 8), 0xabc);        /* what was there stays */
    EXPECT_EQ(vmo_get(v, 3 * PAGE + 8), 0); /* what is new is zeros */
    EXPECT_OK(vmo_put(v, 3 * PAGE + 8, 0xdef));
    ASSERT_OK(zx_vmo_set_size(v, 4 * PAGE + 1));
    EXPECT_EQ(vmo_size_of(v), 5 * PAGE);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, ShrinkDropsDataBeyondTheCut)
{
    zx_handle_t v = vmo_new(4 * PAGE, ZX_VMO_RESIZABLE);
    ASSERT_OK(vmo_put(v, 0, 11));
    ASSERT_OK(vmo_put(v, PAGE - 8, 22));
    ASSERT_OK(vmo_put(v, 3 * PAGE, 33));
    ASSERT_OK(zx_vmo_set_size(v, PAGE));
    EXPECT_EQ(vmo_size_of(v), PAGE);
    uint64_t x = 0;
    /* gone from the VMO */
    EXPECT_STATUS(zx_vmo_read(v, &x, 3 * PAGE, sizeof x), ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(vmo_get(v, 0), 11);
    EXPECT_EQ(vmo_get(v, PAGE - 8), 22);
    ASSERT_OK(zx_vmo_set_size(v, 4 * PAGE));
    EXPECT_EQ(vmo_get(v, 3 * PAGE), 0); /* and gone for good: growing brings zeros back */
    ASSERT_OK(zx_vmo_set_size(v, 0));
    EXPECT_EQ(vmo_size_of(v), 0);
    EXPECT_STATUS(zx_vmo_read(v, &x, 0, 1), ZX_ERR_OUT_OF_RANGE);
    ASSERT_OK(zx_vmo_set_size(v, PAGE));
    EXPECT_EQ(vmo_get(v, 0), 0);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, SetSizeTooLargeIsOutOfRange)
{
    zx_handle_t v = vmo_new(2 * PAGE, ZX_VMO_RESIZABLE);
    EXPECT_STATUS(zx_vmo_set_size(v, UINT64_MAX), ZX_ERR_OUT_OF_RANGE);
    EXPECT_STATUS(zx_vmo_set_size(v, UINT64_MAX - PAGE + 2), ZX_ERR_OUT_OF_RANGE);
    EXPECT_EQ(vmo_size_of(v), 2 * PAGE); /* unchanged */
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, SetSizeOfFixedVmoIsUnavailable)
{
    /* VmoTestCase.NoResize: "ZX_ERR_UNAVAILABLE The VMO was not created with ZX_VMO_RESIZABLE". */
    zx_handle_t v = vmo_new(4 * PAGE, 0);
    ASSERT_OK(vmo_put(v, 3 * PAGE, 5));
    EXPECT_STATUS(zx_vmo_set_size(v, 5 * PAGE), ZX_ERR_UNAVAILABLE);
    EXPECT_STATUS(zx_vmo_set_size(v, 3 * PAGE), ZX_ERR_UNAVAILABLE);
    EXPECT_STATUS(zx_vmo_set_size(v, 4 * PAGE), ZX_ERR_UNAVAILABLE);
    EXPECT_EQ(vmo_size_of(v), 4 * PAGE);
    EXPECT_EQ(vmo_get(v, 3 * PAGE), 5);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, SetSizeNeedsWriteAndResize)
{
    zx_handle_t v = vmo_new(PAGE, ZX_VMO_RESIZABLE);
    zx_handle_t no_resize = with_rights(v, VMO_RIGHTS);
    zx_handle_t no_write = with_rights(v, VMO_RIGHTS & ~ZX_RIGHT_WRITE);
    zx_handle_t fixed = vmo_new(PAGE, 0);
    zx_handle_t fixed_ro = with_rights(fixed, ZX_RIGHT_READ);
    EXPECT_STATUS(zx_vmo_set_size(no_resize, 2 * PAGE), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_vmo_set_size(no_write, 2 * PAGE), ZX_ERR_ACCESS_DENIED);
    /* WRITE is asked first */
    EXPECT_STATUS(zx_vmo_set_size(fixed_ro, 2 * PAGE), ZX_ERR_ACCESS_DENIED);
    EXPECT_EQ(vmo_size_of(v), PAGE);
    EXPECT_OK(zx_vmo_set_size(v, 2 * PAGE));
    zx_handle_t all[] = {v, no_resize, no_write, fixed, fixed_ro};
    EXPECT_OK(zx_handle_close_many(all, 5));
}

/* ---- zx_vmo_op_range ---- */

TEST(VmoTestCase, CommitKeepsContents)
{
    zx_handle_t v = vmo_new(4 * PAGE, 0);
    ASSERT_OK(vmo_put(v, PAGE + 16, 77));
    EXPECT_OK(zx_vmo_op_range(v, ZX_VMO_OP_COMMIT, 0, 4 * PAGE, NULL, 0));
    EXPECT_EQ(vmo_get(v, PAGE + 16), 77); /* committing a page already there changes nothing */
    EXPECT_EQ(vmo_get(v, 2 * PAGE), 0);   /* and a committed page reads zeros */
    /* a part of a page commits it */
    EXPECT_OK(zx_vmo_op_range(v, ZX_VMO_OP_COMMIT, 10, 5, NULL, 0));
    EXPECT_OK(zx_vmo_op_range(v, ZX_VMO_OP_COMMIT, PAGE, 0, NULL, 0));
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, DecommitResetsWholePagesToZero)
{
    zx_handle_t v = vmo_new(4 * PAGE, 0);
    for (uint64_t i = 0; i < 4; i++)
        ASSERT_OK(vmo_put(v, i * PAGE + 24, 100 + i));
    EXPECT_OK(zx_vmo_op_range(v, ZX_VMO_OP_DECOMMIT, PAGE, 2 * PAGE, NULL, 0));
    EXPECT_EQ(vmo_get(v, 24), 100);
    EXPECT_EQ(vmo_get(v, PAGE + 24), 0);
    EXPECT_EQ(vmo_get(v, 2 * PAGE + 24), 0);
    EXPECT_EQ(vmo_get(v, 3 * PAGE + 24), 103);
    EXPECT_OK(vmo_put(v, PAGE + 24, 7)); /* a decommitted page can be written again */
    EXPECT_EQ(vmo_get(v, PAGE + 24), 7);
    EXPECT_OK(zx_vmo_op_range(v, ZX_VMO_OP_DECOMMIT, 0, 4 * PAGE, NULL, 0));
    EXPECT_EQ(vmo_get(v, 3 * PAGE + 24), 0);
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, DecommitMisaligned)
{
    /* "ZX_ERR_INVALID_ARGS ... op was ZX_VMO_OP_DECOMMIT and range was not page aligned." */
    zx_handle_t v = vmo_new(4 * PAGE, 0);
    ASSERT_OK(vmo_put(v, PAGE, 9));
    EXPECT_STATUS(zx_vmo_op_range(v, ZX_VMO_OP_DECOMMIT, 8, PAGE, NULL, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_op_range(v, ZX_VMO_OP_DECOMMIT, PAGE, PAGE - 8, NULL, 0),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_op_range(v, ZX_VMO_OP_DECOMMIT, 0, 2 * PAGE + 1, NULL, 0),
                  ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(vmo_get(v, PAGE), 9); /* nothing was decommitted */
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, ZeroClearsExactlyTheRange)
{
    zx_handle_t v = vmo_new(4 * PAGE, 0);
    memset(big, 0xa5, sizeof big);
    ASSERT_OK(zx_vmo_write(v, big, 0, sizeof big));
    /* From the middle of page 0 to the middle of page 3: two partial pages and two whole ones. */
    ASSERT_OK(zx_vmo_op_range(v, ZX_VMO_OP_ZERO, PAGE / 2, 3 * PAGE, NULL, 0));
    ASSERT_OK(zx_vmo_read(v, big, 0, sizeof big));
    int before = 1, after = 1;
    for (size_t i = 0; i < PAGE / 2; i++)
        before &= big[i] == 0xa5;
    for (size_t i = 3 * PAGE + PAGE / 2; i < sizeof big; i++)
        after &= big[i] == 0xa5;
    EXPECT_TRUE(before);
    EXPECT_TRUE(all_zero(big + PAGE / 2, 3 * PAGE));
    EXPECT_TRUE(after);
    /* A few bytes inside one page. */
    ASSERT_OK(zx_vmo_op_range(v, ZX_VMO_OP_ZERO, 3 * PAGE + PAGE / 2 + 1, 2, NULL, 0));
    uint8_t four[4];
    ASSERT_OK(zx_vmo_read(v, four, 3 * PAGE + PAGE / 2, 4));
    EXPECT_EQ(four[0], 0xa5);
    EXPECT_EQ(four[1], 0);
    EXPECT_EQ(four[2], 0);
    EXPECT_EQ(four[3], 0xa5);
    EXPECT_OK(zx_vmo_op_range(v, ZX_VMO_OP_ZERO, PAGE, 0, NULL, 0)); /* an empty range is fine */
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, OpRangeOutsideVmoIsOutOfRange)
{
    zx_handle_t v = vmo_new(2 * PAGE, 0);
    static const uint32_t ops[] = {ZX_VMO_OP_COMMIT, ZX_VMO_OP_DECOMMIT, ZX_VMO_OP_ZERO};
    for (unsigned i = 0; i < 3; i++) {
        EXPECT_STATUS(zx_vmo_op_range(v, ops[i], 3 * PAGE, PAGE, NULL, 0), ZX_ERR_OUT_OF_RANGE);
        EXPECT_STATUS(zx_vmo_op_range(v, ops[i], UINT64_MAX - PAGE + 1, 2 * PAGE, NULL, 0),
                      ZX_ERR_OUT_OF_RANGE);
    }
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, OpRangeUnknownOpIsInvalidArgs)
{
    zx_handle_t v = vmo_new(PAGE, 0);
    zx_handle_t none = with_rights(v, ZX_RIGHT_NONE);
    EXPECT_STATUS(zx_vmo_op_range(v, 0, 0, PAGE, NULL, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_vmo_op_range(v, 0x1000, 0, PAGE, NULL, 0), ZX_ERR_INVALID_ARGS);
    /* whatever the rights */
    EXPECT_STATUS(zx_vmo_op_range(none, 0x1000, 0, PAGE, NULL, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_OK(zx_handle_close(none));
    EXPECT_OK(zx_handle_close(v));
}

TEST(VmoTestCase, OpRangeNeedsWriteRight)
{
    zx_handle_t v = vmo_new(PAGE, 0);
    ASSERT_OK(vmo_put(v, 0, 3));
    zx_handle_t ro = with_rights(v, ZX_RIGHT_READ | ZX_RIGHT_MAP);
    EXPECT_STATUS(zx_vmo_op_range(ro, ZX_VMO_OP_COMMIT, 0, PAGE, NULL, 0), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_vmo_op_range(ro, ZX_VMO_OP_DECOMMIT, 0, PAGE, NULL, 0), ZX_ERR_ACCESS_DENIED);
    EXPECT_STATUS(zx_vmo_op_range(ro, ZX_VMO_OP_ZERO, 0, PAGE, NULL, 0), ZX_ERR_ACCESS_DENIED);
    EXPECT_EQ(vmo_get(v, 0), 3);
    EXPECT_OK(zx_handle_close(ro));
    EXPECT_OK(zx_handle_close(v));
}

/* ---- the rights of children (VmoTestCase.Rights, ChildResizeRight, NoWriteResizable) ---- */

/* Make each kind of child of h and check the rights of its handle against h's. */
static void check_child_rights(zx_handle_t h)
{
    zx_rights_t parent = basic(h).rights;
    zx_handle_t c;
    ASSERT_OK(zx_vmo_create_child(h, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, &c));
    EXPECT_EQ(basic(c).rights, (parent | ZX_RIGHTS_PROPERTY | ZX_RIGHT_WRITE) & ~ZX_RIGHT_EXECUTE);
    EXPECT_OK(zx_handle_close(c));
    ASSERT_OK(zx_vmo_create_child(h, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE, 0, PAGE, &c));
    EXPECT_EQ(basic(c).rights, (parent | ZX_RIGHTS_PROPERTY | ZX_RIGHT_WRITE) & ~ZX_RIGHT_EXECUTE);
    EXPECT_OK(zx_handle_close(c));
    ASSERT_OK(zx_vmo_create_child(h, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_NO_WRITE, 0, PAGE, &c));
    EXPECT_EQ(basic(c).rights, (parent | ZX_RIGHTS_PROPERTY) & ~ZX_RIGHT_WRITE);
    EXPECT_OK(zx_handle_close(c));
    ASSERT_OK(zx_vmo_create_child(h, ZX_VMO_CHILD_SLICE, 0, PAGE, &c));
    EXPECT_EQ(basic(c).rights, parent | ZX_RIGHTS_PROPERTY); /* a slice gains no WRITE */
    EXPECT_OK(zx_handle_close(c));
    ASSERT_OK(zx_vmo_create_child(h, ZX_VMO_CHILD_SLICE | ZX_VMO_CHILD_NO_WRITE, 0, PAGE, &c));
    EXPECT_EQ(basic(c).rights, (parent | ZX_RIGHTS_PROPERTY) & ~ZX_RIGHT_WRITE);
    EXPECT_OK(zx_handle_close(c));
}

TEST(VmoTestCase, ChildRightsFollowParentHandle)
{
    zx_handle_t v = vmo_new(4 * PAGE, 0);
    check_child_rights(v);
    zx_handle_t rwd = with_rights(v, ZX_RIGHT_READ | ZX_RIGHT_WRITE | ZX_RIGHT_DUPLICATE);
    check_child_rights(rwd);
    zx_handle_t rmd = with_rights(v, ZX_RIGHT_READ | ZX_RIGHT_MAP | ZX_RIGHT_DUPLICATE);
    check_child_rights(rmd);
    zx_handle_t all[] = {v, rwd, rmd};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoTestCase, ChildResizeRightFollowsResizable)
{
    zx_handle_t v = vmo_new(4 * PAGE, 0);
    static const uint32_t kinds[] = {ZX_VMO_CHILD_SNAPSHOT, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE,
                                     ZX_VMO_CHILD_SLICE};
    for (unsigned i = 0; i < 3; i++) {
        zx_handle_t c;
        ASSERT_OK(zx_vmo_create_child(v, kinds[i], 0, 4 * PAGE, &c));
        EXPECT_EQ(basic(c).rights & ZX_RIGHT_RESIZE, 0);
        EXPECT_STATUS(zx_vmo_set_size(c, 5 * PAGE), ZX_ERR_UNAVAILABLE);
        EXPECT_OK(zx_handle_close(c));
        if (kinds[i] == ZX_VMO_CHILD_SLICE)
            continue; /* slices are never resizable (VmoSliceTestCase) */
        ASSERT_OK(zx_vmo_create_child(v, kinds[i] | ZX_VMO_CHILD_RESIZABLE, 0, 4 * PAGE, &c));
        zx_rights_t rights = basic(c).rights;
        EXPECT_EQ(rights & ZX_RIGHT_RESIZE, ZX_RIGHT_RESIZE);
        EXPECT_OK(zx_vmo_set_size(c, 5 * PAGE));
        zx_handle_t no_resize = with_rights(c, rights & ~ZX_RIGHT_RESIZE);
        EXPECT_STATUS(zx_vmo_set_size(no_resize, PAGE), ZX_ERR_ACCESS_DENIED);
        EXPECT_OK(zx_handle_close(no_resize));
        EXPECT_OK(zx_handle_close(c));
    }
    /* A resizable parent's RESIZE right does not pass to a child that is not resizable. */
    zx_handle_t r = vmo_new(PAGE, ZX_VMO_RESIZABLE), c;
    ASSERT_OK(zx_vmo_create_child(r, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, &c));
    EXPECT_EQ(basic(c).rights & ZX_RIGHT_RESIZE, 0);
    zx_handle_t all[] = {v, r, c};
    EXPECT_OK(zx_handle_close_many(all, 3));
}

TEST(VmoTestCase, NoWriteResizableChildIsInvalidArgs)
{
    static const uint32_t kinds[] = {ZX_VMO_CHILD_SNAPSHOT, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE,
                                     ZX_VMO_CHILD_SLICE};
    /* the parent's resizability is irrelevant */
    static const uint32_t parent_options[] = {0, ZX_VMO_RESIZABLE};
    for (unsigned p = 0; p < 2; p++) {
        zx_handle_t v = vmo_new(PAGE, parent_options[p]), c = ZX_HANDLE_INVALID;
        for (unsigned i = 0; i < 3; i++)
            EXPECT_STATUS(
                zx_vmo_create_child(v, kinds[i] | ZX_VMO_CHILD_NO_WRITE | ZX_VMO_CHILD_RESIZABLE, 0,
                                    PAGE, &c),
                ZX_ERR_INVALID_ARGS);
        EXPECT_EQ(c, ZX_HANDLE_INVALID);
        EXPECT_OK(
            zx_vmo_create_child(v, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_NO_WRITE, 0, PAGE, &c));
        EXPECT_OK(zx_handle_close(c));
        EXPECT_OK(zx_handle_close(v));
    }
}
