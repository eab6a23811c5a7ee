/*: # Tests of the ring of bytes

The ring is plain data, so these tests drive it directly: bytes come out in the order they went
in, across page boundaries and across the wrap, whatever the capacity; a full ring gives back all it
holds; frames are taken only for pages written, and all of them given back. */
#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "object/ring.h"

/* A byte of a pattern that differs from one run to the next. */
static uint8_t pattern(uint64_t seed, uint64_t i)
{
    return (uint8_t)(seed + i * 7 + (i >> 8));
}

/* Push a counting pattern through r in pieces of step bytes until total have gone through; each
   piece is put, peeked, checked and dropped. Returns the number of bytes that came back wrong. */
static uint32_t stream_through(struct ring *r, uint32_t step, uint32_t total)
{
    static uint8_t in[3 * PAGE_SIZE], out[3 * PAGE_SIZE];
    uint64_t seed = ktest_random(), sent = 0, received = 0;
    uint32_t wrong = 0;
    while (received < total) {
        uint32_t n = step < ring_room(r) ? step : ring_room(r);
        for (uint32_t i = 0; i < n; i++)
            in[i] = pattern(seed, sent + i);
        if (ring_put(r, in, n) != ZX_OK)
            return total;
        sent += n;
        uint32_t m = ring_used(r) < step ? ring_used(r) : step;
        ring_peek(r, 0, out, m);
        for (uint32_t i = 0; i < m; i++)
            wrong += out[i] != pattern(seed, received + i);
        ring_drop(r, m);
        received += m;
    }
    return wrong;
}

KTEST(ring_keeps_order_across_pages_and_the_wrap)
{
    static struct ring r;
    ring_init(&r, RING_MAX_CAPACITY);
    KEXPECT_EQ(stream_through(&r, 3000, 3 * RING_MAX_CAPACITY), 0);
    KEXPECT_EQ(ring_used(&r), 0);
    ring_destroy(&r);
}

KTEST(ring_holds_its_whole_capacity_at_once)
{
    static struct ring r;
    static uint8_t in[RING_MAX_CAPACITY], out[RING_MAX_CAPACITY];
    uint64_t seed = ktest_random();
    ring_init(&r, RING_MAX_CAPACITY);
    for (int round = 0; round < 2; round++) { /* the second fill starts where the first ended */
        uint32_t start = round ? 1000 : 0;
        if (round) {
            KASSERT_EQ(ring_put(&r, in, start), ZX_OK); /* move head and tail past 0 */
            ring_drop(&r, start);
        }
        for (uint32_t i = 0; i < RING_MAX_CAPACITY; i++)
            in[i] = pattern(seed + round, i);
        KASSERT_EQ(ring_put(&r, in, RING_MAX_CAPACITY), ZX_OK);
        KEXPECT_EQ(ring_room(&r), 0);
        ring_peek(&r, 0, out, RING_MAX_CAPACITY);
        uint32_t wrong = 0;
        for (uint32_t i = 0; i < RING_MAX_CAPACITY; i++)
            wrong += out[i] != in[i];
        KEXPECT_EQ(wrong, 0);
        ring_drop(&r, RING_MAX_CAPACITY);
    }
    ring_destroy(&r);
}

KTEST(ring_capacity_need_not_be_a_power_of_two)
{
    static struct ring r;
    ring_init(&r, 80); /* a FIFO of ten 8-byte elements */
    KEXPECT_EQ(ring_room(&r), 80);
    KEXPECT_EQ(stream_through(&r, 24, 1000), 0);
    ring_destroy(&r);
    ring_init(&r, 3 * PAGE_SIZE - 5); /* wraps in the middle of its last page */
    KEXPECT_EQ(stream_through(&r, 4099, 10 * PAGE_SIZE), 0);
    ring_destroy(&r);
}

KTEST(ring_peeks_at_an_offset_without_taking)
{
    static struct ring r;
    ring_init(&r, 16);
    uint8_t in[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, out[4] = {0};
    KASSERT_EQ(ring_put(&r, in, 12), ZX_OK);
    ring_drop(&r, 10);
    KASSERT_EQ(ring_put(&r, in, 12), ZX_OK); /* now wraps: 11 12 | 1 .. 12 */
    KEXPECT_EQ(ring_used(&r), 14);
    KEXPECT_EQ(ring_room(&r), 2);
    ring_peek(&r, 1, out, 4);
    KEXPECT_EQ(out[0], 12);
    KEXPECT_EQ(out[1], 1);
    KEXPECT_EQ(out[3], 3);
    KEXPECT_EQ(ring_used(&r), 14);
    ring_destroy(&r);
}

KTEST(ring_takes_frames_only_for_pages_written)
{
    static struct ring r;
    size_t before = frame_free_count();
    ring_init(&r, RING_MAX_CAPACITY);
    KEXPECT_EQ(frame_free_count(), before); /* an empty ring costs nothing */
    uint8_t byte = 0x5a;
    KASSERT_EQ(ring_put(&r, &byte, 1), ZX_OK);
    KEXPECT_EQ(frame_free_count(), before - 1);
    KASSERT_EQ(ring_reserve(&r, PAGE_SIZE), ZX_OK); /* the rest of page 0, and page 1 */
    KEXPECT_EQ(frame_free_count(), before - 2);
    KEXPECT_EQ(ring_used(&r), 1); /* reserving stores nothing */
    ring_destroy(&r);
    KEXPECT_EQ(frame_free_count(), before);
}
