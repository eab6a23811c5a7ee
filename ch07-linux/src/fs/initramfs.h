/*: # The initramfs

Unpacking a cpio archive (fs/cpio.h) into a directory: at boot, the kernel's own archive into the
root (fs/initramfs.c); in the tests, archives made for the purpose into a directory of their own. */
#ifndef ZINC_FS_INITRAMFS_H
#define ZINC_FS_INITRAMFS_H

#include <stddef.h>
#include <stdint.h>

#include "fs/vnode.h"

/* Unpack the archive (len bytes) into root: 0, or -EINVAL for a malformed archive (said on the
   console; what came before the fault is unpacked). Members that cannot be made are said and
   skipped. */
int initramfs_unpack(struct vnode *root, const uint8_t *archive, size_t len);

#endif
