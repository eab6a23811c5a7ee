/*: # Copying from and to user memory, implemented

Chapter 1's `uspace_read` and `uspace_write` already walk the page table; here they are given the caller's
address space and Zircon's status code. (Chapter 4, where pages are committed on first touch, replaces
this file: a copy must then fault pages in instead of failing.) */
#include "syscall/user_copy.h"

#include "syscall/caller.h"

zx_status_t user_copy_in(void *dst, uaddr_t src, size_t len)
{
    if (len == 0)
        return ZX_OK;
    if (src == 0 || uspace_read(zx_caller_current()->memory, src, dst, len))
        return ZX_ERR_INVALID_ARGS;
    return ZX_OK;
}

zx_status_t user_copy_out(uaddr_t dst, const void *src, size_t len)
{
    if (len == 0)
        return ZX_OK;
    if (dst == 0 || uspace_write(zx_caller_current()->memory, dst, src, len))
        return ZX_ERR_INVALID_ARGS;
    return ZX_OK;
}
