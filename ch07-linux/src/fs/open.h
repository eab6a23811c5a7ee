/*: # Opening a vnode

What `open` makes of a vnode: an open file (fs/file.h) whose operations fit the vnode's type. A
regular file's operations read and write its VMO, a directory's read its entries (with
`getdents64`; `read` is `-EISDIR`), a device's are the device's own (fs/device.h). The file keeps a
reference to the vnode, which therefore lives as long as any descriptor names it, even once its
last name is gone: a program may unlink a file it still reads. */
#ifndef ZINC_FS_OPEN_H
#define ZINC_FS_OPEN_H

#include "fs/file.h"
#include "fs/vnode.h"

extern const struct file_ops regular_file_ops, dir_file_ops, path_file_ops;

/* An open file of v with open(2)'s flags (O_TRUNC done by the caller): 0 and *out, or -errno:
   -EISDIR for a directory opened for writing, -ENXIO for a FIFO (no pipes behind names yet). */
int vnode_open(struct vnode *v, uint32_t flags, struct file **out);

#endif
