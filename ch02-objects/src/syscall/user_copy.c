/*: # Copying from and to user memory, implemented

Chapter 1's `uspace_read` and `uspace_write` already walk the page table; here they are given the
caller's address space and Zircon's status code. Where pages are filled on first touch (chapter 4),
a page the page table does not yet allow may still be allowed by the address space: the copy first
asks the caller to fault each such page in, exactly as the user's own access would have. */
#include "syscall/user_copy.h"

#include "syscall/caller.h"

/* Make every page of [va, va + len) allow access, where the caller can fault pages in. */
static void fault_in(struct zx_caller *caller, uaddr_t va, size_t len, unsigned access)
{
    if (!caller->fault_in || va + len < va)
        return;
    for (vaddr_t page = PAGE_ROUND_DOWN(va); page < va + len; page += PAGE_SIZE) {
        paddr_t pa;
        unsigned flags;
        if (page < HAL_USER_BASE || page >= HAL_USER_END)
            return; /* the copy fails on it below */
        if (hal_pt_query(caller->memory->pt, page, &pa, &flags) != 0 || !(flags & access))
            if (caller->fault_in(caller, page, access) != ZX_OK)
                return;
    }
}

zx_status_t user_copy_in(void *dst, uaddr_t src, size_t len)
{
    struct zx_caller *caller = zx_caller_current();
    if (len == 0)
        return ZX_OK;
    fault_in(caller, src, len, HAL_MMU_READ);
    if (src == 0 || uspace_read(caller->memory, src, dst, len))
        return ZX_ERR_INVALID_ARGS;
    return ZX_OK;
}

zx_status_t user_copy_out(uaddr_t dst, const void *src, size_t len)
{
    struct zx_caller *caller = zx_caller_current();
    if (len == 0)
        return ZX_OK;
    fault_in(caller, dst, len, HAL_MMU_WRITE);
    if (dst == 0 || uspace_write(caller->memory, dst, src, len))
        return ZX_ERR_INVALID_ARGS;
    return ZX_OK;
}
