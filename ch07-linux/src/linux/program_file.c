/*: # Where programs come from: the boot filesystem */
#include "linux/program_file.h"

#include <string.h>

#include "kernel/blob.h"

static int read_blob(void *ctx, uint64_t offset, void *buf, size_t len)
{
    const struct blob *b = ctx;
    if (offset > (uint64_t)(b->end - b->start) || len > (uint64_t)(b->end - b->start) - offset)
        return -EIO;
    memcpy(buf, b->start + offset, len);
    return 0;
}

int program_file_open(const char *path, struct exec_file *f)
{
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const struct blob *b = blob_find(name);
    if (!b)
        return -ENOENT;
    *f = (struct exec_file){read_blob, (void *)b, (uint64_t)(b->end - b->start)};
    return 0;
}

void program_file_close(struct exec_file *f)
{
    (void)f;
}
