/*: # mremap: a mapping made larger, smaller, or moved

`mremap(old, old_len, new_len, flags, new)` changes the size of the memory mapped at
[old, old + old_len), keeping its bytes:

- smaller, it unmaps the end and stays where it is;
- larger, it grows where it is if the pages just past its end are free;
- otherwise, with `MREMAP_MAYMOVE`, it moves to wherever the new size fits (to `new`, replacing
  what was there, with `MREMAP_FIXED`), and without it fails with `-ENOMEM`.

Nothing is copied when memory moves: the new place maps the same VMOs at the same offsets, and
the old place is unmapped last, so a move that fails halfway leaves the old mapping as it was. A
glibc or musl `realloc` of a large block is one `mremap`, which is why this matters.

The memory that growth adds continues what was mapped at the old end: more of the same VMO for
shared memory (the next bytes of a file, which must exist to be touched, as in Linux), and new
zeroed pages for private memory. (For a private mapping of a file, Linux would show the file's next
bytes there; here they are zeros: a snapshot ends where it was made to.) The range may be made of
several mappings (memory that grew in place before, or neighbouring `mmap`s, which Linux would have
merged into one): each moves with its own VMO and permissions; the range must be mapped throughout
(`-EFAULT` if not).

Not here: `MREMAP_DONTUNMAP`, and an `old_len` of 0, which in Linux makes a second mapping of
shared memory (both `-EINVAL`). */
#include <linux/mman.h>

#include "linux/memory.h"
#include "linux/regions.h"
#include "linux/syscall.h"
#include "task/task.h"

/* Do the regions r cover [start, end) with no gap? */
static bool covers(const struct region *r, vaddr_t start, vaddr_t end)
{
    for (; r && r->base == start; r = r->next)
        start += r->size;
    return start == end && !r;
}

/* Map len bytes at at (options: ZX_VM_SPECIFIC or ZX_VM_SPECIFIC_OVERWRITE) that continue region
   last: more of its VMO for shared memory, new zeroed memory otherwise. */
static zx_status_t map_continuation(struct vmar *root, const struct region *last, uint32_t options,
                                    vaddr_t at, size_t len)
{
    struct vmo *vmo = last->vmo;
    uint64_t offset = last->offset + last->size;
    if (linux_memory_is_shared(vmo)) {
        kobject_ref(&vmo->base);
    } else {
        offset = 0;
        if (linux_memory_create(len, false, &vmo) != ZX_OK)
            return ZX_ERR_NO_MEMORY;
    }
    vaddr_t addr;
    zx_status_t status =
        vmar_map(root, options | last->perms, at - root->start, vmo, offset, len, &addr);
    kobject_unref(&vmo->base); /* the mapping keeps its own reference */
    return status;
}

static const struct region *last_of(const struct region *r)
{
    while (r->next)
        r = r->next;
    return r;
}

/* Move the regions r of [old, old + old_len) to a new place of new_len bytes (to, if fixed; else
   where the VMAR finds room): the new address, or -ENOMEM. The room is taken first, with new
   zeroed memory that the regions then replace, so that each region can be put at its own place in
   it; what lies past the regions is then already the growth, for private memory. */
static int64_t move(struct vmar *root, const struct region *r, vaddr_t old, size_t old_len,
                    size_t new_len, bool fixed, vaddr_t to)
{
    const struct region *last = last_of(r);
    struct vmo *room;
    vaddr_t base = 0, addr;
    if (linux_memory_create(new_len, false, &room) != ZX_OK)
        return -ENOMEM;
    zx_status_t status = vmar_map(root, (fixed ? ZX_VM_SPECIFIC_OVERWRITE : 0) | last->perms,
                                  fixed ? to - root->start : 0, room, 0, new_len, &base);
    kobject_unref(&room->base);
    for (; status == ZX_OK && r && r->base - old < new_len; r = r->next) {
        size_t size = new_len - (r->base - old) < r->size ? new_len - (r->base - old) : r->size;
        status = vmar_map(root, ZX_VM_SPECIFIC_OVERWRITE | r->perms,
                          base + (r->base - old) - root->start, r->vmo, r->offset, size, &addr);
    }
    if (status == ZX_OK && new_len > old_len && linux_memory_is_shared(last->vmo))
        status = map_continuation(root, last, ZX_VM_SPECIFIC_OVERWRITE, base + old_len,
                                  new_len - old_len);
    if (status != ZX_OK) {
        if (base)
            vmar_unmap(root, base, new_len);
        return -ENOMEM;
    }
    vmar_unmap(root, old, old_len);
    return (int64_t)base;
}

/* mremap once the arguments are known to be good and r are the regions of the old range. */
static int64_t remap(struct vmar *root, const struct region *r, vaddr_t old, size_t old_len,
                     size_t new_len, uint64_t flags, vaddr_t to)
{
    bool fixed = flags & MREMAP_FIXED;
    if (!fixed && new_len <= old_len) {
        if (new_len < old_len && vmar_unmap(root, old + new_len, old_len - new_len) != ZX_OK)
            return -ENOMEM;
        return (int64_t)old;
    }
    if (!fixed && linux_user_range(old, new_len) &&
        map_continuation(root, last_of(r), ZX_VM_SPECIFIC, old + old_len, new_len - old_len) ==
            ZX_OK)
        return (int64_t)old;
    return flags & MREMAP_MAYMOVE ? move(root, r, old, old_len, new_len, fixed, to) : -ENOMEM;
}

static int64_t linux_mremap(const uint64_t *arg)
{
    vaddr_t old = arg[0], to = arg[4];
    uint64_t flags = arg[3];
    size_t most = HAL_USER_END - HAL_USER_BASE; /* no length can be more than user space */
    if (flags & ~(uint64_t)(MREMAP_MAYMOVE | MREMAP_FIXED) ||
        (flags & MREMAP_FIXED && !(flags & MREMAP_MAYMOVE)) || old % PAGE_SIZE || !arg[1] ||
        !arg[2] || arg[1] > most || arg[2] > most)
        return -EINVAL;
    if (!linux_user_range(old, arg[1]))
        return -EFAULT;
    size_t old_len = PAGE_ROUND_UP(arg[1]), new_len = PAGE_ROUND_UP(arg[2]);
    if (flags & MREMAP_FIXED && (to % PAGE_SIZE || !linux_user_range(to, new_len) ||
                                 (to < old + old_len && old < to + new_len)))
        return -EINVAL; /* the new place must not overlap the old */
    struct vmar *root = thread_current()->process->space;
    struct region *r = NULL;
    int64_t result = regions_of(root, old, old + old_len, &r);
    if (!result)
        result = covers(r, old, old + old_len) ? remap(root, r, old, old_len, new_len, flags, to)
                                               : -EFAULT;
    regions_free(r);
    return result;
}
LINUX_SYSCALL(mremap, linux_mremap);
