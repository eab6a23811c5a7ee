/*: # User programs packed into the kernel

User programs travel inside the kernel image: the build links each `user/ARCH/NAME.S` at
`USER_PROGRAM_BASE`, strips it to a flat binary, and tools/blobs.sh registers it in the `blobs`
table under NAME. From chapter 3 on, the same table is the boot filesystem, from which Zircon
programs (ELF files, packed whole) are loaded. */
#ifndef ZINC_BLOB_H
#define ZINC_BLOB_H

#include <stdint.h>

#include "kernel/table.h"

struct blob {
    const char *name;
    const uint8_t *start, *end;
};

TABLE_DECLARE(struct blob, blobs);

/* The program called name, or NULL. */
const struct blob *blob_find(const char *name);

#endif
