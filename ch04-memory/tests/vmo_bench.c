/*: # What VMOs cost

The figures of `make bench` for chapter 4, each an average in nanoseconds over enough repetitions to
outlast the clock's granularity:

- create a VMO, write it whole, read it whole, close it, for three sizes;
- make a snapshot child of a committed VMO, and close it: the close must not cost more than the
  making (zCore once measured 25 us to close a 2 MiB clone, against 1.2 us on Zircon);
- map 1 MiB, let a user program touch every page (each first touch is a page fault served from the
  VMO), and unmap it. */
#include "kernel/kbench.h"
#include "kernel/printk.h"
#include "vm_user.h"
#include "vmo_bench.h"

#define KIB 1024ull
#define MIB (1024 * KIB)

static uint8_t buffer[2 * 1024 * 1024];

static uint64_t create_write_read(uint64_t size, int rounds)
{
    uint64_t start = hal_timer_now();
    for (int i = 0; i < rounds; i++) {
        struct vmo *v;
        if (vmo_create(size, false, &v) != ZX_OK)
            return 0;
        vmo_write(v, 0, buffer, size);
        vmo_read(v, 0, buffer, size);
        kobject_unref(&v->base);
    }
    return (hal_timer_now() - start) / rounds;
}

static void snapshot_and_close(uint64_t size, int rounds, uint64_t *make, uint64_t *close)
{
    struct vmo *parent, *child;
    *make = *close = 0;
    if (vmo_create(size, false, &parent) != ZX_OK ||
        vmo_op_range(parent, ZX_VMO_OP_COMMIT, 0, size) != ZX_OK)
        return;
    for (int i = 0; i < rounds; i++) {
        uint64_t t0 = hal_timer_now();
        if (vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT, 0, size, false, &child) != ZX_OK)
            break;
        uint64_t t1 = hal_timer_now();
        kobject_unref(&child->base);
        *make += t1 - t0;
        *close += hal_timer_now() - t1;
    }
    *make /= rounds;
    *close /= rounds;
    kobject_unref(&parent->base);
}

uint64_t bench_map_touch_unmap(uint64_t size, int rounds)
{
    struct user_run r;
    struct vmar *root;
    if (user_run_load(&r, "touch", 0, 0) ||
        vm_space_create(r.us.pt, 0x20000000ul, 64 * MIB, &root) != ZX_OK)
        return 0;
    uint64_t start = hal_timer_now();
    for (int i = 0; i < rounds; i++) {
        struct vmo *v;
        vaddr_t addr;
        if (vmo_create(size, false, &v) != ZX_OK ||
            vmar_map(root, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, v, 0, size, &addr) != ZX_OK)
            return 0;
        kobject_unref(&v->base);
        if (vm_user_run(&r, root, addr, size / PAGE_SIZE) != ZX_OK)
            return 0;
        vmar_unmap(root, addr, size);
    }
    uint64_t per_round = (hal_timer_now() - start) / rounds;
    kobject_unref(&root->base);
    user_run_free(&r);
    return per_round;
}

KBENCH(vmo)
{
    static const uint64_t sizes[] = {4 * KIB, 128 * KIB, 2 * MIB};
    static const char *const names[] = {"4 KiB", "128 KiB", "2 MiB"};
    char what[64];
    for (int i = 0; i < 3; i++) {
        ksnprintf(what, sizeof what, "vmo create+write+read+close, %s", names[i]);
        kbench_report(what, create_write_read(sizes[i], i == 2 ? 20 : 200), "ns");
    }
    for (int i = 1; i < 3; i++) {
        uint64_t make, close;
        snapshot_and_close(sizes[i], 50, &make, &close);
        ksnprintf(what, sizeof what, "snapshot child of %s", names[i]);
        kbench_report(what, make, "ns");
        ksnprintf(what, sizeof what, "close of that child");
        kbench_report(what, close, "ns");
    }
    kbench_report("map+touch+unmap 1 MiB (256 page faults)", bench_map_touch_unmap(MIB, 10), "ns");
}
