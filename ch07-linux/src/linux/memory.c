/*: # A Linux program's memory: brk, mmap, munmap, mprotect

Every byte of a Linux process's memory is a VMO mapped into its root VMAR (chapter 4), exactly as
for a Zircon program; these calls only translate.

- `mmap` of anonymous memory makes a VMO of the length asked and maps it: at the address given
  with `MAP_FIXED` (replacing what was there: `ZX_VM_SPECIFIC_OVERWRITE`), at the address given if
  it is free with `MAP_FIXED_NOREPLACE` (`-EEXIST` if not), near the hint if it is free, and
  anywhere the VMAR chooses otherwise. Pages come on first touch, zeroed: an 8 MiB mapping costs
  nothing until used.
- `brk` grows the heap by mapping one more VMO just past its end (and shrinks it by unmapping): a
  program that moves its break a hundred times has a hundred small VMOs, which is simple and costs
  a little in `fork`.
- `munmap` and `mprotect` are `vmar_unmap` and `vmar_protect` on page-rounded ranges.

Linux protections translate to VMAR permissions, with read added to any mapping that allows
anything (Linux on these machines cannot make memory writable or executable without readable). */
#include <linux/mman.h>

#include "linux/process.h"
#include "linux/syscall.h"
#include "vm/vmar.h"
#include "vm/vmo.h"

static uint32_t perms_of(uint64_t prot)
{
    uint32_t perms =
        (prot & PROT_WRITE ? ZX_VM_PERM_WRITE : 0) | (prot & PROT_EXEC ? ZX_VM_PERM_EXECUTE : 0);
    return prot & (PROT_READ | PROT_WRITE | PROT_EXEC) ? perms | ZX_VM_PERM_READ : 0;
}

static struct vmar *root_vmar(void)
{
    return thread_current()->process->space;
}

/* Map a new zeroed VMO of len bytes (page-rounded) with perms at va (options: how va counts), named
   name: 0 and *addr, or the VMAR's refusal. */
static zx_status_t map_new(uint32_t options, vaddr_t va, size_t len, uint32_t perms,
                           const char *name, vaddr_t *addr)
{
    struct vmar *root = root_vmar();
    struct vmo *vmo;
    zx_status_t status = vmo_create(len, false, &vmo);
    if (status != ZX_OK)
        return status;
    kobject_set_name(&vmo->base, name, ZX_MAX_NAME_LEN);
    size_t offset = options & (ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE) ? va - root->start : 0;
    status = vmar_map(root, options | perms, offset, vmo, 0, PAGE_ROUND_UP(len), addr);
    kobject_unref(&vmo->base); /* the mapping keeps its own reference */
    return status;
}

static bool user_range(vaddr_t va, size_t len)
{
    return va >= HAL_USER_BASE && va <= HAL_USER_END && len <= HAL_USER_END - va;
}

static int64_t linux_mmap(const uint64_t *arg)
{
    vaddr_t hint = arg[0];
    size_t len = arg[1];
    uint64_t prot = arg[2], flags = arg[3];
    uint32_t type = flags & MAP_TYPE;
    if (!len || len > HAL_USER_END || hint % PAGE_SIZE ||
        (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE))
        return -EINVAL;
    if (!(flags & MAP_ANONYMOUS))
        return -ENODEV; /* a file's memory comes with the file system's mmap */
    len = PAGE_ROUND_UP(len);
    uint32_t perms = perms_of(prot);
    vaddr_t addr;
    zx_status_t status;
    if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
        if (!user_range(hint, len))
            return -ENOMEM;
        uint32_t how = flags & MAP_FIXED ? ZX_VM_SPECIFIC_OVERWRITE : ZX_VM_SPECIFIC;
        status = map_new(how, hint, len, perms, "mmap", &addr);
        if (status == ZX_ERR_ALREADY_EXISTS)
            return -EEXIST;
    } else {
        status = ZX_ERR_INVALID_ARGS;
        if (hint && user_range(hint, len))
            status = map_new(ZX_VM_SPECIFIC, hint, len, perms, "mmap", &addr);
        if (status != ZX_OK)
            status = map_new(0, 0, len, perms, "mmap", &addr);
    }
    return status == ZX_OK ? (int64_t)addr : -ENOMEM;
}
LINUX_SYSCALL(mmap, linux_mmap);

static int64_t linux_munmap(const uint64_t *arg)
{
    vaddr_t va = arg[0];
    size_t len = PAGE_ROUND_UP(arg[1]);
    if (va % PAGE_SIZE || !len || !user_range(va, len))
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
    if (!user_range(va, len))
        return -ENOMEM;
    return vmar_protect(root_vmar(), perms_of(arg[2]), va, len) == ZX_OK ? 0 : -ENOMEM;
}
LINUX_SYSCALL(mprotect, linux_mprotect);

/* Advice changes nothing a program can see here (pages are never swapped): accepted. */
static int64_t linux_madvise(const uint64_t *arg)
{
    return arg[0] % PAGE_SIZE ? -EINVAL : 0;
}
LINUX_SYSCALL(madvise, linux_madvise);

static int64_t linux_brk(const uint64_t *arg)
{
    struct linux_process *lp = linux_current();
    vaddr_t want = arg[0], have = PAGE_ROUND_UP(lp->brk), need = PAGE_ROUND_UP(want);
    if (want < lp->brk_start || !user_range(lp->brk_start, want - lp->brk_start))
        return (int64_t)lp->brk; /* a query, or a move Linux would refuse: the break stays */
    vaddr_t addr;
    if (need > have && map_new(ZX_VM_SPECIFIC, have, need - have,
                               ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, "heap", &addr) != ZX_OK)
        return (int64_t)lp->brk;
    if (need < have && vmar_unmap(root_vmar(), need, have - need) != ZX_OK)
        return (int64_t)lp->brk;
    lp->brk = want;
    return (int64_t)want;
}
LINUX_SYSCALL(brk, linux_brk);
