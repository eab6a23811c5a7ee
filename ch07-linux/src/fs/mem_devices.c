/*: # /dev/null, /dev/zero, /dev/full and the random devices

Linux's "memory" devices, major number 1, each a few lines of file operations:

| device | reads give | writes |
|--------|------------|--------|
| `null` (1, 3) | end of file | succeed, and vanish |
| `zero` (1, 5) | zeros, as many as asked | succeed, and vanish |
| `full` (1, 7) | zeros | fail with `ENOSPC`, as on a full disk |
| `random` (1, 8), `urandom` (1, 9) | random bytes (linux/random.h) | succeed |

None ever waits, so none has `poll` or `wait_on`: a file without them is always readable and
writable. Since Linux 5.6, `random` no longer blocks for entropy either; the two are the same here.
A write to a random device is, in Linux, entropy stirred into the pool; Zinc's generator takes
none, and the bytes are dropped. */
#include <asm/errno.h>
#include <string.h>

#include "fs/device.h"
#include "linux/random_bytes.h"

static int64_t read_nothing(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    return 0;
}

static int64_t read_zeros(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    memset(buf, 0, len);
    return (int64_t)len;
}

static int64_t read_random(struct file *f, void *buf, size_t len, uint64_t *pos)
{
    linux_random_bytes(buf, len);
    return (int64_t)len;
}

static int64_t write_away(struct file *f, const void *buf, size_t len, uint64_t *pos)
{
    return (int64_t)len;
}

static int64_t write_no_space(struct file *f, const void *buf, size_t len, uint64_t *pos)
{
    return -ENOSPC;
}

static const struct file_ops null_ops = {.read = read_nothing, .write = write_away};
static const struct file_ops zero_ops = {.read = read_zeros, .write = write_away};
static const struct file_ops full_ops = {.read = read_zeros, .write = write_no_space};
static const struct file_ops random_ops = {.read = read_random, .write = write_away};

DEVICE(null, 1, 3, &null_ops);
DEVICE(zero, 1, 5, &zero_ops);
DEVICE(full, 1, 7, &full_ops);
DEVICE(random, 1, 8, &random_ops);
DEVICE(urandom, 1, 9, &random_ops);
