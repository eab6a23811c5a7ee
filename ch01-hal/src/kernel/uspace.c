/*: # A user address space, implemented */
#include "kernel/uspace.h"

#include <string.h>

#include "kernel/blob.h"
#include "kernel/frame.h"

int uspace_create(struct uspace *us)
{
    memset(us, 0, sizeof *us);
    us->pt = hal_pt_create();
    return us->pt ? 0 : HAL_ENOMEM;
}

void uspace_destroy(struct uspace *us)
{
    for (int i = 0; i < us->nregions; i++) {
        for (vaddr_t va = us->regions[i].va; va < us->regions[i].va + us->regions[i].len;
             va += PAGE_SIZE) {
            paddr_t pa;
            unsigned flags;
            if (hal_pt_query(us->pt, va, &pa, &flags) == 0)
                frame_free(pa);
        }
        hal_pt_unmap(us->pt, us->regions[i].va, us->regions[i].len);
    }
    hal_pt_destroy(us->pt);
    us->pt = NULL;
    us->nregions = 0;
}

int uspace_map_new(struct uspace *us, vaddr_t va, size_t len, unsigned flags)
{
    if (us->nregions == USPACE_MAX_REGIONS || len % PAGE_SIZE || va % PAGE_SIZE)
        return HAL_EINVAL;
    size_t done = 0;
    int err = 0;
    for (; done < len; done += PAGE_SIZE) {
        paddr_t pa = frame_alloc();
        if (!pa) {
            err = HAL_ENOMEM;
            break;
        }
        err = hal_pt_map(us->pt, va + done, pa, PAGE_SIZE, flags | HAL_MMU_USER);
        if (err) {
            frame_free(pa);
            break;
        }
    }
    /* Even a partial region is recorded, so that uspace_destroy frees what was mapped. */
    us->regions[us->nregions].va = va;
    us->regions[us->nregions].len = done;
    us->nregions++;
    return err;
}

int uspace_load_program(struct uspace *us, const char *name, struct hal_context *ctx)
{
    const struct blob *b = blob_find(name);
    if (!b)
        return HAL_ENOENT;
    size_t size = b->end - b->start;
    int err =
        uspace_map_new(us, USER_PROGRAM_BASE, PAGE_ROUND_UP(size), HAL_MMU_READ | HAL_MMU_EXEC);
    if (!err)
        err = uspace_map_new(us, USER_STACK_TOP - USER_STACK_SIZE, USER_STACK_SIZE,
                             HAL_MMU_READ | HAL_MMU_WRITE);
    if (err)
        return err;
    /* The code pages are read-only to the user; the kernel writes them through the frames. */
    for (size_t off = 0; off < size; off += PAGE_SIZE) {
        paddr_t pa;
        unsigned flags;
        hal_pt_query(us->pt, USER_PROGRAM_BASE + off, &pa, &flags);
        hal_pmem_write(pa, b->start + off, size - off < PAGE_SIZE ? size - off : PAGE_SIZE);
    }
    hal_context_init(ctx, USER_PROGRAM_BASE, USER_STACK_TOP);
    return 0;
}

/* Copy between a kernel buffer and user memory, page by page, checking each page's permission. */
static int copy_user(struct uspace *us, vaddr_t va, void *buf, size_t len, unsigned need)
{
    /* LAB ch01-copy-user BEGIN: copy page by page; fail (return -1) unless every page the copy
       touches is in the user range, mapped, and grants HAL_MMU_USER and the access asked for
       (need).
       stub:
    paddr_t pa;
    unsigned flags;
    if (hal_pt_query(us->pt, PAGE_ROUND_DOWN(va), &pa, &flags))
        return -1;
    if (need == HAL_MMU_WRITE)
        hal_pmem_write(pa + va % PAGE_SIZE, buf, len);
    else
        hal_pmem_read(pa + va % PAGE_SIZE, buf, len);
    */
    uint8_t *p = buf;
    while (len > 0) {
        paddr_t pa;
        unsigned flags;
        if (va < HAL_USER_BASE || va >= HAL_USER_END ||
            hal_pt_query(us->pt, PAGE_ROUND_DOWN(va), &pa, &flags))
            return -1;
        if ((flags & (need | HAL_MMU_USER)) != (need | HAL_MMU_USER))
            return -1;
        size_t off = va % PAGE_SIZE, n = PAGE_SIZE - off < len ? PAGE_SIZE - off : len;
        if (need == HAL_MMU_WRITE)
            hal_pmem_write(pa + off, p, n);
        else
            hal_pmem_read(pa + off, p, n);
        p += n;
        va += n;
        len -= n;
    }
    /* LAB END */
    return 0;
}

int uspace_read(struct uspace *us, vaddr_t va, void *buf, size_t len)
{
    return copy_user(us, va, buf, len, HAL_MMU_READ);
}

int uspace_write(struct uspace *us, vaddr_t va, const void *buf, size_t len)
{
    return copy_user(us, va, (void *)buf, len, HAL_MMU_WRITE);
}
