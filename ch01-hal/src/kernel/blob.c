/*: # Finding a packed program */
#include "kernel/blob.h"

#include <string.h>

const struct blob *blob_find(const char *name)
{
    TABLE_FOREACH(struct blob, blobs, b)
    {
        if (strcmp(b->name, name) == 0)
            return b;
    }
    return NULL;
}
