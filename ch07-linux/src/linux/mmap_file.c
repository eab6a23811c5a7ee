/*: # Mapping a file, implemented

A regular file's bytes are a VMO already (fs/ramfs_file.h), so a mapping of the file is a mapping
of that VMO, in one of the two ways Linux offers:

- `MAP_SHARED` maps the file's own VMO, from the offset asked. A store through the mapping changes
  the file, which `read` and every other mapping of it see at once, and a `write` to the file is
  seen through the mapping, because there is only one copy of each page. The VMO grows and shrinks
  with the file; a page of the mapping past the file's last page is past the VMO's end, and
  touching it is a fault, as in Linux (there it is `SIGBUS`; here every fault is `SIGSEGV`).
- `MAP_PRIVATE` maps a snapshot of the range (chapter 4): it shares the file's pages until either
  side writes one, and then the writer has its own copy. So the program's stores never reach the
  file. The snapshot is taken at `mmap`: a later `write` to the file is not seen in pages the
  program has only read, which Linux leaves unspecified (it shows them there). Past the file's end
  the snapshot reads zeros.

Either way the bytes past the end of the file in its last page read as zeros: the file keeps them
zero when it shrinks (fs/ramfs_file.h).

The access mode of the descriptor bounds the mapping as it does in Linux: reading is needed for any
mapping, and writing for a shared one that may write. (A later `mprotect` is not checked against
it: chapter 4's mappings do not remember the most they may be allowed.) */
#include "linux/mmap_file.h"

#include <asm/errno.h>
#include <linux/mman.h>

#include "fs/device.h"
#include "fs/open.h"
#include "fs/ramfs_file.h"

/* /dev/zero, which Linux maps as anonymous memory. */
static bool is_dev_zero(const struct vnode *v)
{
    return v && v->type == VNODE_CHAR_DEVICE && v->device->major == 1 && v->device->minor == 5;
}

int linux_file_memory(struct file *f, uint64_t prot, bool shared, uint64_t offset, size_t len,
                      struct vmo **out, uint64_t *vmo_offset)
{
    if (f->ops == &path_file_ops)
        return -EBADF;
    if (!file_readable(f) || (shared && prot & PROT_WRITE && !file_writable(f)))
        return -EACCES;
    *out = NULL;
    *vmo_offset = 0;
    if (is_dev_zero(f->node))
        return 0;
    if (f->ops != &regular_file_ops || f->node->read_only)
        return -ENODEV; /* pipes, terminals, directories, and /proc's files, as in Linux */
    if (offset > RAMFS_FILE_MAX || len > RAMFS_FILE_MAX - offset)
        return -EOVERFLOW;
    struct vmo *data = f->node->data;
    if (!shared)
        return vmo_create_child(data, ZX_VMO_CHILD_SNAPSHOT, offset, len, false, out) == ZX_OK
                   ? 0
                   : -ENOMEM;
    kobject_ref(&data->base);
    *out = data;
    *vmo_offset = offset;
    return 0;
}
