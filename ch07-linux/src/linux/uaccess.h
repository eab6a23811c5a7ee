/*: # Copying to and from a Linux program

Chapter 2's `user_copy_in` and `user_copy_out` with Linux's answer: 0, or `-EFAULT` for an address
the program cannot read or write. Linux system calls return what these return. */
#ifndef ZINC_LINUX_UACCESS_H
#define ZINC_LINUX_UACCESS_H

#include <asm/errno.h>

#include "syscall/user_copy.h"

static inline int copy_from_user(void *dst, uaddr_t src, size_t len)
{
    return user_copy_in(dst, src, len) == ZX_OK ? 0 : -EFAULT;
}

static inline int copy_to_user(uaddr_t dst, const void *src, size_t len)
{
    return user_copy_out(dst, src, len) == ZX_OK ? 0 : -EFAULT;
}

/* Copy the zero-terminated string at src into dst (size bytes, room for the zero): its length, or
   -EFAULT, or -ENAMETOOLONG if it does not fit. */
int64_t copy_string_from_user(char *dst, size_t size, uaddr_t src);

#endif
