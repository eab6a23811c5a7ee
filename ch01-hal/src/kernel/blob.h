/*: # User programs packed into the kernel

Until chapter 3 gives Zinc a boot filesystem, user programs travel inside the kernel image: the build links
each `user/ARCH/NAME.S` at `USER_PROGRAM_BASE`, strips it to a flat binary, and tools/blobs.sh registers it
in the `blobs` table under NAME. */
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
