/*: # Copying from and to user memory

A system call never dereferences a user pointer. It copies the bytes it needs into kernel memory
first, and its results out at the end, through these two functions, which check every page against
the caller's page table. A pointer that is NULL, outside user space, unmapped or without the needed
permission makes the copy fail with `ZX_ERR_INVALID_ARGS`, which is what Zircon answers to a bad
pointer. */
#ifndef ZINC_USER_COPY_H
#define ZINC_USER_COPY_H

#include "zircon/errors.h"
#include "zircon/types.h"

/* A user address, as system calls receive pointers: a number to check, never to dereference. */
typedef uint64_t uaddr_t;

zx_status_t user_copy_in(void *dst, uaddr_t src, size_t len);
zx_status_t user_copy_out(uaddr_t dst, const void *src, size_t len);

#endif
