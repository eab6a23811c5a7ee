/*: # A Linux program's memory: brk, mmap, munmap, mprotect

Every byte of a Linux process's memory is a VMO mapped into its root VMAR (chapter 4), exactly as
for a Zircon program; these calls only translate.

- `mmap` maps a VMO of the length asked: at the address given with `MAP_FIXED` (replacing what was
  there: `ZX_VM_SPECIFIC_OVERWRITE`), at the address given if it is free with
  `MAP_FIXED_NOREPLACE` (`-EEXIST` if not), near the hint if it is free, and anywhere the VMAR
  chooses otherwise. Which VMO depends on what is mapped. Anonymous memory (and `/dev/zero`, which
  Linux maps as anonymous memory) is a new VMO, whose pages come on first touch, zeroed: an 8 MiB
  mapping costs nothing until used. A file's memory comes from the file (linux/mmap_file.c).
  Memory mapped with `MAP_SHARED` stays shared with the children that `fork` makes, and anything
  else becomes their copy (linux/memory.h says how `fork` knows).
- `brk` grows the heap by mapping one more VMO just past its end (and shrinks it by unmapping): a
  program that moves its break a hundred times has a hundred small VMOs, which is simple and costs
  a little in `fork`.
- `munmap` and `mprotect` are `vmar_unmap` and `vmar_protect` on page-rounded ranges; `mremap` has
  a file of its own (linux/mremap.c). A shared mapping of a file opened for reading only is made
  with no more than read and execute as its limit (chapter 4's `ZX_VM_CAN_MAP_*`), so that
  `mprotect` cannot make it writable: `-EACCES`, as on Linux.

The checks come in Linux's order, which programs can see when several arguments are wrong: an
offset that is not a multiple of the page size, then a descriptor that is not open, then the
length, the kind of mapping, and what the file allows. */
#include <linux/mman.h>

#include "fs/file.h"
#include "fs/fd_table.h"
#include "linux/memory.h"
#include "linux/mmap_file.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "vm/vmar.h"

bool linux_user_range(vaddr_t va, size_t len)
{
    return va >= HAL_USER_BASE && va <= HAL_USER_END && len <= HAL_USER_END - va;
}

uint32_t linux_prot_perms(uint64_t prot)
{
    uint32_t perms =
        (prot & PROT_WRITE ? ZX_VM_PERM_WRITE : 0) | (prot & PROT_EXEC ? ZX_VM_PERM_EXECUTE : 0);
    return prot & (PROT_READ | PROT_WRITE | PROT_EXEC) ? perms | ZX_VM_PERM_READ : 0;
}

zx_status_t linux_memory_create(size_t len, bool shared, struct vmo **out)
{
    zx_status_t status = vmo_create(len, shared, out);
    if (status == ZX_OK)
        kobject_set_name(&(*out)->base, shared ? "mmap-shared" : "mmap", ZX_MAX_NAME_LEN);
    return status;
}

bool linux_memory_is_shared(const struct vmo *v)
{
    return v->resizable;
}

static struct vmar *root_vmar(void)
{
    return thread_current()->process->space;
}

/* Map len bytes of vmo from offset with perms, where flags and hint say: the address, or -ENOMEM
   (-EEXIST for MAP_FIXED_NOREPLACE over something mapped). */
static int64_t place(uint64_t flags, vaddr_t hint, struct vmo *vmo, uint64_t offset, size_t len,
                     uint32_t perms)
{
    struct vmar *root = root_vmar();
    vaddr_t addr;
    zx_status_t status;
    if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
        if (!linux_user_range(hint, len))
            return -ENOMEM;
        uint32_t how = flags & MAP_FIXED ? ZX_VM_SPECIFIC_OVERWRITE : ZX_VM_SPECIFIC;
        status = vmar_map(root, how | perms, hint - root->start, vmo, offset, len, &addr);
        if (status == ZX_ERR_ALREADY_EXISTS)
            return -EEXIST;
    } else {
        hint = PAGE_ROUND_UP(hint); /* a hint need not be page-aligned */
        status = ZX_ERR_INVALID_ARGS;
        if (hint && linux_user_range(hint, len))
            status =
                vmar_map(root, ZX_VM_SPECIFIC | perms, hint - root->start, vmo, offset, len, &addr);
        if (status != ZX_OK)
            status = vmar_map(root, perms, 0, vmo, offset, len, &addr);
    }
    return status == ZX_OK ? (int64_t)addr : -ENOMEM;
}

/* mmap once the descriptor, if any, is f (NULL for anonymous memory). */
static int64_t map_memory(vaddr_t hint, size_t len, uint64_t prot, uint64_t flags, struct file *f,
                          uint64_t offset)
{
    uint32_t type = flags & MAP_TYPE;
    bool shared = type == MAP_SHARED || type == MAP_SHARED_VALIDATE;
    if (!len)
        return -EINVAL;
    if (len > HAL_USER_END - HAL_USER_BASE)
        return -ENOMEM;
    if ((!shared && type != MAP_PRIVATE) ||
        (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE) && hint % PAGE_SIZE))
        return -EINVAL;
    len = PAGE_ROUND_UP(len);
    struct vmo *vmo = NULL;
    uint64_t vmo_offset = 0;
    int err = f ? linux_file_memory(f, prot, shared, offset, len, &vmo, &vmo_offset) : 0;
    if (err)
        return err;
    if (!vmo && linux_memory_create(len, shared, &vmo) != ZX_OK)
        return -ENOMEM;
    uint32_t perms = linux_prot_perms(prot);
    if (f && shared && !file_writable(f)) /* mprotect may not make it writable later: EACCES */
        perms |= ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_EXECUTE;
    int64_t result = place(flags, hint, vmo, vmo_offset, len, perms);
    kobject_unref(&vmo->base); /* the mapping keeps its own reference */
    return result;
}

static int64_t linux_mmap(const uint64_t *arg)
{
    uint64_t flags = arg[3], offset = arg[5];
    if (offset % PAGE_SIZE)
        return -EINVAL;
    struct file *f = NULL;
    if (!(flags & MAP_ANONYMOUS) && !(f = fd_get(linux_current()->files, (int)arg[4])))
        return -EBADF;
    int64_t result = map_memory(arg[0], arg[1], arg[2], flags, f, offset);
    if (f)
        file_unref(f);
    return result;
}
LINUX_SYSCALL(mmap, linux_mmap);

static int64_t linux_munmap(const uint64_t *arg)
{
    vaddr_t va = arg[0];
    size_t len = PAGE_ROUND_UP(arg[1]);
    if (va % PAGE_SIZE || !len || !linux_user_range(va, len))
        return -EINVAL;
    zx_status_t status = vmar_unmap(root_vmar(), va, len);
    return status == ZX_OK || status == ZX_ERR_NOT_FOUND ? 0 : -ENOMEM;
}
LINUX_SYSCALL(munmap, linux_munmap);

static int64_t linux_mprotect(const uint64_t *arg)
{
    vaddr_t va = arg[0];
    size_t len = PAGE_ROUND_UP(arg[1]);
    if (va % PAGE_SIZE || arg[2] & ~(uint64_t)(PROT_READ | PROT_WRITE | PROT_EXEC))
        return -EINVAL;
    if (!len)
        return 0;
    if (!linux_user_range(va, len))
        return -ENOMEM;
    zx_status_t status = vmar_protect(root_vmar(), linux_prot_perms(arg[2]), va, len);
    return status == ZX_OK ? 0 : status == ZX_ERR_ACCESS_DENIED ? -EACCES : -ENOMEM;
}
LINUX_SYSCALL(mprotect, linux_mprotect);

/* Advice changes nothing a program can see here (pages are never swapped): accepted. */
static int64_t linux_madvise(const uint64_t *arg)
{
    return arg[0] % PAGE_SIZE ? -EINVAL : 0;
}
LINUX_SYSCALL(madvise, linux_madvise);

/* Map new zeroed heap memory over [va, va + len). */
static zx_status_t grow_heap(vaddr_t va, size_t len)
{
    struct vmar *root = root_vmar();
    struct vmo *vmo;
    vaddr_t addr;
    zx_status_t status = vmo_create(len, false, &vmo);
    if (status != ZX_OK)
        return status;
    kobject_set_name(&vmo->base, LINUX_VMO_HEAP, ZX_MAX_NAME_LEN);
    status = vmar_map(root, ZX_VM_SPECIFIC | ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, va - root->start,
                      vmo, 0, len, &addr);
    kobject_unref(&vmo->base); /* the mapping keeps its own reference */
    return status;
}

static int64_t linux_brk(const uint64_t *arg)
{
    struct linux_process *lp = linux_current();
    vaddr_t want = arg[0], have = PAGE_ROUND_UP(lp->brk), need = PAGE_ROUND_UP(want);
    if (want < lp->brk_start || !linux_user_range(lp->brk_start, want - lp->brk_start))
        return (int64_t)lp->brk; /* a query, or a move Linux would refuse: the break stays */
    if (need > have && grow_heap(have, need - have) != ZX_OK)
        return (int64_t)lp->brk;
    if (need < have && vmar_unmap(root_vmar(), need, have - need) != ZX_OK)
        return (int64_t)lp->brk;
    lp->brk = want;
    return (int64_t)want;
}
LINUX_SYSCALL(brk, linux_brk);
