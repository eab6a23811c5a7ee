/*: # Mapping a file

What `mmap` maps for a descriptor: a regular file's bytes, shared or as a private copy, or, for
`/dev/zero`, anonymous memory. */
#ifndef ZINC_LINUX_MMAP_FILE_H
#define ZINC_LINUX_MMAP_FILE_H

#include "fs/file.h"
#include "vm/vmo.h"

/* The memory for a mapping of len bytes (page-rounded) of f from offset (page-aligned), with
   protections prot, shared or private: 0 and *out (a reference; NULL: map new anonymous memory)
   with *vmo_offset, where the mapping starts in it. -EBADF for a descriptor opened with O_PATH,
   -EACCES if f's access mode does not allow the mapping, -ENODEV if f is not a regular file,
   -EOVERFLOW past the largest file, -ENOMEM. */
int linux_file_memory(struct file *f, uint64_t prot, bool shared, uint64_t offset, size_t len,
                      struct vmo **out, uint64_t *vmo_offset);

#endif
