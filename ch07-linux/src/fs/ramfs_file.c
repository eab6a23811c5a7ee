/*: # Regular files: reading, writing, truncating

The vnode's lock is held across each transfer, so that a write and the size it sets are one step
for every other reader and writer (and so that two `O_APPEND` writers never overlap). */
#include "fs/ramfs_file.h"

#include <asm/errno.h>

#include "vm/vmo.h"

int64_t ramfs_read(struct vnode *v, void *buf, size_t len, uint64_t pos)
{
    hal_lock_acquire(&v->lock);
    int64_t n = pos >= v->size ? 0 : (int64_t)(len < v->size - pos ? len : v->size - pos);
    if (n && vmo_read(v->data, pos, buf, n) != ZX_OK)
        n = -EIO;
    hal_lock_release(&v->lock);
    return n;
}

/* Under v's lock: make the VMO hold size bytes, and the file be that long. */
static int set_size(struct vnode *v, uint64_t size)
{
    if (size > RAMFS_FILE_MAX)
        return -EFBIG;
    bool grows_past_vmo = size > vmo_size(v->data);
    if ((grows_past_vmo || size < v->size) && vmo_set_size(v->data, size) != ZX_OK)
        return -ENOSPC;
    v->size = size;
    return 0;
}

int64_t ramfs_write(struct vnode *v, const void *buf, size_t len, uint64_t *pos, bool append)
{
    hal_lock_acquire(&v->lock);
    uint64_t at = append ? v->size : *pos;
    int64_t err = at > RAMFS_FILE_MAX || len > RAMFS_FILE_MAX - at ? -EFBIG : 0;
    if (!err && at + len > v->size)
        err = set_size(v, at + len);
    if (!err && vmo_write(v->data, at, buf, len) != ZX_OK)
        err = -ENOSPC;
    if (!err) {
        *pos = at + len;
        v->mtime = v->ctime = vnode_now();
    }
    hal_lock_release(&v->lock);
    return err ? err : (int64_t)len;
}

int ramfs_truncate(struct vnode *v, uint64_t size)
{
    hal_lock_acquire(&v->lock);
    int err = size == v->size ? 0 : set_size(v, size);
    if (!err)
        v->mtime = v->ctime = vnode_now();
    hal_lock_release(&v->lock);
    return err;
}
