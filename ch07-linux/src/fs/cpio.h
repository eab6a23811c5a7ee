/*: # cpio archives, newc format

The initramfs is a cpio archive in the "new ASCII" (`newc`) format, the one Linux's own initramfs
uses and Debian's `cpio -o -H newc` writes. Each member is a header of 110 ASCII bytes (the magic
`070701`, then thirteen fields of eight hexadecimal digits: inode, mode, owner, group, links, time,
size, device numbers, the name's size, a checksum), the name with its zero byte, and the contents;
the header with the name, and the contents, are each padded to a multiple of four bytes. A member
named `TRAILER!!!` ends the archive.

The parser trusts nothing: the archive is checked as it is read, and a bad magic, a field that is
no hexadecimal number, a name without its zero or anything that runs past the end stops it with an
error that says what was wrong and where. */
#ifndef ZINC_FS_CPIO_H
#define ZINC_FS_CPIO_H

#include <stddef.h>
#include <stdint.h>

struct cpio_entry {
    const char *name; /* zero-terminated, inside the archive */
    uint32_t mode;    /* type and permission bits, as struct stat's st_mode */
    uint32_t ino, nlink;
    const uint8_t *data;
    uint64_t size;
};

/* Call each(ctx, entry) for every member of the archive (len bytes at archive) until the trailer:
   0, or the first non-zero answer of each, or -EINVAL for a malformed archive with *why saying
   what was wrong and *where its offset. */
int cpio_parse(const uint8_t *archive, size_t len,
               int (*each)(void *ctx, const struct cpio_entry *e), void *ctx, const char **why,
               size_t *where);

#endif
