/*: # Regular files: bytes in a VMO

A regular file's bytes are its VMO's (fs/vnode.h). The file's size is kept beside it, in bytes; the
VMO is as large as the size rounded up to pages, and grows when a write goes past its end. A write
past the end leaves a *hole*: the pages in between are never committed and read as zeros, so a
sparse file costs only what was written. Shrinking zeroes what is cut off in the last page, so that
growing the file again shows zeros there too, as Linux promises. */
#ifndef ZINC_FS_RAMFS_FILE_H
#define ZINC_FS_RAMFS_FILE_H

#include <stddef.h>

#include "fs/vnode.h"

/* The largest file: what the VMO can be (64 GiB). */
#define RAMFS_FILE_MAX (64ull << 30)

/* Read up to len bytes at pos: the count, 0 at or past the end. */
int64_t ramfs_read(struct vnode *v, void *buf, size_t len, uint64_t pos);
/* Write len bytes at *pos (at the end if append), advancing *pos: the count, -EFBIG, -ENOSPC. */
int64_t ramfs_write(struct vnode *v, const void *buf, size_t len, uint64_t *pos, bool append);
/* Make the file size bytes long: 0, -EFBIG, -ENOSPC. */
int ramfs_truncate(struct vnode *v, uint64_t size);

#endif
