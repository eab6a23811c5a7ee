/*: # Tests of physical memory: frames and the pmem interface */
#include "hal/hal.h"
#include "kernel/frame.h"
#include "kernel/ktest.h"

KTEST(frame_alloc_gives_distinct_zeroed_frames)
{
    size_t before = frame_free_count();
    paddr_t a = frame_alloc(), b = frame_alloc();
    KASSERT_TRUE(a && b);
    KEXPECT_NE(a, b);
    KEXPECT_EQ(a % PAGE_SIZE, 0);
    KEXPECT_EQ(frame_free_count(), before - 2);
    const uint8_t *p = hal_pmem_ptr(a);
    int nonzero = 0;
    for (size_t i = 0; i < PAGE_SIZE; i++)
        nonzero += p[i] != 0;
    KEXPECT_EQ(nonzero, 0);
    frame_free(a);
    frame_free(b);
    KEXPECT_EQ(frame_free_count(), before);
}

KTEST(frame_free_then_alloc_reuses)
{
    paddr_t a = frame_alloc();
    KASSERT_TRUE(a);
    frame_free(a);
    paddr_t b = frame_alloc();
    KEXPECT_EQ(b, a);
    frame_free(b);
}

KTEST(frame_counts_match_memory)
{
    KEXPECT_GE(frame_total_count(), 1024); /* at least 4 MiB to work with */
    KEXPECT_LE(frame_total_count() * PAGE_SIZE, hal_pmem_size());
    KEXPECT_LE(frame_free_count(), frame_total_count());
}

KTEST(pmem_roundtrip)
{
    paddr_t a = frame_alloc(), b = frame_alloc();
    KASSERT_TRUE(a && b);
    uint64_t token = ktest_random(), back = 0;
    hal_pmem_write(a + 24, &token, sizeof token);
    hal_pmem_read(a + 24, &back, sizeof back);
    KEXPECT_EQ(back, token);
    uint64_t via_ptr = *(uint64_t *)((uint8_t *)hal_pmem_ptr(a) + 24);
    KEXPECT_EQ(via_ptr, token);
    hal_pmem_read(b + 24, &back, sizeof back);
    KEXPECT_EQ(back, 0); /* another frame is untouched */
    frame_free(a);
    frame_free(b);
}

KTEST(pmem_access_spans_frames)
{
    /* Frames handed out one after another need not be adjacent; write a whole frame's worth
       instead. */
    paddr_t a = frame_alloc();
    KASSERT_TRUE(a);
    static uint8_t pattern[PAGE_SIZE], back[PAGE_SIZE];
    for (size_t i = 0; i < PAGE_SIZE; i++)
        pattern[i] = (uint8_t)(i * 7 + 3);
    hal_pmem_write(a, pattern, PAGE_SIZE);
    hal_pmem_read(a, back, PAGE_SIZE);
    KEXPECT_EQ(memcmp(pattern, back, PAGE_SIZE), 0);
    frame_free(a);
}
