/*: # Tests of page tables, through the interface and through a user's eyes

The second half of these tests is the one that matters: a mapping is only right if a user program
that touches the page reaches the frame, with the permissions asked for. */
#include "hal/hal.h"
#include "kernel/frame.h"
#include "kernel/ktest.h"
#include "user_support.h"

#define TEST_VA 0x20000000ul

KTEST(pt_map_then_query)
{
    struct hal_pt *pt = hal_pt_create();
    paddr_t f = frame_alloc();
    KASSERT_TRUE(pt && f);
    KEXPECT_EQ(hal_pt_map(pt, TEST_VA, f, PAGE_SIZE, HAL_MMU_READ | HAL_MMU_USER), 0);
    paddr_t pa = 0;
    unsigned flags = 0;
    KEXPECT_EQ(hal_pt_query(pt, TEST_VA, &pa, &flags), 0);
    KEXPECT_EQ(pa, f);
    KEXPECT_EQ(flags, HAL_MMU_READ | HAL_MMU_USER);
    KEXPECT_EQ(hal_pt_query(pt, TEST_VA + PAGE_SIZE, &pa, &flags), HAL_ENOENT);
    hal_pt_destroy(pt);
    frame_free(f);
}

KTEST(pt_map_over_mapped_page_fails)
{
    struct hal_pt *pt = hal_pt_create();
    paddr_t f = frame_alloc(), g = frame_alloc();
    KASSERT_TRUE(pt && f && g);
    KEXPECT_EQ(hal_pt_map(pt, TEST_VA + PAGE_SIZE, f, PAGE_SIZE, HAL_MMU_READ), 0);
    /* Two pages starting one below: the second collides, and nothing of the request may stay. */
    KEXPECT_EQ(hal_pt_map(pt, TEST_VA, g, 2 * PAGE_SIZE, HAL_MMU_READ), HAL_EEXIST);
    paddr_t pa;
    unsigned flags;
    KEXPECT_EQ(hal_pt_query(pt, TEST_VA, &pa, &flags), HAL_ENOENT);
    hal_pt_destroy(pt);
    frame_free(f);
    frame_free(g);
}

KTEST(pt_rejects_bad_ranges)
{
    struct hal_pt *pt = hal_pt_create();
    paddr_t f = frame_alloc();
    KASSERT_TRUE(pt && f);
    KEXPECT_EQ(hal_pt_map(pt, TEST_VA + 1, f, PAGE_SIZE, HAL_MMU_READ), HAL_EINVAL);
    KEXPECT_EQ(hal_pt_map(pt, TEST_VA, f + 1, PAGE_SIZE, HAL_MMU_READ), HAL_EINVAL);
    KEXPECT_EQ(hal_pt_map(pt, TEST_VA, f, 100, HAL_MMU_READ), HAL_EINVAL);
    KEXPECT_EQ(hal_pt_map(pt, HAL_USER_END, f, PAGE_SIZE, HAL_MMU_READ), HAL_EINVAL);
    KEXPECT_EQ(hal_pt_map(pt, HAL_USER_END - PAGE_SIZE, f, 2 * PAGE_SIZE, HAL_MMU_READ),
               HAL_EINVAL);
    KEXPECT_EQ(hal_pt_map(pt, 0, f, PAGE_SIZE, HAL_MMU_READ), HAL_EINVAL);
    KEXPECT_EQ(hal_pt_unmap(pt, TEST_VA + 8, PAGE_SIZE), HAL_EINVAL);
    hal_pt_destroy(pt);
    frame_free(f);
}

KTEST(pt_unmap_and_protect_skip_holes)
{
    struct hal_pt *pt = hal_pt_create();
    paddr_t f = frame_alloc();
    KASSERT_TRUE(pt && f);
    KEXPECT_EQ(hal_pt_map(pt, TEST_VA + PAGE_SIZE, f, PAGE_SIZE, HAL_MMU_READ | HAL_MMU_USER), 0);
    KEXPECT_EQ(
        hal_pt_protect(pt, TEST_VA, 3 * PAGE_SIZE, HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_USER), 0);
    paddr_t pa;
    unsigned flags;
    KEXPECT_EQ(hal_pt_query(pt, TEST_VA + PAGE_SIZE, &pa, &flags), 0);
    KEXPECT_EQ(flags, HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_USER);
    KEXPECT_EQ(hal_pt_query(pt, TEST_VA, &pa, &flags), HAL_ENOENT); /* protect maps nothing new */
    KEXPECT_EQ(hal_pt_unmap(pt, TEST_VA, 3 * PAGE_SIZE), 0);
    KEXPECT_EQ(hal_pt_query(pt, TEST_VA + PAGE_SIZE, &pa, &flags), HAL_ENOENT);
    hal_pt_destroy(pt);
    frame_free(f);
}

/* Map a frame holding a random token at TEST_VA in the program's space with the given flags. */
static paddr_t map_token(struct user_run *r, uint64_t token, unsigned flags)
{
    paddr_t f = frame_alloc();
    if (!f)
        return 0;
    hal_pmem_write(f, &token, sizeof token);
    if (hal_pt_map(r->us.pt, TEST_VA, f, PAGE_SIZE, flags)) {
        frame_free(f);
        return 0;
    }
    return f;
}

static void unmap_token(struct user_run *r, paddr_t f)
{
    hal_pt_unmap(r->us.pt, TEST_VA, PAGE_SIZE);
    frame_free(f);
}

KTEST(user_reads_mapped_frame)
{
    struct user_run r;
    uint64_t token = ktest_random();
    KASSERT_EQ(user_run_load(&r, "peek", TEST_VA, 0), 0);
    paddr_t f = map_token(&r, token, HAL_MMU_READ | HAL_MMU_USER);
    KASSERT_TRUE(f);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    KEXPECT_EQ(r.outcome.status, token);
    unmap_token(&r, f);
    user_run_free(&r);
}

KTEST(user_unmapped_access_faults)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "peek", TEST_VA + 0x123, 0), 0);
    user_run_serve(&r);
    KEXPECT_TRUE(!r.outcome.exited);
    KEXPECT_EQ(r.outcome.trap.kind, HAL_TRAP_PAGE_FAULT);
    KEXPECT_EQ(r.outcome.trap.addr, TEST_VA + 0x123);
    KEXPECT_EQ(r.outcome.trap.access, HAL_MMU_READ);
    /* the faulting instruction, to be retried */
    KEXPECT_EQ(hal_context_pc(&r.ctx), USER_PROGRAM_BASE);
    user_run_free(&r);
}

KTEST(user_sees_unmap)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "peek", TEST_VA, 0), 0);
    paddr_t f = map_token(&r, 1, HAL_MMU_READ | HAL_MMU_USER);
    KASSERT_TRUE(f);
    unmap_token(&r, f);
    user_run_serve(&r);
    KEXPECT_EQ(r.outcome.trap.kind, HAL_TRAP_PAGE_FAULT);
    KEXPECT_EQ(r.outcome.trap.addr, TEST_VA);
    user_run_free(&r);
}

KTEST(user_write_to_readonly_faults_then_retries)
{
    struct user_run r;
    uint64_t token = ktest_random();
    KASSERT_EQ(user_run_load(&r, "poke", TEST_VA + 8, token), 0);
    paddr_t f = map_token(&r, 0, HAL_MMU_READ | HAL_MMU_USER);
    KASSERT_TRUE(f);
    user_run_serve(&r);
    KEXPECT_TRUE(!r.outcome.exited);
    KEXPECT_EQ(r.outcome.trap.kind, HAL_TRAP_PAGE_FAULT);
    KEXPECT_EQ(r.outcome.trap.access, HAL_MMU_WRITE);
    KEXPECT_EQ(r.outcome.trap.addr, TEST_VA + 8);

    /* Grant write, run again: the store is retried and lands in the frame. */
    KEXPECT_EQ(
        hal_pt_protect(r.us.pt, TEST_VA, PAGE_SIZE, HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_USER),
        0);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    uint64_t stored = 0;
    hal_pmem_read(f + 8, &stored, sizeof stored);
    KEXPECT_EQ(stored, token);
    unmap_token(&r, f);
    user_run_free(&r);
}

KTEST(user_cannot_touch_kernel_only_page)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "peek", TEST_VA, 0), 0);
    paddr_t f = map_token(&r, 5, HAL_MMU_READ | HAL_MMU_WRITE); /* no HAL_MMU_USER */
    KASSERT_TRUE(f);
    user_run_serve(&r);
    KEXPECT_TRUE(!r.outcome.exited);
    KEXPECT_EQ(r.outcome.trap.kind, HAL_TRAP_PAGE_FAULT);
    unmap_token(&r, f);
    user_run_free(&r);
}

KTEST(user_cannot_execute_data_page)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "jump", TEST_VA, 0), 0);
    paddr_t f = map_token(&r, 0, HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_USER);
    KASSERT_TRUE(f);
    user_run_serve(&r);
    KEXPECT_EQ(r.outcome.trap.kind, HAL_TRAP_PAGE_FAULT);
    KEXPECT_EQ(r.outcome.trap.access, HAL_MMU_EXEC);
    KEXPECT_EQ(r.outcome.trap.addr, TEST_VA);
    unmap_token(&r, f);
    user_run_free(&r);
}

KTEST(address_space_switch)
{
    /* Two address spaces, the same user address, two frames: each program sees its own. */
    struct user_run a, b;
    uint64_t ta = ktest_random(), tb = ktest_random();
    KASSERT_EQ(user_run_load(&a, "peek", TEST_VA, 0), 0);
    KASSERT_EQ(user_run_load(&b, "peek", TEST_VA, 0), 0);
    paddr_t fa = map_token(&a, ta, HAL_MMU_READ | HAL_MMU_USER);
    paddr_t fb = map_token(&b, tb, HAL_MMU_READ | HAL_MMU_USER);
    KASSERT_TRUE(fa && fb);
    user_run_serve(&a);
    KEXPECT_EQ(a.outcome.status, ta);
    user_run_serve(&b);
    KEXPECT_EQ(b.outcome.status, tb);
    /* And back: the first space must come back whole after the second was active. */
    hal_context_init(&a.ctx, USER_PROGRAM_BASE, USER_STACK_TOP);
    hal_context_set_arg(&a.ctx, 0, TEST_VA);
    user_run_serve(&a);
    KEXPECT_EQ(a.outcome.status, ta);
    unmap_token(&a, fa);
    unmap_token(&b, fb);
    user_run_free(&a);
    user_run_free(&b);
}
