/*: # cpio archives: the parser */
#include "fs/cpio.h"

#include <asm/errno.h>
#include <stdbool.h>
#include <string.h>

#define HEADER_LEN 110
#define FIELDS 13
enum {
    F_INO,
    F_MODE,
    F_UID,
    F_GID,
    F_NLINK,
    F_MTIME,
    F_FILESIZE,
    F_NAMESIZE = 11
};

static size_t align4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

/* The eight hexadecimal digits at s: false if one is not. */
static bool hex8(const uint8_t *s, uint32_t *value)
{
    uint32_t v = 0;
    for (int i = 0; i < 8; i++) {
        uint8_t c = s[i];
        unsigned digit = c >= '0' && c <= '9'   ? c - '0'
                         : c >= 'a' && c <= 'f' ? c - 'a' + 10
                         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                : 16;
        if (digit == 16)
            return false;
        v = v << 4 | digit;
    }
    *value = v;
    return true;
}

/* The member at offset: the entry and the offset of the next one, or the reason it is bad. */
static const char *member(const uint8_t *a, size_t len, size_t *offset, struct cpio_entry *e)
{
    size_t at = *offset;
    if (len - at < HEADER_LEN)
        return "truncated header";
    if (memcmp(a + at, "070701", 6) && memcmp(a + at, "070702", 6))
        return "bad magic (not a newc archive)";
    uint32_t f[FIELDS];
    for (int i = 0; i < FIELDS; i++)
        if (!hex8(a + at + 6 + 8 * i, &f[i]))
            return "a header field is not hexadecimal";
    size_t name_at = at + HEADER_LEN, namesize = f[F_NAMESIZE];
    if (namesize == 0 || namesize > len - name_at)
        return "truncated name";
    if (a[name_at + namesize - 1] != '\0' ||
        memchr(a + name_at, '\0', namesize) != a + name_at + namesize - 1)
        return "a name without its zero";
    size_t data_at = align4(name_at + namesize);
    if (data_at > len || f[F_FILESIZE] > len - data_at)
        return "truncated contents";
    *e = (struct cpio_entry){
        (const char *)a + name_at, f[F_MODE], f[F_INO], f[F_NLINK], a + data_at, f[F_FILESIZE]};
    *offset = align4(data_at + f[F_FILESIZE]);
    return NULL;
}

int cpio_parse(const uint8_t *archive, size_t len,
               int (*each)(void *ctx, const struct cpio_entry *e), void *ctx, const char **why,
               size_t *where)
{
    size_t offset = 0;
    for (;;) {
        struct cpio_entry e;
        *where = offset;
        *why = offset > len ? "truncated archive" : member(archive, len, &offset, &e);
        if (*why)
            return -EINVAL;
        if (!strcmp(e.name, "TRAILER!!!"))
            return 0;
        int err = each(ctx, &e);
        if (err)
            return err;
    }
}
